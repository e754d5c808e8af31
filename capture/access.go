package capture

import "golang.org/x/sys/unix"

// accessRW checks read and write permission without opening the device:
// opening a V4L2 node can make some drivers power the sensor up.
func accessRW(path string) error {
	return unix.Access(path, unix.R_OK|unix.W_OK)
}
