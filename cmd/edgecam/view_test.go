package main

import "testing"

func TestLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8090": true, "[::1]:8090": true, "localhost:8090": true, "127.1.2.3:80": true,
		"0.0.0.0:8090": false, ":8090": false, "192.168.1.5:8090": false, "[::]:8090": false, "camera-box:8090": false, "nonsense": false,
	} {
		if got := loopback(addr); got != want {
			t.Errorf("loopback(%q) = %v, want %v", addr, got, want)
		}
	}
}
