package auth

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/config/privatefile"
)

// KeyFileName is the key file's name inside the config folder.
const KeyFileName = "key"

// MaxKeyLen bounds a key: real keys are far shorter, and a pasted document
// is a mistake to refuse, not a key to store.
const MaxKeyLen = 4096

// KeySources are where the API key is found, saved and removed: the
// environment (read only), the OS keyring and the key file.
type KeySources struct {
	Dir     string              // the config folder, os.UserConfigDir()/cxi
	Getenv  func(string) string // the environment's (command.Env.Getenv); nil reads none
	Keyring Keyring             // nil when there is no keyring
	// Profile is the organization the key is for ([profiles.NAME]); ""
	// or "default" is the top-level one, whose key stays where it always
	// was (profiles.go).
	Profile string
}

// KeyFile is the path of the key file.
func (s KeySources) KeyFile() string { return filepath.Join(s.Dir, s.keyFileName()) }

// Where names a source for a sentence, the key file by its path.
func (s KeySources) Where(src Source) string {
	if src == SourceFile {
		return s.KeyFile()
	}
	return src.String()
}

// PermissionError refuses a key file that users other than its owner may
// read or write.
type PermissionError struct {
	Path string
	Mode fs.FileMode
}

func (e *PermissionError) Error() string {
	return fmt.Sprintf("%s is open to other users (mode %04o), so cxi will not use the key in it: run %s",
		e.Path, uint32(e.Mode.Perm()), e.Fix())
}

// ExitCode is command.ExitUsage: the file's mode is the user's to fix.
func (e *PermissionError) ExitCode() int { return command.ExitUsage }

// Fix is the command that repairs the file's mode.
func (e *PermissionError) Fix() string { return "chmod 600 " + shellQuote(e.Path) }

// Key returns the API key and where it came from: OPENCX_API_KEY first,
// then the keyring, then the key file. With no key anywhere it returns "",
// SourceNone and nil — unless the keyring failed, which is reported, since
// it may hold the key. A key file others can read is refused with a
// *PermissionError.
func (s KeySources) Key() (string, Source, error) {
	if s.Getenv != nil {
		if key := strings.TrimSpace(s.Getenv(EnvVar)); key != "" {
			if err := ValidateKey(key); err != nil {
				return "", SourceEnv, fmt.Errorf("%s: %w", EnvVar, err)
			}
			return key, SourceEnv, nil
		}
	}
	var keyringErr error
	if s.Keyring != nil {
		key, err := s.Keyring.Get(KeyringService, s.keyringUser())
		key = strings.TrimSpace(key)
		switch {
		case err == nil && key != "":
			if err := ValidateKey(key); err != nil {
				return "", SourceKeyring, fmt.Errorf("the key in the OS keyring: %w (run %s)", err, s.loginCommand())
			}
			return key, SourceKeyring, nil
		case err != nil && !errors.Is(err, ErrNotFound):
			keyringErr = err // the file may still hold it: Save falls back to it
		}
	}
	key, err := s.readFile()
	switch {
	case err != nil:
		return "", SourceFile, err
	case key != "":
		return key, SourceFile, nil
	case keyringErr != nil:
		return "", SourceNone, fmt.Errorf("no %s, no key file, and %w", EnvVar, keyringErr)
	}
	return "", SourceNone, nil
}

// readFile returns the key in the key file, "" when there is none.
func (s KeySources) readFile() (string, error) {
	if s.Dir == "" {
		return "", nil
	}
	path := s.KeyFile()
	// A FIFO or a directory where the key file belongs is refused at
	// once (privatefile never blocks on one); the mode checked below is
	// that of the file opened, not of whatever the path names later.
	f, info, err := privatefile.Open(path)
	var notFile *privatefile.NotRegularError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "", nil
	case errors.As(err, &notFile):
		return "", fmt.Errorf("the key file %w: remove it, then run %s", err, s.loginCommand())
	case err != nil:
		return "", fmt.Errorf("read the key file: %w", err)
	}
	defer f.Close()
	// Windows has no Unix modes (Go reports 0666); the file sits in the
	// user's profile, which its ACL keeps private.
	if runtime.GOOS != "windows" && info.Mode().Perm()&0o077 != 0 {
		return "", &PermissionError{Path: path, Mode: info.Mode()}
	}
	b, err := io.ReadAll(io.LimitReader(f, MaxKeyLen+2))
	if err != nil {
		return "", fmt.Errorf("read the key file: %w", err)
	}
	key := strings.TrimSpace(string(b))
	if key == "" {
		return "", nil
	}
	if err := ValidateKey(key); err != nil {
		return "", fmt.Errorf("the key in %s: %w (run %s)", path, err, s.loginCommand())
	}
	return key, nil
}

