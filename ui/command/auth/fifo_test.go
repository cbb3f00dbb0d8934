//go:build unix

package auth

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/config/privatefile/fifotest"
)

// TestAKeyFileThatIsNoFileIsRefusedAtOnce: a FIFO or a directory where the
// key file belongs is refused with a sentence and exit 2; reading the FIFO
// would block until something wrote to it.
func TestAKeyFileThatIsNoFileIsRefusedAtOnce(t *testing.T) {
	fifoDir, dirDir := t.TempDir(), t.TempDir()
	fifotest.Mkfifo(t, filepath.Join(fifoDir, KeyFileName))
	if err := os.Mkdir(filepath.Join(dirDir, KeyFileName), 0o700); err != nil {
		t.Fatal(err)
	}
	for dir, what := range map[string]string{fifoDir: "a named pipe (FIFO)", dirDir: "a directory"} {
		var o output
		code := -1
		fifotest.Within(t, func() { code = Status(KeySources{Dir: dir}, accept, o.env()) })
		want := "cxi: the key file " + filepath.Join(dir, KeyFileName) + " is " + what + ", not a regular file: remove it, then run cxi auth login\n"
		if code != command.ExitUsage || o.err.String() != want {
			t.Errorf("exit %d, stderr %q; want 2, %q", code, o.err.String(), want)
		}
		if strings.Contains(o.out.String(), "Check:") {
			t.Errorf("a key was checked: %s", o.out.String())
		}
	}
}
