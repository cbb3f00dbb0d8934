//go:build unix

package config

import (
	"path/filepath"
	"testing"

	"github.com/opencx-tools/cxi/ui/command/config/privatefile/fifotest"
)

// TestAFIFOIsRefusedAtOnce: a FIFO where config.toml belongs would block
// os.Open until something wrote to it; Load says what it is instead.
func TestAFIFOIsRefusedAtOnce(t *testing.T) {
	path := fifotest.Mkfifo(t, filepath.Join(t.TempDir(), "config.toml"))
	var err error
	fifotest.Within(t, func() { _, err = Load(path) })
	wantErr(t, err, "config file "+path+" is a named pipe (FIFO), not a regular file")
	dir := t.TempDir()
	_, err = Load(dir)
	wantErr(t, err, "config file "+dir+" is a directory, not a regular file")
}
