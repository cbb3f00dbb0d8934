//go:build unix

package read

import (
	"bytes"
	"path/filepath"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/config/privatefile/fifotest"
)

// TestAFIFOForAConfigStopsGetAtOnce: `cxi get` with CXI_CONFIG naming a
// FIFO exits 2 with what it is, instead of waiting for a writer.
func TestAFIFOForAConfigStopsGetAtOnce(t *testing.T) {
	fifo := fifotest.Mkfifo(t, filepath.Join(t.TempDir(), "config.toml"))
	var out, errOut bytes.Buffer
	env := command.Env{Stdout: &out, Stderr: &errOut, Now: func() time.Time { return now }, Width: 80,
		Getenv: func(k string) string { return map[string]string{"CXI_CONFIG": fifo}[k] }}
	code := -1
	fifotest.Within(t, func() { code = realGet([]string{"--demo", demo.IDMinimal}, env) })
	if want := "cxi: config file " + fifo + " is a named pipe (FIFO), not a regular file\n"; code != command.ExitUsage || errOut.String() != want {
		t.Errorf("exit %d, stderr %q; want 2, %q", code, errOut.String(), want)
	}
}
