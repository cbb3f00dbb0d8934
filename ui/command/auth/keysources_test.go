package auth

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

func writeKeyFile(t *testing.T, dir, content string, mode os.FileMode) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, KeyFileName)
	if err := os.WriteFile(path, []byte(content), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil { // past the umask
		t.Fatal(err)
	}
	return path
}

func skipOnWindows(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix file modes")
	}
}

func TestSourceString(t *testing.T) {
	for src, want := range map[Source]string{SourceNone: "none", SourceEnv: "OPENCX_API_KEY", SourceKeyring: "the OS keyring", SourceFile: "the key file"} {
		if got := src.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", src, got, want)
		}
	}
	s := KeySources{Dir: "/home/u/.config/cxi"}
	if got := s.Where(SourceFile); got != filepath.Join("/home/u/.config/cxi", "key") {
		t.Errorf("Where(SourceFile) = %q", got)
	}
	if got := s.Where(SourceKeyring); got != "the OS keyring" {
		t.Errorf("Where(SourceKeyring) = %q", got)
	}
}

func TestKeyPrecedence(t *testing.T) {
	dir := t.TempDir()
	writeKeyFile(t, dir, "from-file\n", 0o600)
	kr := newMemKeyring()
	kr.secrets[KeyringService+"/"+KeyringUser] = "from-keyring"

	tests := []struct {
		name  string
		store KeySources
		key   string
		src   Source
	}{
		{"env first", KeySources{Dir: dir, Getenv: env(map[string]string{EnvVar: "  from-env\n"}), Keyring: kr}, "from-env", SourceEnv},
		{"then the keyring", KeySources{Dir: dir, Getenv: env(nil), Keyring: kr}, "from-keyring", SourceKeyring},
		{"then the file", KeySources{Dir: dir, Getenv: env(nil)}, "from-file", SourceFile},
		{"blank env is unset", KeySources{Dir: dir, Getenv: env(map[string]string{EnvVar: " "}), Keyring: kr}, "from-keyring", SourceKeyring},
		{"nothing", KeySources{Dir: t.TempDir(), Getenv: env(nil), Keyring: newMemKeyring()}, "", SourceNone},
		{"zero store", KeySources{}, "", SourceNone},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			key, src, err := tt.store.Key()
			if err != nil || key != tt.key || src != tt.src {
				t.Fatalf("Key() = %q, %v, %v; want %q, %v, nil", key, src, err, tt.key, tt.src)
			}
		})
	}
}

func TestKeyFallsBackToFileWhenKeyringFails(t *testing.T) {
	dir := t.TempDir()
	writeKeyFile(t, dir, "from-file", 0o600)
	kr := newMemKeyring()
	kr.err = errors.New("The name org.freedesktop.secrets was not provided by any .service files")
	key, src, err := KeySources{Dir: dir, Keyring: kr}.Key()
	if err != nil || key != "from-file" || src != SourceFile {
		t.Fatalf("Key() = %q, %v, %v; want the file's key", key, src, err)
	}

	// With no file, the keyring's failure is reported: it may hold the key.
	_, src, err = KeySources{Dir: t.TempDir(), Keyring: kr}.Key()
	if err == nil || src != SourceNone || !strings.Contains(err.Error(), "org.freedesktop.secrets") {
		t.Fatalf("Key() with a failing keyring and no file = %v, %v", src, err)
	}
}

func TestKeyringTimeout(t *testing.T) {
	dir := t.TempDir()
	writeKeyFile(t, dir, "from-file", 0o600)
	store := KeySources{Dir: dir, Keyring: WithTimeout(newHangingKeyring(t), testTimeout)}

	start := time.Now()
	key, src, err := store.Key()
	if err != nil || key != "from-file" || src != SourceFile {
		t.Fatalf("Key() = %q, %v, %v; want the file's key after the timeout", key, src, err)
	}
	if time.Since(start) > time.Second {
		t.Fatalf("Key() took %s: the timeout did not apply", time.Since(start))
	}

	_, err = store.Keyring.Get(KeyringService, KeyringUser)
	if !errors.Is(err, ErrKeyringTimeout) {
		t.Fatalf("Get = %v, want ErrKeyringTimeout", err)
	}
	if err := store.Keyring.Delete(KeyringService, KeyringUser); !errors.Is(err, ErrKeyringTimeout) {
		t.Fatalf("Delete = %v, want ErrKeyringTimeout", err)
	}

	// Save falls back to the file when the keyring hangs.
	src, err = store.Save("new-key-1")
	if err != nil || src != SourceFile {
		t.Fatalf("Save = %v, %v; want SourceFile", src, err)
	}
	if b, _ := os.ReadFile(store.KeyFile()); string(b) != "new-key-1\n" {
		t.Fatalf("key file holds %q", b)
	}

	// No file either: the timeout is the error.
	_, _, err = KeySources{Dir: t.TempDir(), Keyring: store.Keyring}.Key()
	if !errors.Is(err, ErrKeyringTimeout) {
		t.Fatalf("Key() = %v, want ErrKeyringTimeout", err)
	}
}

