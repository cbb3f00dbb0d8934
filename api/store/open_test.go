package store

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
)

func TestDir(t *testing.T) {
	configDir := func() (string, error) { return "/cfg", nil }
	noConfigDir := func() (string, error) { return "", errors.New("no $HOME") }
	tests := []struct {
		name    string
		vars    map[string]string
		goos    string
		config  func() (string, error)
		home    string
		want    string
		wantErr string
	}{
		{"linux default", nil, "linux", configDir, "/home/me", "/home/me/.local/state/cxi", ""},
		{"XDG_STATE_HOME", map[string]string{"XDG_STATE_HOME": "/xdg/state"}, "linux", configDir, "/home/me", "/xdg/state/cxi", ""},
		{"a relative XDG_STATE_HOME is ignored", map[string]string{"XDG_STATE_HOME": "state"}, "linux", configDir, "/home/me", "/home/me/.local/state/cxi", ""},
		{"CXI_STATE_DIR wins", map[string]string{EnvDir: "/var/cxi/", "XDG_STATE_HOME": "/xdg"}, "linux", configDir, "/home/me", "/var/cxi", ""},
		{"other Unixes as Linux", nil, "freebsd", configDir, "/home/me", "/home/me/.local/state/cxi", ""},
		{"macOS: the config dir", map[string]string{"XDG_STATE_HOME": "/xdg"}, "darwin", configDir, "/Users/me", "/cfg/cxi", ""},
		{"Windows: the config dir", nil, "windows", configDir, `C:\Users\me`, filepath.Join("/cfg", "cxi"), ""},
		{"CXI_STATE_DIR on macOS", map[string]string{EnvDir: "/tmp/s"}, "darwin", noConfigDir, "", "/tmp/s", ""},
		{"no home", nil, "linux", configDir, "", "", "no home directory"},
		{"no config dir", nil, "darwin", noConfigDir, "", "", "no user config directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Dir(func(k string) string { return tt.vars[k] }, tt.goos, tt.config, tt.home)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("Dir = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func mode(t *testing.T, path string) os.FileMode {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return info.Mode().Perm()
}

func TestModes(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix modes")
	}
	dir := filepath.Join(t.TempDir(), "state", "cxi")
	s := mustOpen(t, options(dir))
	save(t, s, t0, session(id(1), 0)) // a write, so that the -wal and -shm files exist
	if m := mode(t, dir); m != 0o700 {
		t.Errorf("directory mode %04o", m)
	}
	for _, p := range []string{s.Path(), s.Path() + "-wal", s.Path() + "-shm"} {
		if m := mode(t, p); m != 0o600 {
			t.Errorf("%s: mode %04o", filepath.Base(p), m)
		}
	}
	s.Close()

	// A directory and a file that others may read are made private, and
	// the user is told.
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(s.Path(), 0o644); err != nil {
		t.Fatal(err)
	}
	s, notices, err := Open(options(dir))
	if err != nil || s == nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	if len(notices) != 2 || !strings.Contains(notices[0], "Made "+dir+" private (it was 0755)") ||
		!strings.Contains(notices[1], filepath.Base(s.Path())+" (was 0644)") {
		t.Errorf("notices %q", notices)
	}
	if mode(t, dir) != 0o700 || mode(t, s.Path()) != 0o600 {
		t.Errorf("modes %04o %04o", mode(t, dir), mode(t, s.Path()))
	}
	if _, ok, _ := sessionOK(s, id(1)); !ok {
		t.Error("the session is gone")
	}
}

func sessionOK(s *Store, id string) (*api.Session, bool, error) {
	sess, _, ok, err := s.Session(ctx, id)
	return sess, ok, err
}

func TestMigrationsFromVersion1(t *testing.T) {
	dir := stateDir(t)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	path := File(options(dir))
	old, _, err := openVersion(path, 1)
	if err != nil {
		t.Fatal(err)
	}
	save(t, old, t0, session(id(1), 0, withTicket("zendesk", "ZD-1", 0), withHandoff("refund requested")))
	if err := old.SetNote(ctx, id(1), "call back", t0); err != nil {
		t.Fatal(err)
	}
	if got := userVersion(t, old); got != 1 {
		t.Fatalf("version %d", got)
	}
	old.Close()

	s := mustOpen(t, options(dir))
	if got := userVersion(t, s); got != SchemaVersion() || got < 2 {
		t.Errorf("migrated to version %d, want %d", got, SchemaVersion())
	}
	var n int
	if err := s.db.QueryRow("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'sessions_by_activity'").Scan(&n); err != nil || n != 1 {
		t.Errorf("version 2's index: %d, %v", n, err)
	}
	// What version 1 kept is all there, and found as before.
	if _, ok, err := sessionOK(s, id(1)); !ok || err != nil {
		t.Errorf("session: %v %v", ok, err)
	}
	marks, err := s.Marks(ctx, []string{id(1)})
	if err != nil || marks[id(1)].Note != "call back" {
		t.Errorf("marks %+v, %v", marks, err)
	}
	if found, err := s.FindText(ctx, "zd-1"); err != nil || len(found) != 1 {
		t.Errorf("find: %v %v", ids(found), err)
	}
	if found, err := s.Search(ctx, "refund"); err != nil || len(found) != 1 {
		t.Errorf("search: %v %v", ids(found), err)
	}
	// Every step applies to the one before: each version from 1 up (from 0,
	// an empty file, is every other test's first Open).
	for v := 1; v <= SchemaVersion(); v++ {
		p := filepath.Join(t.TempDir(), "v.sqlite")
		st, _, err := openVersion(p, v)
		if err != nil {
			t.Fatalf("version %d: %v", v, err)
		}
		st.Close()
		st, _, err = openVersion(p, SchemaVersion())
		if err != nil {
			t.Fatalf("from version %d: %v", v, err)
		}
		st.Close()
	}
}

func userVersion(t *testing.T, s *Store) int {
	t.Helper()
	var v int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestNewerSchemaIsLeftAlone(t *testing.T) {
	dir := stateDir(t)
	s := mustOpen(t, options(dir))
	if _, err := s.db.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	got, notices, err := Open(options(dir))
	if got != nil || err != nil || len(notices) != 1 || !strings.Contains(notices[0], "Not remembering this run") ||
		!strings.Contains(notices[0], "written by a newer cxi (schema 99") {
		t.Errorf("store %v, notices %q, err %v", got, notices, err)
	}
	if names := storeFiles(t, dir); slices.ContainsFunc(names, func(n string) bool { return strings.Contains(n, "corrupt") }) {
		t.Errorf("a newer store was moved aside: %v", names)
	}
}

func TestCorruptFileIsMovedAside(t *testing.T) {
	for _, tt := range []struct {
		name string
		body func(valid []byte) []byte
	}{
		{"garbage", func([]byte) []byte { return bytes.Repeat([]byte("not a database\x00\xff"), 512) }},
		{"damaged pages", func(valid []byte) []byte {
			// Keep the header, overwrite every page after the first.
			out := slices.Clone(valid)
			for i := 4096; i < len(out); i++ {
				out[i] = 0xa5
			}
			return out
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := stateDir(t)
			s := mustOpen(t, options(dir))
			for i := range 200 {
				save(t, s, t0, session(id(i), 0, withHandoff(strings.Repeat("words ", 50))))
			}
			path := s.Path()
			s.Close()
			valid, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			broken := tt.body(valid)
			if err := os.WriteFile(path, broken, 0o600); err != nil {
				t.Fatal(err)
			}
			at := t0.Add(3 * 60e9)
			o := options(dir)
			o.Now = func() time.Time { return at }
			s, notices, err := Open(o)
			if err != nil || s == nil {
				t.Fatalf("store %v, notices %q, err %v", s, notices, err)
			}
			defer s.Close()
			aside := filepath.Base(path) + ".corrupt-20260311T140300Z"
			if len(notices) != 1 || !strings.Contains(notices[0], "could not be read") || !strings.Contains(notices[0], "moved it aside to "+aside) {
				t.Errorf("notices %q", notices)
			}
			kept, err := os.ReadFile(filepath.Join(dir, aside))
			if err != nil || !bytes.Equal(kept, broken) {
				t.Errorf("the damaged file was not kept as it was: %v", err)
			}
			// The fresh store works.
			save(t, s, t0, session(id(1), 0))
			if _, ok, err := sessionOK(s, id(1)); !ok || err != nil {
				t.Errorf("fresh store: %v %v", ok, err)
			}
		})
	}
}

// TestDamageFoundLaterIsMovedAsideNextTime: damage SQLite finds while cxi
// runs (in a page opening did not read) marks the store, and the next
// start moves it aside.
func TestDamageFoundLaterIsMovedAsideNextTime(t *testing.T) {
	dir := stateDir(t)
	s := mustOpen(t, options(dir))
	save(t, s, t0, session(id(1), 0))
	path := s.Path()

	// The error SQLite gives for a damaged file, from a file that is one.
	garbage := filepath.Join(t.TempDir(), "garbage.sqlite")
	if err := os.WriteFile(garbage, bytes.Repeat([]byte("garbage!"), 1024), 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", garbage)
	if err != nil {
		t.Fatal(err)
	}
	_, corrupt := db.Exec("SELECT * FROM sqlite_master")
	db.Close()
	if !isCorrupt(corrupt) {
		t.Fatalf("not a damage error: %v", corrupt)
	}
	if err := s.damaged(fmt.Errorf("read: %w", corrupt)); err == nil {
		t.Fatal("damaged swallowed the error")
	}
	if s.damaged(errors.New("another error")) == nil || s.damaged(nil) != nil {
		t.Fatal("damaged changed an error")
	}
	s.Close()

	s, notices, err := Open(options(dir))
	if err != nil || s == nil || len(notices) != 1 || !strings.Contains(notices[0], "found it damaged in an earlier run") {
		t.Fatalf("store %v, notices %q, err %v", s, notices, err)
	}
	defer s.Close()
	if _, err := os.Stat(path + damageMark); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the mark outlived the move: %v", err)
	}
	if _, ok, _ := sessionOK(s, id(1)); ok {
		t.Error("the fresh store holds the old data")
	}
}

func TestUnusableDirectoryDegrades(t *testing.T) {
	parent := t.TempDir()
	file := filepath.Join(parent, "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	dirs := map[string]string{"a file where the directory goes": file, "under a file": filepath.Join(file, "cxi")}
	if os.Geteuid() != 0 && runtime.GOOS != "windows" {
		// Root writes anywhere; anyone else is stopped by a read-only directory.
		ro := filepath.Join(parent, "ro")
		if err := os.Mkdir(ro, 0o500); err != nil {
			t.Fatal(err)
		}
		dirs["a read-only directory"] = ro
	}
	for name, dir := range dirs {
		t.Run(name, func(t *testing.T) {
			s, notices, err := Open(options(dir))
			if s != nil || err != nil || len(notices) != 1 || !strings.HasPrefix(notices[0], "Not remembering this run: the local store") {
				t.Errorf("store %v, notices %q, err %v", s, notices, err)
			}
			// Everything still works, remembering nothing.
			if err := s.SaveSessions(ctx, []api.Session{session(id(1), 0)}, t0); err != nil {
				t.Error(err)
			}
		})
	}
	if _, _, err := Open(Options{}); err == nil {
		t.Error("Open without a directory is the caller's mistake")
	}
}

func TestFullDiskTurnsTheStoreOff(t *testing.T) {
	s := fresh(t)
	save(t, s, t0, session(id(0), 0))
	// SQLite's page limit fails writes with SQLITE_FULL, as a full disk does.
	var pages int
	if err := s.db.QueryRow("PRAGMA page_count").Scan(&pages); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec("PRAGMA max_page_count = " + strconv.Itoa(pages)); err != nil {
		t.Fatal(err)
	}
	big := make([]api.Session, 200)
	for i := range big {
		big[i] = session(id(i+1), 0, withHandoff(strings.Repeat("a long summary ", 100)))
	}
	err := s.SaveSessions(ctx, big, t0)
	var nr *NotRememberingError
	if !errors.As(err, &nr) || !strings.Contains(err.Error(), "Not remembering this run") {
		t.Fatalf("first failing write: %v", err)
	}
	// Said once: later writes of what cxi keeps on its own do nothing, and
	// say nothing; Stopped keeps saying why, for the header.
	if err := s.SaveSessions(ctx, big, t0); err != nil {
		t.Errorf("second write: %v", err)
	}
	if err := s.Stopped(); !errors.As(err, &nr) || nr.Reason() != "database or disk is full" {
		t.Errorf("Stopped: %v (reason %q), want the full disk", err, nr.Reason())
	}
	// What the user made is never reported kept when it was not: a note
	// or a mark after the store stopped fails, every time, with the reason.
	for name, write := range map[string]func() error{
		"note":        func() error { return s.SetNote(ctx, id(0), "x", t0) },
		"mark":        func() error { return s.SetReviewed(ctx, id(0), true, t0) },
		"unmark":      func() error { return s.SetReviewed(ctx, id(0), false, t0) },
		"note, again": func() error { return s.SetNote(ctx, id(0), "y", t0) },
		"audit entry": func() error {
			return s.Audit(ctx, AuditEntry{At: t0, SessionID: id(0), Action: "close", Outcome: "ok", Source: SourceCommand})
		},
	} {
		if err := write(); !errors.As(err, &nr) || !strings.Contains(err.Error(), "disk is full") {
			t.Errorf("%s after the disk filled: %v, want a *NotRememberingError", name, err)
		}
	}
	if m, err := s.Marks(ctx, []string{id(0)}); err != nil || len(m) != 0 {
		t.Errorf("marks after the failed writes: %+v %v, want none", m, err)
	}
	// What was kept still reads.
	if _, ok, err := sessionOK(s, id(0)); !ok || err != nil {
		t.Errorf("read after the disk filled: %v %v", ok, err)
	}
}

func TestNilStoreDoesNothing(t *testing.T) {
	var s *Store
	sess := session(id(1), 0)
	for name, err := range map[string]error{
		"SaveSessions": s.SaveSessions(ctx, []api.Session{sess}, t0),
		"MarkSeen":     s.MarkSeen(ctx, sess, t0),
		"SetReviewed":  s.SetReviewed(ctx, sess.ID, true, t0),
		"SetNote":      s.SetNote(ctx, sess.ID, "n", t0),
		"Stopped":      s.Stopped(),
		"SaveHistory":  s.SaveHistory(ctx, sess.ID, nil, true, t0),
		"SetSync":      s.SetSync(ctx, "k", t0),
		"Clear":        s.Clear(ctx),
		"Close":        s.Close(),
	} {
		if err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, _, ok, err := s.Session(ctx, sess.ID); ok || err != nil {
		t.Error("Session")
	}
	if got, err := s.Sessions(ctx, Query{}); got != nil || err != nil {
		t.Error("Sessions")
	}
	if got, err := s.Changes(ctx, []api.Session{sess}); got != nil || err != nil {
		t.Error("Changes")
	}
	if got, err := s.Marks(ctx, []string{sess.ID}); got != nil || err != nil {
		t.Error("Marks")
	}
	if _, _, _, ok, err := s.History(ctx, sess.ID); ok || err != nil {
		t.Error("History")
	}
	if got, err := s.FindText(ctx, "#1"); got != nil || err != nil {
		t.Error("Find")
	}
	if got, err := s.Search(ctx, "x"); got != nil || err != nil {
		t.Error("Search")
	}
	if got, err := s.Handover(ctx, t0); got != nil || err != nil {
		t.Error("Handover")
	}
	if at, err := s.Sync(ctx, "k"); !at.IsZero() || err != nil {
		t.Error("Sync")
	}
	if st, err := s.Stats(ctx); st != (Stats{}) || err != nil || s.Path() != "" {
		t.Error("Stats")
	}
}

func TestExistingOpensOnlyWhatIsThere(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "cxi")
	o := options(dir)
	o.Existing = true
	if s, notices, err := Open(o); s != nil || notices != nil || err != nil {
		t.Errorf("no store: %v %q %v", s, notices, err)
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Existing made the directory: %v", err)
	}
	mustOpen(t, options(dir)).Close()
	mustOpen(t, o)
}

func TestOrganizationsAreKeptApart(t *testing.T) {
	dir := stateDir(t)
	const secret = "sk-live-SECRET-0123456789"
	one := options(dir)
	one.Key = secret
	other := options(dir)
	other.Key = secret + "x"
	otherURL := options(dir)
	otherURL.Key, otherURL.BaseURL = secret, "https://eu.api.example"
	demoStore := options(dir)
	demoStore.Key, demoStore.Demo = secret, true
	sameOrg := options(dir)
	sameOrg.Key, sameOrg.BaseURL = secret, "HTTPS://API.example/"

	a := mustOpen(t, one)
	sess := session(id(1), 0, withContact("Dana Whitfield", "dana@example.com", "+1 415 555 0134"),
		withTicket("zendesk", "ZD-884213", 884213), withHandoff("chargeback threatened"))
	save(t, a, t0, sess)
	if err := a.SaveHistory(ctx, sess.ID, []api.Event{{Text: "refund please"}}, true, t0); err != nil {
		t.Fatal(err)
	}
	if err := a.SetNote(ctx, sess.ID, "note", t0); err != nil {
		t.Fatal(err)
	}
	if err := a.MarkSeen(ctx, sess, t0); err != nil {
		t.Fatal(err)
	}

	for name, o := range map[string]Options{"another key": other, "another base URL": otherURL, "the demo": demoStore} {
		t.Run(name, func(t *testing.T) {
			b := mustOpen(t, o)
			if b.Path() == a.Path() {
				t.Fatalf("same file %s", b.Path())
			}
			if _, ok, _ := sessionOK(b, sess.ID); ok {
				t.Error("Session sees the other organization's")
			}
			all, _ := b.Sessions(ctx, Query{})
			byTicket, _ := b.FindText(ctx, "ZD-884213")
			byWords, _ := b.Search(ctx, "refund")
			handover, _ := b.Handover(ctx, t0.Add(-time.Hour))
			marks, _ := b.Marks(ctx, []string{sess.ID})
			changes, _ := b.Changes(ctx, []api.Session{sess})
			if len(all)+len(byTicket)+len(byWords)+len(handover)+len(marks) > 0 || !changes[sess.ID].New {
				t.Errorf("sees the other organization's data: %d %d %d %d %d %+v",
					len(all), len(byTicket), len(byWords), len(handover), len(marks), changes)
			}
		})
	}
	// The same base URL, written differently, is the same organization.
	if File(sameOrg) != a.Path() {
		t.Errorf("%s and %s differ", File(sameOrg), a.Path())
	}
	for _, name := range storeFiles(t, dir) {
		if strings.Contains(name, secret) || strings.Contains(name, "SECRET") {
			t.Errorf("a file's name holds the key: %s", name)
		}
	}
}
