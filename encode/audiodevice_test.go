package encode

import "testing"

// TestAudioDevices: the ALSA provider answers (gstreamer1.0-alsa is a
// dependency). The host may have no sound card; the devices of a real
// one, snd-aloop's, are checked in the VM (vm/v4l2_test.go TestALSA).
func TestAudioDevices(t *testing.T) {
	devs, err := AudioDevices()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range devs {
		t.Logf("%+v", d)
		if d.Device == "" || d.RateMax < d.RateMin || d.ChannelsMax < d.ChannelsMin {
			t.Errorf("%+v: want a device name and sane ranges", d)
		}
	}
}
