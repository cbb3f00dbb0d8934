//go:build unix

package settings

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/config/privatefile/fifotest"
)

// TestAConfigThatIsNoFileIsRefusedAtOnce: CXI_CONFIG or the default path
// naming a FIFO or a directory stops cxi at once (exit 2) with what it
// is; a FIFO opened for reading would block until a writer came.
func TestAConfigThatIsNoFileIsRefusedAtOnce(t *testing.T) {
	fifo := fifotest.Mkfifo(t, filepath.Join(t.TempDir(), "config.toml"))
	userDir := t.TempDir()
	defaultPath := filepath.Join(userDir, "cxi", "config.toml")
	if err := os.MkdirAll(defaultPath, 0o700); err != nil { // a directory where the file belongs
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		env  command.Env
		want string
	}{
		{"CXI_CONFIG is a FIFO", envWith(t, map[string]string{EnvConfig: fifo}), "config file " + fifo + " is a named pipe (FIFO), not a regular file"},
		{"the default path is a directory", command.Env{Getenv: func(string) string { return "" }, UserConfigDir: func() (string, error) { return userDir, nil }},
			"config file " + defaultPath + " is a directory, not a regular file"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			fifotest.Within(t, func() { _, err = Resolve(Flags{}, tt.env) })
			if err == nil || !strings.Contains(err.Error(), tt.want) || command.ExitCode(err) != command.ExitUsage {
				t.Errorf("err = %v (exit %d), want %q, exit 2", err, command.ExitCode(err), tt.want)
			}
		})
	}
}