func TestTimeoutKeyringPassesThrough(t *testing.T) {
	kr := WithTimeout(newMemKeyring(), time.Second)
	if _, err := kr.Get("s", "u"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Get of nothing = %v, want ErrNotFound", err)
	}
	if err := kr.Set("s", "u", "v"); err != nil {
		t.Fatal(err)
	}
	if v, err := kr.Get("s", "u"); v != "v" || err != nil {
		t.Fatalf("Get = %q, %v", v, err)
	}
	if err := kr.Delete("s", "u"); err != nil {
		t.Fatal(err)
	}
}

func TestKeyFileOpenToOthersIsRefused(t *testing.T) {
	skipOnWindows(t)
	for _, mode := range []os.FileMode{0o644, 0o640, 0o604, 0o660, 0o602} {
		dir := t.TempDir()
		path := writeKeyFile(t, dir, secret, mode)
		key, src, err := KeySources{Dir: dir}.Key()
		var perm *PermissionError
		if !errors.As(err, &perm) || key != "" || src != SourceFile {
			t.Fatalf("mode %o: Key() = %q, %v, %v; want a PermissionError", mode, key, src, err)
		}
		if !strings.Contains(err.Error(), "chmod 600 "+path) || perm.Fix() != "chmod 600 "+path {
			t.Errorf("mode %o: no chmod hint: %v", mode, err)
		}
		if strings.Contains(err.Error(), secret) {
			t.Fatalf("the error holds the key: %v", err)
		}
	}
}

func TestKeyFileBadContent(t *testing.T) {
	skipOnWindows(t)
	dir := t.TempDir()
	writeKeyFile(t, dir, "one\ntwo\n", 0o600)
	if _, _, err := (KeySources{Dir: dir}).Key(); !errors.Is(err, ErrMultiLineKey) {
		t.Fatalf("Key() of a two-line file = %v", err)
	}
	writeKeyFile(t, dir, "\n", 0o600)
	if key, src, err := (KeySources{Dir: dir}).Key(); key != "" || src != SourceNone || err != nil {
		t.Fatalf("Key() of an empty file = %q, %v, %v; want none", key, src, err)
	}
}

func TestSaveWritesFile0600(t *testing.T) {
	skipOnWindows(t)
	dir := filepath.Join(t.TempDir(), "config", "cxi")
	store := KeySources{Dir: dir}
	src, err := store.Save(secret)
	if err != nil || src != SourceFile {
		t.Fatalf("Save = %v, %v", src, err)
	}
	info, err := os.Stat(store.KeyFile())
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("key file mode %o, want 600", info.Mode().Perm())
	}
	dinfo, _ := os.Stat(dir)
	if dinfo.Mode().Perm() != 0o700 {
		t.Errorf("config folder mode %o, want 700", dinfo.Mode().Perm())
	}
	key, src, err := store.Key()
	if key != secret || src != SourceFile || err != nil {
		t.Fatalf("Key() after Save = %v, %v", src, err)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".key-*"))
	if len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func TestSaveReplacesLooseFile(t *testing.T) {
	skipOnWindows(t)
	dir := t.TempDir()
	path := writeKeyFile(t, dir, "old", 0o644)
	if _, err := (KeySources{Dir: dir}).Save(secret); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(path)
	if info.Mode().Perm() != 0o600 {
		t.Fatalf("mode after Save over a 0644 file: %o", info.Mode().Perm())
	}
}

func TestSaveToKeyringRemovesStaleFile(t *testing.T) {
	dir := t.TempDir()
	path := writeKeyFile(t, dir, "stale", 0o600)
	kr := newMemKeyring()
	src, err := KeySources{Dir: dir, Keyring: kr}.Save(secret)
	if err != nil || src != SourceKeyring {
		t.Fatalf("Save = %v, %v", src, err)
	}
	if kr.stored() != secret {
		t.Fatalf("keyring holds %q", kr.stored())
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("stale key file still there: %v", err)
	}
}

func TestSaveFallsBackWhenKeyringFails(t *testing.T) {
	kr := newMemKeyring()
	kr.err = errors.New("no secret service")
	store := KeySources{Dir: t.TempDir(), Keyring: kr}
	src, err := store.Save(secret)
	if err != nil || src != SourceFile {
		t.Fatalf("Save = %v, %v; want SourceFile", src, err)
	}
}

