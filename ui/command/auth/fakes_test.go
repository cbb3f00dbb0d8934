package auth

import (
	"bytes"
	"errors"
	"io"
	"sync"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/ui/command"
)

// memKeyring is an in-memory Keyring; err, when set, fails every call.
type memKeyring struct {
	mu      sync.Mutex
	secrets map[string]string
	err     error
}

func newMemKeyring() *memKeyring { return &memKeyring{secrets: map[string]string{}} }

func (k *memKeyring) Get(service, user string) (string, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.err != nil {
		return "", k.err
	}
	s, ok := k.secrets[service+"/"+user]
	if !ok {
		return "", ErrNotFound
	}
	return s, nil
}

func (k *memKeyring) Set(service, user, secret string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.err != nil {
		return k.err
	}
	k.secrets[service+"/"+user] = secret
	return nil
}

func (k *memKeyring) Delete(service, user string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.err != nil {
		return k.err
	}
	if _, ok := k.secrets[service+"/"+user]; !ok {
		return ErrNotFound
	}
	delete(k.secrets, service+"/"+user)
	return nil
}

func (k *memKeyring) stored() string {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.secrets[KeyringService+"/"+KeyringUser]
}

// hangingKeyring never answers until the test ends, like a Secret Service
// waiting for an unlock prompt no one will see.
type hangingKeyring struct{ release chan struct{} }

func newHangingKeyring(t *testing.T) *hangingKeyring {
	k := &hangingKeyring{release: make(chan struct{})}
	t.Cleanup(func() { close(k.release) })
	return k
}

func (k *hangingKeyring) Get(string, string) (string, error) {
	<-k.release
	return "", errors.New("released")
}
func (k *hangingKeyring) Set(string, string, string) error {
	<-k.release
	return errors.New("released")
}
func (k *hangingKeyring) Delete(string, string) error { <-k.release; return errors.New("released") }

// testTimeout keeps the timeout path fast.
const testTimeout = 20 * time.Millisecond

// env maps names to values, as Getenv.
func env(vars map[string]string) func(string) string {
	return func(name string) string { return vars[name] }
}

// output is a command.Env writing to buffers.
type output struct{ out, err bytes.Buffer }

func (o *output) env() command.Env {
	return command.Env{Stdout: &o.out, Stderr: &o.err, Now: time.Now, Width: 80}
}

// stdin is env with stdin reading r, which is not a terminal.
func (o *output) stdin(r io.Reader) command.Env {
	e := o.env()
	e.Stdin = r
	return e
}

func (o *output) all() string { return o.out.String() + o.err.String() }

// secret is the key the tests use; it must never appear in any output.
const secret = "sk_live_0penCXsecretKEY_qz-Q" // a tail no temporary directory's name (digits) can hold

func assertNoKey(t *testing.T, o *output, keys ...string) {
	t.Helper()
	for _, k := range append(keys, secret) {
		if k != "" && bytes.Contains([]byte(o.all()), []byte(k)) {
			t.Fatalf("output contains the key %q:\n%s", k, o.all())
		}
	}
	// Not even its tail, as a masked "…1234" would show.
	if bytes.Contains([]byte(o.all()), []byte(secret[len(secret)-4:])) {
		t.Fatalf("output contains the key's last characters:\n%s", o.all())
	}
}
