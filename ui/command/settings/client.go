package settings

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/auth"
)

// Key is the API key Client sends: none for --demo, whose server has its
// own; else OPENCX_API_KEY or the one `cxi auth login` stored, and no key
// at all is an error that says how to get one. The base URL is checked too,
// so that whatever would stop a command shows before it starts anything.
// No key and a bad base URL exit ExitUsage, as a key of the wrong shape or
// a key file others can read do (their errors say so themselves); a
// keyring that did not answer is no mistake of the user's, and exits 1.
func (s Settings) Key() (string, error) {
	if s.Demo {
		return "", nil
	}
	key, _, err := s.Keys.Key()
	if err != nil {
		return "", err
	}
	if key == "" {
		return "", &command.SetupError{Err: errors.New("no API key: export OPENCX_API_KEY, or run `cxi auth login` to store one; `cxi --demo` needs none")}
	}
	if _, err := api.New(s.BaseURL, key); err != nil {
		return "", &command.SetupError{Err: err}
	}
	return key, nil
}

// Client makes the API client: for --demo a client of the fake server,
// started on loopback (the func returned stops it); else one of BaseURL,
// sending key.
func (s Settings) Client(key string, opts ...api.Option) (*api.Client, func(), error) {
	stop := func() {}
	baseURL := s.BaseURL
	switch {
	case s.Demo && s.DemoOffline:
		// Port 9 (discard) on loopback: nothing answers, as with the
		// network off, and the demo's store is what there is to browse.
		baseURL, key = "http://127.0.0.1:9", fake.DemoKey
	case s.Demo:
		url, stopServer, err := fake.New(fake.WithCatalog(demo.Catalog(demo.WithRecentDates(), demo.WithDay(s.DemoDay)))).Start()
		if err != nil {
			return nil, stop, fmt.Errorf("start the demo server: %w", err)
		}
		stop, baseURL, key = stopServer, url, fake.DemoKey
	}
	client, err := api.New(baseURL, key, append([]api.Option{api.WithUserAgent(s.UserAgent)}, opts...)...)
	if err != nil {
		stop()
		return nil, func() {}, err
	}
	return client, stop, nil
}

// WaitNotice is the client option a command makes its client with: a line
// on stderr whenever the rate limit holds a request back for a second or
// more, so that a script that seems stuck says why. Shorter pauses, as
// between pages, are not worth a line each. The TUI does not take it: it
// owns the terminal, and shows the budget in its status line.
func WaitNotice(env command.Env) api.Option {
	return api.WithWaitNotice(func(d time.Duration) {
		if d >= time.Second {
			fmt.Fprintf(env.Stderr, "cxi: waiting %s for the rate limit (%d requests a minute)\n", d.Round(time.Second), api.RequestsPerMinute)
		}
	})
}

// Connect resolves f and makes the client, as get and list do before
// their first request.
func Connect(f Flags, env command.Env, opts ...api.Option) (*api.Client, func(), error) {
	s, err := Resolve(f, env)
	if err != nil {
		return nil, func() {}, err
	}
	key, err := s.Key()
	if err != nil {
		return nil, func() {}, err
	}
	return s.Client(key, opts...)
}

// CheckKey asks the API at BaseURL, with one request, whether it accepts
// key (auth.Verify).
func (s Settings) CheckKey(key string) error {
	c, err := api.New(s.BaseURL, key, api.WithUserAgent(s.UserAgent))
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), api.DefaultTimeout)
	defer cancel()
	return auth.Verify(ctx, c)
}

// Auth is what `cxi auth` needs from the settings: the key store, and the
// key check against the base URL the environment or the config file names.
// auth.Run asks for it through a func, as package auth cannot import this
// one, which finds keys through it.
func Auth(env command.Env, profile string) (auth.Backend, error) {
	s, err := Resolve(Flags{Profile: profile}, env)
	if err != nil {
		return auth.Backend{}, err
	}
	b := auth.Backend{Keys: s.Keys, Check: s.CheckKey}
	if len(s.Profiles) < 2 {
		return b, nil
	}
	each, err := s.Each(env)
	if err != nil {
		return auth.Backend{}, err
	}
	for _, o := range each {
		b.Profiles = append(b.Profiles, auth.Profile{Name: o.Profile, BaseURL: o.BaseURL, InUse: o.Profile == s.Profile, Keys: o.Keys, Check: o.CheckKey})
	}
	return b, nil
}
