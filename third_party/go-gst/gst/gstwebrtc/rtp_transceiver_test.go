package gstwebrtc_test

import (
	"testing"
)

func TestRTPTransceiverGValueMarshal(t *testing.T) {
	t.Skip("Not implemented, because we don't have a constructor for RTPTransceiver")
}
