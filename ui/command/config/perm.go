package config

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"runtime"
	"strings"

	"github.com/opencx-tools/cxi/ui/command/config/privatefile"
)

// maxFileSize bounds what is read: a config file is a few hundred bytes.
const maxFileSize = 1 << 20

// readPrivate reads the file at path, refusing it when its group or others
// may read or write it: the file sits beside the stored API key and says
// where that key is sent (base_url). Windows has no such mode bits; there
// the check is skipped. A directory, FIFO or device there is refused at
// once, never waited on.
func readPrivate(path string) ([]byte, error) {
	f, info, err := privatefile.Open(path)
	var notFile *privatefile.NotRegularError
	switch {
	case errors.As(err, &notFile):
		return nil, fmt.Errorf("config file %w", err)
	case err != nil:
		return nil, err
	}
	defer f.Close()
	if mode := info.Mode().Perm(); runtime.GOOS != "windows" && mode&0o077 != 0 {
		return nil, &InsecureError{Path: path, Mode: mode}
	}
	doc, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("config file %s: %w", path, err)
	}
	if len(doc) > maxFileSize {
		return nil, fmt.Errorf("config file %s is larger than %d bytes", path, maxFileSize)
	}
	return doc, nil
}

// InsecureError is a config file that users other than its owner may read
// or write (mode & 0o077 != 0). It is refused; the message says how to fix
// it.
type InsecureError struct {
	Path string
	Mode fs.FileMode
}

func (e *InsecureError) Error() string {
	return fmt.Sprintf("config file %s is accessible by other users (mode %04o); fix it with: chmod 600 %s",
		e.Path, e.Mode.Perm(), shellQuote(e.Path))
}

// shellQuote quotes path for the fix's command line when it needs it (a
// config dir with a space, as on macOS's "Application Support").
func shellQuote(path string) string {
	for _, r := range path {
		if !(r == '/' || r == '.' || r == '-' || r == '_' || r == '+' || r == ',' || r == ':' || r == '@' ||
			(r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9')) {
			return "'" + strings.ReplaceAll(path, "'", `'\''`) + "'"
		}
	}
	return path
}
