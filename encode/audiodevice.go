package encode

// The ALSA capture devices, as GStreamer's own ALSA device provider
// (alsadeviceprovider, in gstreamer1.0-alsa beside alsasrc) finds them: it
// walks the sound cards with alsa-lib, opens each capture PCM hw:C,D for
// inspection and reports the formats, rates and channels alsasrc can
// negotiate with it. Asking the provider rather than the device monitor
// keeps a sound server's provider (PulseAudio, PipeWire), which hides the
// ALSA one on a desktop, from hiding the very devices alsasrc opens.

/*
#cgo pkg-config: gstreamer-1.0
#include <stdlib.h>
#include <string.h>
#include <gst/gst.h>

// ec_int_span widens [*lo, *hi] by an int field of s: an int, an int range
// or a list of ints. Returns 0 when the field is absent or of another type.
static int ec_int_span(const GstStructure *s, const char *field, int *lo, int *hi) {
	const GValue *v = gst_structure_get_value(s, field);
	if (v == NULL) return 0;
	int a, b;
	if (G_VALUE_HOLDS_INT(v)) {
		a = b = g_value_get_int(v);
	} else if (GST_VALUE_HOLDS_INT_RANGE(v)) {
		a = gst_value_get_int_range_min(v);
		b = gst_value_get_int_range_max(v);
	} else if (GST_VALUE_HOLDS_LIST(v) && gst_value_list_get_size(v) > 0) {
		a = G_MAXINT; b = G_MININT;
		for (guint i = 0; i < gst_value_list_get_size(v); i++) {
			const GValue *e = gst_value_list_get_value(v, i);
			if (!G_VALUE_HOLDS_INT(e)) return 0;
			int x = g_value_get_int(e);
			if (x < a) a = x;
			if (x > b) b = x;
		}
	} else {
		return 0;
	}
	if (a < *lo) *lo = a;
	if (b > *hi) *hi = b;
	return 1;
}

typedef struct {
	char *device;   // alsasrc's device: hw:C,D
	char *name;     // the card's long name
	char *card_id;  // the card's id (stable: hw:ID,D names the same device after a reboot)
	int card;
	int rate_min, rate_max, channels_min, channels_max;
	char *formats;  // the sample formats, comma separated
} ec_alsa_dev;

static char *ec_strdup0(const char *s) { return g_strdup(s ? s : ""); }

// ec_alsa_capture lists the capture devices of the ALSA provider into a
// new array (*n entries); -1 when there is no ALSA provider.
static int ec_alsa_capture(ec_alsa_dev **out, int *n) {
	*out = NULL; *n = 0;
	GstDeviceProvider *p = gst_device_provider_factory_get_by_name("alsadeviceprovider");
	if (p == NULL) return -1;
	GList *devs = gst_device_provider_get_devices(p);
	int len = g_list_length(devs), k = 0;
	ec_alsa_dev *a = g_new0(ec_alsa_dev, len > 0 ? len : 1);
	for (GList *l = devs; l != NULL; l = l->next) {
		GstDevice *d = GST_DEVICE(l->data);
		if (!gst_device_has_classes(d, "Audio/Source")) continue;
		ec_alsa_dev *e = &a[k++];
		gchar *internal = NULL;
		if (g_object_class_find_property(G_OBJECT_GET_CLASS(d), "internal-name"))
			g_object_get(d, "internal-name", &internal, NULL);
		e->device = ec_strdup0(internal);
		g_free(internal);
		gchar *display = gst_device_get_display_name(d);
		e->name = ec_strdup0(display);
		g_free(display);
		e->card = -1;
		GstStructure *props = gst_device_get_properties(d);
		if (props != NULL) {
			e->card_id = ec_strdup0(gst_structure_get_string(props, "alsa.id"));
			gst_structure_get_int(props, "alsa.card", &e->card);
			gst_structure_free(props);
		} else {
			e->card_id = ec_strdup0(NULL);
		}
		e->rate_min = e->channels_min = G_MAXINT;
		e->rate_max = e->channels_max = G_MININT;
		GString *formats = g_string_new(NULL);
		GstCaps *caps = gst_device_get_caps(d);
		for (guint i = 0; caps != NULL && i < gst_caps_get_size(caps); i++) {
			const GstStructure *s = gst_caps_get_structure(caps, i);
			if (!gst_structure_has_name(s, "audio/x-raw")) continue;
			ec_int_span(s, "rate", &e->rate_min, &e->rate_max);
			ec_int_span(s, "channels", &e->channels_min, &e->channels_max);
			const GValue *f = gst_structure_get_value(s, "format");
			guint nf = f == NULL ? 0 : GST_VALUE_HOLDS_LIST(f) ? gst_value_list_get_size(f) : 1;
			for (guint j = 0; j < nf; j++) {
				const GValue *fv = GST_VALUE_HOLDS_LIST(f) ? gst_value_list_get_value(f, j) : f;
				if (!G_VALUE_HOLDS_STRING(fv)) continue;
				const char *name = g_value_get_string(fv);
				// One entry a format, whatever the structures repeat.
				gchar *needle = g_strdup_printf(",%s,", name);
				gchar *hay = g_strdup_printf(",%s,", formats->str);
				if (strstr(hay, needle) == NULL) {
					if (formats->len > 0) g_string_append_c(formats, ',');
					g_string_append(formats, name);
				}
				g_free(needle);
				g_free(hay);
			}
		}
		if (caps != NULL) gst_caps_unref(caps);
		if (e->rate_min > e->rate_max) e->rate_min = e->rate_max = 0;
		if (e->channels_min > e->channels_max) e->channels_min = e->channels_max = 0;
		e->formats = g_string_free(formats, FALSE);
	}
	g_list_free_full(devs, gst_object_unref);
	gst_object_unref(p);
	*out = a; *n = k;
	return 0;
}

static void ec_alsa_free(ec_alsa_dev *a, int n) {
	for (int i = 0; i < n; i++) {
		g_free(a[i].device); g_free(a[i].name); g_free(a[i].card_id); g_free(a[i].formats);
	}
	g_free(a);
}
*/
import "C"