func TestSaveRefusesBadKeys(t *testing.T) {
	store := KeySources{Dir: t.TempDir()}
	for _, key := range []string{"", "a\nb", "Bearer abc", strings.Repeat("k", MaxKeyLen+1)} {
		if _, err := store.Save(key); err == nil {
			t.Errorf("Save(%q) succeeded", key)
		}
	}
	if _, err := os.Stat(store.KeyFile()); !os.IsNotExist(err) {
		t.Fatal("a refused key was written")
	}
	if _, err := (KeySources{}).Save(secret); err == nil {
		t.Fatal("Save with no folder and no keyring succeeded")
	}
}

func TestDeleteReportsSources(t *testing.T) {
	dir := t.TempDir()
	kr := newMemKeyring()
	store := KeySources{Dir: dir, Keyring: kr}

	kr.secrets[KeyringService+"/"+KeyringUser] = secret
	writeKeyFile(t, dir, secret, 0o600)
	got, err := store.Delete()
	if err != nil || len(got) != 2 || got[0] != SourceKeyring || got[1] != SourceFile {
		t.Fatalf("Delete of both = %v, %v", got, err)
	}
	if got, err := store.Delete(); err != nil || len(got) != 0 {
		t.Fatalf("Delete of nothing = %v, %v", got, err)
	}
	writeKeyFile(t, dir, secret, 0o600)
	if got, err := store.Delete(); err != nil || len(got) != 1 || got[0] != SourceFile {
		t.Fatalf("Delete of the file = %v, %v", got, err)
	}
	kr.secrets[KeyringService+"/"+KeyringUser] = secret
	if got, err := store.Delete(); err != nil || len(got) != 1 || got[0] != SourceKeyring {
		t.Fatalf("Delete of the keyring = %v, %v", got, err)
	}

	// A failing keyring is reported, and the file still goes.
	writeKeyFile(t, dir, secret, 0o600)
	kr.err = errors.New("keyring locked")
	got, err = store.Delete()
	if err == nil || !strings.Contains(err.Error(), "keyring locked") || len(got) != 1 || got[0] != SourceFile {
		t.Fatalf("Delete with a failing keyring = %v, %v", got, err)
	}
}

func TestValidateKey(t *testing.T) {
	tests := []struct {
		key  string
		want error
	}{
		{"sk_live_abc123", nil},
		{"", ErrEmptyKey},
		{"a\nb", ErrMultiLineKey},
		{"a\rb", ErrMultiLineKey},
		{"a\u2028b", ErrMultiLineKey},
		{"Bearer abc", ErrKeyChars},
		{"a\tb", ErrKeyChars},
		{"a\x1b[31mb", ErrKeyChars},
		{"a\xffb", ErrKeyChars},
		{strings.Repeat("k", MaxKeyLen+1), ErrKeyTooLong},
		{"abc123", ErrKeyTooShort},
		{"ключ123", ErrKeyTooShort}, // 7 characters, 11 bytes
		{"12345678", nil},
	}
	for _, tt := range tests {
		if got := ValidateKey(tt.key); !errors.Is(got, tt.want) && got != tt.want {
			t.Errorf("ValidateKey(%q) = %v, want %v", tt.key, got, tt.want)
		}
	}
}

func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"/home/u/.config/cxi/key":                      "/home/u/.config/cxi/key",
		"/Users/u/Library/Application Support/cxi/key": "'/Users/u/Library/Application Support/cxi/key'",
		"/tmp/it's/key":                                `'/tmp/it'\''s/key'`,
	} {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestSystemKeyring(t *testing.T) {
	none := env(nil)
	if SystemKeyring("linux", env(map[string]string{"XDG_RUNTIME_DIR": t.TempDir()})) != nil {
		t.Error("linux with no session bus got a keyring")
	}
	if SystemKeyring("linux", none) != nil {
		t.Error("linux with no environment got a keyring")
	}
	if SystemKeyring("linux", env(map[string]string{"DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/user/1000/bus"})) == nil {
		t.Error("linux with a session bus got no keyring")
	}
	run := t.TempDir()
	if err := os.WriteFile(filepath.Join(run, "bus"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if SystemKeyring("linux", env(map[string]string{"XDG_RUNTIME_DIR": run})) == nil {
		t.Error("linux with a systemd user bus got no keyring")
	}
	if SystemKeyring("darwin", none) == nil || SystemKeyring("windows", none) == nil {
		t.Error("macOS and Windows always have a keyring")
	}
}
