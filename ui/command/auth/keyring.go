package auth

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/zalando/go-keyring"
)

// Keyring is the part of an OS keyring the Store uses. Get and Delete
// return an error wrapping ErrNotFound when nothing is stored.
type Keyring interface {
	Get(service, user string) (string, error)
	Set(service, user, secret string) error
	Delete(service, user string) error
}

// Where the key lives in the keyring.
const (
	KeyringService = "cxi"
	KeyringUser    = "api-key"
)

// KeyringTimeout bounds every keyring call: a Secret Service that is locked
// with no one to unlock it, or a D-Bus that never answers, must not hang cxi
// (gh uses the same bound).
const KeyringTimeout = 3 * time.Second

// ErrNotFound is what a Keyring returns when it holds no key.
var ErrNotFound = errors.New("no API key in the OS keyring")

// ErrKeyringTimeout is returned when the keyring did not answer in time.
var ErrKeyringTimeout = errors.New("the OS keyring did not answer")

// OSKeyring is the system keyring (through github.com/zalando/go-keyring),
// each call bounded by KeyringTimeout.
func OSKeyring() Keyring { return WithTimeout(osKeyring{}, KeyringTimeout) }

// SystemKeyring returns OSKeyring, or nil where no keyring can answer: on
// Linux and the BSDs without a D-Bus session bus the Secret Service client
// would try to autolaunch one, which fails slowly or hangs, on every run.
// goos is runtime.GOOS, getenv the environment's (command.Env.Getenv).
func SystemKeyring(goos string, getenv func(string) string) Keyring {
	switch goos {
	case "darwin", "windows":
		return OSKeyring()
	}
	if getenv("DBUS_SESSION_BUS_ADDRESS") != "" {
		return OSKeyring()
	}
	// godbus's own fallback when the variable is unset: the systemd user bus.
	if dir := getenv("XDG_RUNTIME_DIR"); dir != "" {
		if _, err := os.Stat(filepath.Join(dir, "bus")); err == nil {
			return OSKeyring()
		}
	}
	return nil
}

// osKeyring adapts go-keyring's functions to Keyring.
type osKeyring struct{}

func (osKeyring) Get(service, user string) (string, error) {
	s, err := keyring.Get(service, user)
	return s, notFound(err)
}

func (osKeyring) Set(service, user, secret string) error {
	return keyring.Set(service, user, secret)
}

func (osKeyring) Delete(service, user string) error {
	return notFound(keyring.Delete(service, user))
}

func notFound(err error) error {
	if errors.Is(err, keyring.ErrNotFound) {
		return fmt.Errorf("%w: %w", ErrNotFound, err)
	}
	return err
}

// WithTimeout returns k with every call bounded by d. A call that times out
// is left to finish in the background (it cannot be cancelled); its result
// is dropped.
func WithTimeout(k Keyring, d time.Duration) Keyring { return timeoutKeyring{k: k, d: d} }

type timeoutKeyring struct {
	k Keyring
	d time.Duration
}

func (t timeoutKeyring) Get(service, user string) (string, error) {
	var secret string
	err := t.call("read from", func() error {
		s, err := t.k.Get(service, user)
		secret = s
		return err
	})
	if err != nil {
		return "", err
	}
	return secret, nil
}

func (t timeoutKeyring) Set(service, user, secret string) error {
	return t.call("write to", func() error { return t.k.Set(service, user, secret) })
}

func (t timeoutKeyring) Delete(service, user string) error {
	return t.call("delete from", func() error { return t.k.Delete(service, user) })
}

// call runs f with the timeout. f writes its results before it returns,
// and they are read only after done delivers, so a late f races with no one.
func (t timeoutKeyring) call(op string, f func() error) error {
	done := make(chan error, 1)
	go func() { done <- f() }()
	timer := time.NewTimer(t.d)
	defer timer.Stop()
	select {
	case err := <-done:
		return err
	case <-timer.C:
		return fmt.Errorf("%s the OS keyring: %w within %s", op, ErrKeyringTimeout, t.d)
	}
}
