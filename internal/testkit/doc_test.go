package testkit

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestOnlyTestsImportIt: no package of the module but this one has the kit
// among its dependencies when built without its tests (what ships).
func TestOnlyTestsImportIt(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command to list the packages with")
	}
	_, file, _, _ := runtime.Caller(0)
	cmd := exec.Command("go", "list", "-deps", "-f", `{{.ImportPath}}{{range .Imports}} {{.}}{{end}}`, "./...")
	cmd.Dir = filepath.Join(filepath.Dir(file), "..", "..")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	const kit = "github.com/edgecam/edgecam/internal/testkit"
	for _, l := range Lines(string(out), " "+kit) {
		if pkg, imports, _ := strings.Cut(l, " "); pkg != kit && strings.Contains(" "+imports+" ", " "+kit+" ") {
			t.Errorf("%s imports the test kit", pkg)
		}
	}
}
