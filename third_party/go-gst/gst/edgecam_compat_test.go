package gst

// edgecam patch, 2026-12-01: the shims of gst.go.h, run untagged (the real
// functions) and with -tags gst_1_16 (the fallbacks); `make test-gstcompat`
// runs both.

import "testing"

func TestEdgecamCompatShims(t *testing.T) {
	Init(nil)

	// gst_element_factory_make_with_properties, or make + g_object_setv.
	e, err := NewElementWithProperties("videotestsrc", map[string]interface{}{"num-buffers": 7, "is-live": true})
	if err != nil {
		t.Fatal(err)
	}
	if v, err := e.GetProperty("num-buffers"); err != nil || v != 7 {
		t.Errorf("num-buffers = %v (%v), want 7", v, err)
	}
	if v, err := e.GetProperty("is-live"); err != nil || v != true {
		t.Errorf("is-live = %v (%v), want true", v, err)
	}
	if _, err := NewElementWithProperties("no-such-element-factory", nil); err == nil {
		t.Error("an unknown factory gave no error")
	}

	// gst_value_array_init / gst_value_list_init, or g_value_init.
	a := ValueArray([]interface{}{1, 2, 3})
	if a == nil || a.Size() != 3 || a.ValueAt(1) != 2 {
		t.Errorf("ValueArray: %v", a)
	}
	l := ValueList([]interface{}{"x", "y"})
	if l == nil || l.Size() != 2 || l.ValueAt(1) != "y" {
		t.Errorf("ValueList: %v", l)
	}
}
