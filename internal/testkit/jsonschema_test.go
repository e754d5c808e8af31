package testkit

import (
	"bytes"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

func TestJSONSchema(t *testing.T) {
	sch := JSONSchema(t, "s.json", []byte(`{"type": "object", "required": ["at"], "properties": {"at": {"type": "string", "format": "date-time"}}}`))
	for _, tc := range []struct {
		doc string
		ok  bool
	}{
		{`{"at": "2026-12-01T10:00:00Z"}`, true},
		{`{"at": "yesterday"}`, false}, // formats are asserted
		{`{}`, false},
	} {
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(tc.doc)))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); (err == nil) != tc.ok {
			t.Errorf("%s: valid %v, want %v", tc.doc, err == nil, tc.ok)
		}
	}
}
