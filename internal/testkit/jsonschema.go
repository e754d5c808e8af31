package testkit

import (
	"bytes"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// JSONSchema compiles the JSON Schema document doc (registered as name),
// with format assertions on (date-time and the like are checked), or fails
// the test.
func JSONSchema(t testing.TB, name string, doc []byte) *jsonschema.Schema {
	t.Helper()
	d, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		t.Fatalf("schema %s: %v", name, err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(name, d); err != nil {
		t.Fatalf("schema %s: %v", name, err)
	}
	sch, err := c.Compile(name)
	if err != nil {
		t.Fatalf("the schema %s does not compile: %v", name, err)
	}
	return sch
}
