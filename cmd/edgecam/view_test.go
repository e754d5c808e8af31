package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kfake"
	"golang.org/x/crypto/bcrypt"

	"github.com/edgecam/edgecam/internal/testkit"
)

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

// TestViewCommand: a config without streams is accepted; serving beyond
// loopback warns unless both an auth file and TLS are given; a topic that
// does not exist ends the command with exit status 1 and says so; bad
// flags and a bad auth file exit 2.
func TestViewCommand(t *testing.T) {
	c, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.SeedTopics(1, "other"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	cfg := writeConfig(t, fmt.Sprintf("kafka: {brokers: [%q], topic: nosuch.topic}\n", c.ListenAddrs()[0]))
	dir := t.TempDir()
	hash, err := bcrypt.GenerateFromPassword([]byte("pw"), bcrypt.MinCost)
	if err != nil {
		t.Fatal(err)
	}
	auth := filepath.Join(dir, "auth")
	if err := os.WriteFile(auth, []byte("alice:"+string(hash)+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	ca := testkit.NewCA(t, dir, "view-ca")
	cert, key := ca.Issue(t, dir, "viewer", time.Now().Add(time.Hour), "localhost")

	for _, tc := range []struct {
		args []string
		warn bool
	}{
		{[]string{"--listen", "127.0.0.1:0"}, false},
		{[]string{"--listen", "0.0.0.0:0"}, true},
		{[]string{"--listen", "0.0.0.0:0", "--auth-file", auth}, true},
		{[]string{"--listen", "0.0.0.0:0", "--tls-cert", cert, "--tls-key", key}, true},
		{[]string{"--listen", "0.0.0.0:0", "--auth-file", auth, "--tls-cert", cert, "--tls-key", key}, false},
	} {
		code, _, errOut := runCmd(t, append([]string{"view", "--config", cfg}, tc.args...)...)
		if code != 1 || !strings.Contains(errOut, "topic nosuch.topic does not exist") {
			t.Errorf("%v: exit %d, want 1 and the missing topic named\n%s", tc.args, code, errOut)
		}
		if warned := strings.Contains(errOut, "WARNING"); warned != tc.warn {
			t.Errorf("%v: warning %v, want %v\n%s", tc.args, warned, tc.warn, errOut)
		}
	}
	for _, args := range [][]string{
		{"--tls-cert", cert},
		{"--auth-file", filepath.Join(dir, "missing")},
		{"--auth-file", cert}, // not an auth file
		{"--max-playbacks", "0"},
	} {
		if code, _, errOut := runCmd(t, append([]string{"view", "--config", cfg}, args...)...); code != 2 {
			t.Errorf("%v: exit %d, want 2\n%s", args, code, errOut)
		}
	}
}
