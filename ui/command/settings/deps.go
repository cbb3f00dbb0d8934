package settings

import (
	"context"
	"fmt"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/command"
)

// Deps is the one set of things a command reaches the world with, as
// cli/cli's Factory is: the API client, the local store and the clock a
// 429 is waited out on, each made only when the command, its command line
// read, asks for it. NewDeps builds the program's; a test builds its own
// from a fake server and a store in a temporary directory.
type Deps struct {
	// Connect resolves f and makes the client the settings name (the
	// demo's server for --demo): get and list.
	Connect func(f Flags) (*api.Client, func(), error)
	// Open makes the client and opens the store that s names, for a
	// command that writes and records it (close, reopen, redact).
	Open func(s Settings) (Conn, error)
	// OpenExisting opens the store that s and key name, for reading, only
	// if it is there (cxi log); nil when there is none yet.
	OpenExisting func(s Settings, key string) (*store.Store, error)
	// Wait waits until a 429's Retry-After time, or until ctx is done.
	Wait func(ctx context.Context, until time.Time) error
}

// Conn is a client and the store beside it; Close stops both.
type Conn struct {
	Client *api.Client
	Store  *store.Store // nil when the store is off or cannot be used
	Close  func()
}

// NewDeps is the program's Deps on env: every client says on stderr when
// the rate limit holds a request back (WaitNotice), and the store's
// notices go to stderr.
func NewDeps(env command.Env) Deps {
	return Deps{
		Connect: func(f Flags) (*api.Client, func(), error) { return Connect(f, env, WaitNotice(env)) },
		Open: func(s Settings) (Conn, error) {
			key, err := s.Key()
			if err != nil {
				return Conn{Close: func() {}}, err
			}
			c, stop, err := s.Client(key, WaitNotice(env))
			if err != nil {
				return Conn{Close: func() {}}, err
			}
			st, notices := s.OpenStore(key, env)
			for _, n := range notices {
				fmt.Fprintln(env.Stderr, "cxi: "+n)
			}
			return Conn{Client: c, Store: st, Close: func() { st.Close(); stop() }}, nil
		},
		OpenExisting: func(s Settings, key string) (*store.Store, error) {
			st, _, err := s.OpenExisting(key, env)
			return st, err
		},
		Wait: sleepUntil,
	}
}

func sleepUntil(ctx context.Context, until time.Time) error {
	t := time.NewTimer(time.Until(until))
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
