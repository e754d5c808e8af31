package encode

import (
	"fmt"
	"strings"
	"sync"

	"github.com/go-gst/go-gst/gst"
)

// CameraElement is the name capture gives an RTSP camera's rtspsrc: a
// stream whose AudioSpec.Camera is set takes its sound from that element's
// audio pad.
const CameraElement = "camsrc"

// cameraAudioBranch is what follows an RTSP camera's audio pad, by the
// pad's RTP encoding-name: AAC (MPEG4-GENERIC, MP4A-LATM) is depayloaded
// and passes through aacparse unchanged when the track's codec is AAC;
// G.711 (PCMA, PCMU) is decoded and encoded to the track's codec, as is
// AAC for an Opus track. ok is false for an encoding edgecam does not take.
func cameraAudioBranch(encoding string, a AudioSpec) (branch string, ok bool) {
	codec, err := audioCodec(a.Codec)
	if err != nil {
		return "", false
	}
	var depay, decode string
	switch strings.ToUpper(encoding) {
	case "MPEG4-GENERIC":
		depay, decode = "rtpmp4gdepay name=audio-depay", "avdec_aac name=audio-dec"
	case "MP4A-LATM":
		depay, decode = "rtpmp4adepay name=audio-depay", "avdec_aac name=audio-dec"
	case "PCMA":
		depay, decode = "rtppcmadepay name=audio-depay", "alawdec name=audio-dec"
	case "PCMU":
		depay, decode = "rtppcmudepay name=audio-depay", "mulawdec name=audio-dec"
	default:
		return "", false
	}
	head := "queue name=audio-cq max-size-buffers=0 max-size-bytes=0 max-size-time=2000000000 ! " + depay
	aac := strings.HasPrefix(depay, "rtpmp4")
	if aac && codec == AAC {
		// The camera's AAC as it comes: no decode, no encode.
		return head + " ! " + audioParseFragment(AAC), true
	}
	e, err := lookupAudioEncoder(a.Encoder)
	if err != nil || e.codec != codec {
		return "", false
	}
	if aac {
		head += " ! aacparse"
	}
	return fmt.Sprintf("%s ! %s ! %s ! %s ! %s", head, decode, rawAudioCaps(a), e.fragment(a), audioParseFragment(codec)), true
}

// cameraAudio links the camera's audio pad, when rtspsrc adds it, to a
// branch built for its encoding and on to the audio appsink. A camera
// that turns out to send no audio (rtspsrc's no-more-pads with none
// linked), or audio of another encoding, gets its appsink ended so the
// video runs on alone; note says why, for the log.
type cameraAudio struct {
	pipe  *gst.Pipeline
	sink  *gst.Element
	spec  AudioSpec
	mu    sync.Mutex
	done  bool
	note  string
	ended bool
}

func (c *cameraAudio) attach(cam *gst.Element) error {
	if _, err := cam.Connect("pad-added", func(_ *gst.Element, pad *gst.Pad) { c.padAdded(pad) }); err != nil {
		return err
	}
	_, err := cam.Connect("no-more-pads", func(_ *gst.Element) { c.noMorePads() })
	return err
}

func (c *cameraAudio) padAdded(pad *gst.Pad) {
	caps := pad.GetCurrentCaps()
	if caps == nil || caps.GetSize() == 0 {
		return
	}
	st := caps.GetStructureAt(0)
	media, _ := st.GetValue("media")
	if m, _ := media.(string); m != "audio" {
		return
	}
	enc, _ := st.GetValue("encoding-name")
	encoding, _ := enc.(string)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.done {
		return // one audio track: the first
	}
	desc, ok := cameraAudioBranch(encoding, c.spec)
	if !ok {
		c.note = fmt.Sprintf("the camera's audio is %s, which edgecam does not take (AAC: MPEG4-GENERIC or MP4A-LATM; G.711: PCMA or PCMU)", encoding)
		return
	}
	// The identity ends the bin on an element, not on caps, which
	// gst-launch syntax would take for an element name there.
	bin, err := gst.NewBinFromString(desc+" ! identity name=audio-out silent=true", true)
	if err == nil {
		err = c.pipe.Add(bin.Element)
	}
	if err == nil {
		if r := bin.GetStaticPad("src").Link(c.sink.GetStaticPad("sink")); r != gst.PadLinkOK {
			err = fmt.Errorf("linking to the audio appsink: %s", r)
		}
	}
	if err == nil {
		bin.SyncStateWithParent()
		if r := pad.Link(bin.GetStaticPad("sink")); r != gst.PadLinkOK {
			err = fmt.Errorf("linking the camera's %s pad: %s", encoding, r)
		}
	}
	if err != nil {
		c.note = fmt.Sprintf("the camera's %s audio: %v", encoding, err)
		return
	}
	c.done = true
	c.note = "camera audio " + encoding
}

// noMorePads ends the audio appsink when no audio pad was linked.
func (c *cameraAudio) noMorePads() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.done || c.ended {
		return
	}
	if c.note == "" {
		c.note = "the camera sends no audio track"
	}
	c.ended = true
	// Into its sink pad, as if from upstream: the appsink then ends
	// (its puller returns) and counts as ended for the pipeline's EOS.
	c.sink.GetStaticPad("sink").SendEvent(gst.NewEOSEvent())
}

// Note says what became of a camera's audio track ("" before rtspsrc
// reported its streams, or for other sources).
func (p *Pipeline) AudioNote() string {
	if p.camAudio == nil {
		return ""
	}
	p.camAudio.mu.Lock()
	defer p.camAudio.mu.Unlock()
	return p.camAudio.note
}
