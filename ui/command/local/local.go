// Package local holds the commands over the local store: `cxi store`
// (where it is, what it holds, clear) and `cxi handover` (what was
// reviewed or noted, for the next shift). They read the store and never
// the API, so they work offline; like every command they take --demo,
// --base-url and --no-store, which name the organization whose store is
// meant.
package local

import (
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/settings"
)

// opened is the store a command's flags name, opened only if it is there:
// looking must not make one. st is nil when there is none (or it is off).
type opened struct {
	settings settings.Settings
	path     string // the store's file, there or not
	st       *store.Store
}

// open finds the key that names the organization of s and opens its store
// if it exists.
func open(s settings.Settings, env command.Env) (*opened, error) {
	key, err := s.Key()
	if err != nil {
		return nil, err
	}
	st, path, err := s.OpenExisting(key, env)
	if err != nil {
		return nil, err
	}
	return &opened{settings: s, path: path, st: st}, nil
}

// close closes the store, if one was opened.
func (o *opened) close() {
	if o != nil {
		o.st.Close()
	}
}
