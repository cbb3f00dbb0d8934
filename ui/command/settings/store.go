package settings

import (
	"fmt"
	"runtime"
	"time"

	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/config"
)

// StoreSettings are what the settings say of the local store (the store
// itself is api/store.Store).
type StoreSettings struct {
	// Off is set by --no-store or store = "off": nothing is kept on disk,
	// and OpenStore opens nothing. OffBy says which, for messages.
	Off   bool
	OffBy string
	Keep  time.Duration // store_keep, else store.DefaultKeep
	// Dir is where the stores are (CXI_STATE_DIR, else the system's
	// place); "" when there is none, and DirErr says why.
	Dir    string
	DirErr error
}

// resolveStore weighs --no-store over the config file's store = "off"
// (there is no setting that turns the store on over the other: on is the
// default), and finds the directory.
func resolveStore(f Flags, file config.Config, env command.Env) StoreSettings {
	st := StoreSettings{Keep: file.StoreKeep}
	switch {
	case f.NoStore:
		st.Off, st.OffBy = true, "--no-store"
	case file.StoreOff:
		st.Off, st.OffBy = true, `store = "off" in `+file.Path
	}
	if st.Keep == 0 {
		st.Keep = store.DefaultKeep
	}
	st.Dir, st.DirErr = store.Dir(env.Getenv, runtime.GOOS, env.UserConfigDir, env.Getenv("HOME"))
	return st
}

// StoreOptions names the store of the organization that key (empty for
// --demo) opens at BaseURL, with env's clock.
func (s Settings) StoreOptions(key string, env command.Env) store.Options {
	return store.Options{Dir: s.Store.Dir, BaseURL: s.BaseURL, Key: key, Demo: s.Demo, Now: env.Now, Keep: s.Store.Keep}
}

// OpenStore opens the organization's store, as the TUI and the commands
// that remember do: nil, and no notice, when the store is off; nil, with
// the notice that says why, when it cannot be used. It never fails the
// program.
func (s Settings) OpenStore(key string, env command.Env) (*store.Store, []string) {
	if s.Store.Off {
		return nil, nil
	}
	if s.Store.Dir == "" {
		return nil, []string{"Not remembering this run: " + s.Store.DirErr.Error() + "."}
	}
	// Open fails only without a Dir, which is checked above; what it finds
	// on disk comes back as notices.
	st, notices, _ := store.Open(s.StoreOptions(key, env))
	return st, notices
}

// OpenExisting opens the organization's store for a command that reads it
// (cxi store, handover, log), only if it is there: looking must not make
// one. st is nil when there is none yet; path is its file either way. Open's
// notices (a file made private, a damaged one moved aside) go to stderr.
// No place for the store (no home directory) is an error: the command has
// nothing to read.
func (s Settings) OpenExisting(key string, env command.Env) (st *store.Store, path string, err error) {
	if s.Store.Dir == "" {
		return nil, "", fmt.Errorf("the local store has no place: %w", s.Store.DirErr)
	}
	o := s.StoreOptions(key, env)
	o.Existing = true
	st, notices, _ := store.Open(o) // as in OpenStore: only a missing Dir fails it
	for _, n := range notices {
		fmt.Fprintln(env.Stderr, "cxi: "+n)
	}
	return st, store.File(o), nil
}