import (
	"cmp"
	"errors"
	"slices"
	"strings"
	"unsafe"
)

// AudioDevice is one ALSA capture device (a microphone, a capture card's
// audio, one side of snd-aloop) as GStreamer's ALSA device provider reports
// it.
type AudioDevice struct {
	// Device is what alsasrc opens, hw:CARD,DEVICE by number, e.g. hw:1,0.
	// Card numbers follow the order the drivers loaded in: StableDevice
	// names the same device after a reboot.
	Device string
	// StableDevice is hw:ID,DEVICE by the card's id (e.g. hw:Loopback,1),
	// empty when the card has no id.
	StableDevice string
	// Name is the card's long name (e.g. "USB Audio Device at
	// usb-0000:01:00.0-1.2, full speed").
	Name string
	// CardID and Card are the card's id and number (-1 when unknown).
	CardID string
	Card   int
	// RateMin..RateMax are the sample rates (Hz), ChannelsMin..ChannelsMax
	// the channel counts it captures at; 0 when the provider gave none.
	RateMin, RateMax         int
	ChannelsMin, ChannelsMax int
	// Formats are its GStreamer sample formats (S16LE, S32LE, ...).
	Formats []string
}

// ErrNoALSA is AudioDevices' error when GStreamer has no ALSA device
// provider: gstreamer1.0-alsa is not installed.
var ErrNoALSA = errors.New("no GStreamer ALSA device provider (install gstreamer1.0-alsa)")

// AudioDevices lists the ALSA capture devices. It opens each for inspection
// (non-blocking, no capture): a device another program is capturing from
// is still listed, with what the provider could read. No sound card is an
// empty list, not an error.
func AudioDevices() ([]AudioDevice, error) {
	ensureInit()
	var arr *C.ec_alsa_dev
	var n C.int
	if C.ec_alsa_capture(&arr, &n) != 0 { //nolint:gocritic // false positive on cgo's rewrite of &arr, &n (as in pull.go)
		return nil, ErrNoALSA
	}
	defer C.ec_alsa_free(arr, n)
	devs := make([]AudioDevice, 0, int(n))
	for _, e := range unsafe.Slice(arr, int(n)) {
		d := AudioDevice{
			Device: C.GoString(e.device), Name: C.GoString(e.name), CardID: C.GoString(e.card_id), Card: int(e.card),
			RateMin: int(e.rate_min), RateMax: int(e.rate_max), ChannelsMin: int(e.channels_min), ChannelsMax: int(e.channels_max),
		}
		if f := C.GoString(e.formats); f != "" {
			d.Formats = strings.Split(f, ",")
		}
		if _, dev, ok := strings.Cut(d.Device, ","); ok && d.CardID != "" {
			d.StableDevice = "hw:" + d.CardID + "," + dev
		}
		devs = append(devs, d)
	}
	// The provider lists them last card first.
	slices.SortFunc(devs, func(a, b AudioDevice) int {
		return cmp.Or(cmp.Compare(a.Card, b.Card), cmp.Compare(a.Device, b.Device))
	})
	return devs, nil
}
