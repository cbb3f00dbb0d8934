//go:build unix

package privatefile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/ui/command/config/privatefile/fifotest"
)

func TestOpenRefusesWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	fifo := fifotest.Mkfifo(t, filepath.Join(dir, "fifo"))
	for _, tt := range []struct {
		path, want string
	}{
		{fifo, fifo + " is a named pipe (FIFO), not a regular file"},
		{dir, dir + " is a directory, not a regular file"},
		{"/dev/null", "/dev/null is a character device, not a regular file"},
	} {
		fifotest.Within(t, func() {
			f, _, err := Open(tt.path)
			var notFile *NotRegularError
			if f != nil || !errors.As(err, &notFile) || err.Error() != tt.want {
				t.Errorf("Open(%s) = %v, %v; want %q", tt.path, f, err, tt.want)
			}
		})
	}
}

func TestOpenReadsAFileAndALinkToOne(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(path, []byte("theme = \"dark\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.toml")
	if err := os.Symlink(path, link); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, link} {
		f, info, err := Open(p)
		if err != nil {
			t.Fatalf("Open(%s): %v", p, err)
		}
		b, err := io.ReadAll(f)
		f.Close()
		if err != nil || !strings.Contains(string(b), "dark") || !info.Mode().IsRegular() {
			t.Errorf("Open(%s) read %q, %v, mode %v", p, b, err, info.Mode())
		}
	}
	if _, _, err := Open(filepath.Join(dir, "missing")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing file: %v, want fs.ErrNotExist", err)
	}
}
