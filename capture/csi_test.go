package capture

import (
	"strings"
	"testing"
)

func TestCSIFragment(t *testing.T) {
	f := Format{Width: 1920, Height: 1080, FPS: 30}
	tests := []struct {
		src      Source
		want     string
		wantNVMM bool
	}{
		{Source{Kind: Libcamera}, `libcamerasrc ! video/x-raw,width=1920,height=1080,framerate=30/1`, false},
		{Source{Kind: Libcamera, CameraName: "/base/soc/i2c0mux/i2c@1/imx708@1a"},
			`libcamerasrc camera-name="/base/soc/i2c0mux/i2c@1/imx708@1a" ! video/x-raw,width=1920,height=1080,framerate=30/1`, false},
		{Source{Kind: Libcamera, CameraName: `a "b"`}, `libcamerasrc camera-name="a \"b\"" ! video/x-raw,width=1920,height=1080,framerate=30/1`, false},
		{Source{Kind: Nvargus}, `nvarguscamerasrc sensor-id=0 ! video/x-raw(memory:NVMM),width=1920,height=1080,framerate=30/1,format=NV12`, true},
		{Source{Kind: Nvargus, SensorID: 1}, `nvarguscamerasrc sensor-id=1 ! video/x-raw(memory:NVMM),width=1920,height=1080,framerate=30/1,format=NV12`, true},
	}
	for _, tt := range tests {
		got, err := Fragment(tt.src, f)
		if err != nil || got != tt.want {
			t.Errorf("Fragment(%+v) = %q, %v\nwant %q", tt.src, got, err, tt.want)
		}
		if tt.src.NVMM() != tt.wantNVMM {
			t.Errorf("%+v: NVMM() = %v, want %v", tt.src, tt.src.NVMM(), tt.wantNVMM)
		}
		if _, err := PassthroughFragment(tt.src, Format{}); err == nil || !strings.Contains(err.Error(), "set an encoder") {
			t.Errorf("PassthroughFragment(%+v) err = %v, want a hint to set an encoder", tt.src, err)
		}
	}
}

func TestCSIString(t *testing.T) {
	tests := []struct {
		src  Source
		want string
	}{
		{Source{Kind: Libcamera}, "libcamera source"},
		{Source{Kind: Libcamera, CameraName: "imx708"}, "libcamera camera imx708"},
		{Source{Kind: Nvargus, SensorID: 2}, "nvargus camera sensor-id=2"},
	}
	for _, tt := range tests {
		if got := tt.src.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.src, got, tt.want)
		}
	}
}