// Save stores key in the keyring if one answers, else in the key file,
// written 0600 in a folder created 0700. It says where the key went.
func (s KeySources) Save(key string) (Source, error) {
	if err := ValidateKey(key); err != nil {
		return SourceNone, err
	}
	if s.Keyring != nil {
		if err := s.Keyring.Set(KeyringService, s.keyringUser(), key); err == nil {
			// A key file from a login without a keyring is now stale: a
			// secret on disk that nothing reads.
			_ = s.removeFile()
			return SourceKeyring, nil
		}
	}
	if err := s.writeFile(key); err != nil {
		return SourceNone, err
	}
	return SourceFile, nil
}

// writeFile replaces the key file atomically. A temporary file is created
// 0600 and renamed over the old one, so an existing file with a looser mode
// never receives the key.
func (s KeySources) writeFile(key string) error {
	if s.Dir == "" {
		return errors.New("save the key: no config folder (set XDG_CONFIG_HOME or HOME)")
	}
	if err := privatefile.Replace(s.KeyFile(), []byte(key+"\n")); err != nil {
		return fmt.Errorf("save the key: %w", err)
	}
	return nil
}

// Delete removes the key from the keyring and the key file, and says which
// of them held it. OPENCX_API_KEY is the user's to unset.
func (s KeySources) Delete() ([]Source, error) {
	var removed []Source
	var errs []error
	if s.Keyring != nil {
		err := s.Keyring.Delete(KeyringService, s.keyringUser())
		switch {
		case err == nil:
			removed = append(removed, SourceKeyring)
		case !errors.Is(err, ErrNotFound):
			errs = append(errs, fmt.Errorf("remove the key from the OS keyring: %w", err))
		}
	}
	if s.Dir != "" {
		err := s.removeFile()
		switch {
		case err == nil:
			removed = append(removed, SourceFile)
		case !errors.Is(err, fs.ErrNotExist):
			errs = append(errs, fmt.Errorf("remove the key file: %w", err))
		}
	}
	return removed, errors.Join(errs...)
}

// removeFile removes the key file. A key file that is a link (into the
// user's dotfiles) had the key written through it, so the file it leads to
// goes too: removing the link alone would leave the key on disk.
func (s KeySources) removeFile() error {
	if s.Dir == "" {
		return fs.ErrNotExist
	}
	path := s.KeyFile()
	if info, err := os.Lstat(path); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		if target, err := filepath.EvalSymlinks(path); err == nil {
			if err := os.Remove(target); err != nil {
				return err
			}
		}
	}
	return os.Remove(path)
}

// MinKeyLen is the shortest key cxi takes, in characters. Real keys are far
// longer; errors redact the key wherever it appears in them, and a key of
// two or three letters would blank out ordinary words there.
const MinKeyLen = 8

// keyError is a key refused for its shape: the user's to fix, so a command
// exits ExitUsage on it, wherever the key came from.
type keyError string

func (e keyError) Error() string { return string(e) }

// ExitCode is command.ExitUsage.
func (keyError) ExitCode() int { return command.ExitUsage }

// Reasons a key is refused. None of them quotes the key.
var (
	ErrEmptyKey     error = keyError("the key is empty")
	ErrMultiLineKey error = keyError("the key has more than one line")
	ErrKeyTooLong   error = keyError(fmt.Sprintf("the key is longer than %d bytes", MaxKeyLen))
	ErrKeyChars     error = keyError("the key contains a space or a control character")
	ErrKeyTooShort  error = keyError(fmt.Sprintf("the key is shorter than %d characters, too short to be an OpenCX API key", MinKeyLen))
)

// ValidateKey refuses what cannot be an API key: nothing, several lines, a
// space or control character (which would break the Authorization header,
// or is a pasted "Bearer …"), a whole document, or a few characters.
func ValidateKey(key string) error {
	switch {
	case key == "":
		return ErrEmptyKey
	case len(key) > MaxKeyLen:
		return ErrKeyTooLong
	case strings.ContainsAny(key, "\r\n\u2028\u2029"):
		return ErrMultiLineKey
	}
	for _, r := range key {
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == unicode.ReplacementChar {
			return ErrKeyChars
		}
	}
	if utf8.RuneCountInString(key) < MinKeyLen {
		return ErrKeyTooShort
	}
	return nil
}

// shellQuote quotes a path for a command the user will paste; macOS's
// config folder ("Application Support") has a space.
func shellQuote(s string) string {
	if s != "" && !strings.ContainsFunc(s, func(r rune) bool {
		return !(r == '/' || r == '.' || r == '-' || r == '_' || r == '~' || unicode.IsLetter(r) || unicode.IsDigit(r))
	}) {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
