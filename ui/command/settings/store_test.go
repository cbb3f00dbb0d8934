package settings

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api/store"
)

func TestStoreSettings(t *testing.T) {
	dir := t.TempDir()
	state := filepath.Join(dir, "state")
	off := writePrivate(t, dir, "off.toml", "store = \"off\"\nstore_keep = \"2w\"\n")
	tests := []struct {
		name  string
		flags Flags
		vars  map[string]string
		want  StoreSettings
	}{
		{"on by default", Flags{}, map[string]string{store.EnvDir: state},
			StoreSettings{Keep: store.DefaultKeep, Dir: state}},
		{"--no-store", Flags{NoStore: true}, map[string]string{store.EnvDir: state},
			StoreSettings{Off: true, OffBy: "--no-store", Keep: store.DefaultKeep, Dir: state}},
		{"the file", Flags{}, map[string]string{store.EnvDir: state, EnvConfig: off},
			StoreSettings{Off: true, OffBy: `store = "off" in ` + off, Keep: 14 * 24 * time.Hour, Dir: state}},
		{"the flag names itself", Flags{NoStore: true}, map[string]string{store.EnvDir: state, EnvConfig: off},
			StoreSettings{Off: true, OffBy: "--no-store", Keep: 14 * 24 * time.Hour, Dir: state}},
		{"XDG_STATE_HOME", Flags{}, map[string]string{"XDG_STATE_HOME": state},
			StoreSettings{Keep: store.DefaultKeep, Dir: filepath.Join(state, "cxi")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Resolve(tt.flags, envWith(t, tt.vars))
			if err != nil {
				t.Fatal(err)
			}
			if s.Store != tt.want {
				t.Errorf("got  %+v\nwant %+v", s.Store, tt.want)
			}
		})
	}
}

func TestStoreOffKeepsNothing(t *testing.T) {
	state := filepath.Join(t.TempDir(), "state")
	off := writePrivate(t, t.TempDir(), "config.toml", "store = \"off\"\n")
	for _, tt := range []struct {
		name  string
		flags Flags
		vars  map[string]string
	}{
		{"--no-store", Flags{Demo: true, NoStore: true}, map[string]string{store.EnvDir: state}},
		{`store = "off"`, Flags{Demo: true}, map[string]string{store.EnvDir: state, EnvConfig: off}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			env := envWith(t, tt.vars)
			s, err := Resolve(tt.flags, env)
			if err != nil {
				t.Fatal(err)
			}
			st, notices := s.OpenStore("", env)
			if st != nil || notices != nil {
				t.Errorf("store %v, notices %q", st, notices)
			}
			if _, err := os.Stat(state); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("something was made on disk: %v", err)
			}
		})
	}
}

func TestOpenStore(t *testing.T) {
	state := filepath.Join(t.TempDir(), "state")
	env := envWith(t, map[string]string{store.EnvDir: state, "OPENCX_API_KEY": "k"})
	s, err := Resolve(Flags{}, env)
	if err != nil {
		t.Fatal(err)
	}
	st, notices := s.OpenStore("k", env)
	if st == nil || notices != nil {
		t.Fatalf("store %v, notices %q", st, notices)
	}
	defer st.Close()
	if filepath.Dir(st.Path()) != state || st.Path() != store.File(s.StoreOptions("k", env)) {
		t.Errorf("path %s", st.Path())
	}
	demo, err := Resolve(Flags{Demo: true}, env)
	if err != nil {
		t.Fatal(err)
	}
	if store.File(demo.StoreOptions("", env)) == st.Path() {
		t.Error("the demo shares the organization's store")
	}

	// No place for the store: a notice, never a failure.
	nowhere := envWith(t, nil)
	s, err = Resolve(Flags{}, nowhere)
	if err != nil {
		t.Fatal(err)
	}
	st, notices = s.OpenStore("k", nowhere)
	if st != nil || len(notices) != 1 || !strings.Contains(notices[0], "Not remembering this run: no home directory") {
		t.Errorf("store %v, notices %q", st, notices)
	}
}
