package capture

import "fmt"

// CSI cameras on the two board families edgecam targets. Neither is a plain
// V4L2 device: the sensor needs the vendor's ISP pipeline, which each vendor
// exposes as its own GStreamer source element.

// libcameraFragment renders a libcamera camera (Raspberry Pi camera
// modules; gstreamer1.0-libcamera). libcamera picks the sensor mode that
// fits the caps and scales in the ISP, so any size the ISP can output works,
// not only the sensor's native modes.
func libcameraFragment(s Source, f Format) string {
	src := "libcamerasrc"
	if s.CameraName != "" {
		src += " camera-name=" + quote(s.CameraName)
	}
	return fmt.Sprintf("%s ! video/x-raw,width=%d,height=%d,framerate=%d/1", src, f.Width, f.Height, f.FPS)
}

// nvargusFragment renders a Jetson CSI camera (nvarguscamerasrc, from
// JetPack's nvidia-l4t-gstreamer). Its frames stay in NVMM (device) memory:
// nvv4l2h264enc takes them as they are, and package encode puts nvvidconv
// in front of any encoder that needs system memory (see NVMM).
func nvargusFragment(s Source, f Format) string {
	return fmt.Sprintf("nvarguscamerasrc sensor-id=%d ! video/x-raw(memory:NVMM),width=%d,height=%d,framerate=%d/1,format=NV12",
		s.SensorID, f.Width, f.Height, f.FPS)
}

// NVMM reports whether the source's fragment outputs frames in NVIDIA NVMM
// memory rather than system memory (encode.Spec.NVMM).
func (s Source) NVMM() bool { return s.Kind == Nvargus }
