package auth

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/explain"
)

// ProbeSessionID is the session a key check asks for: the nil UUID, which
// no session has. 404 means the key got past authentication; 401 or 403
// means it did not. One cheap GET, and no customer data in the answer.
const ProbeSessionID = "00000000-0000-0000-0000-000000000000"

// SessionGetter is what Verify needs from the API client.
type SessionGetter interface {
	GetSession(ctx context.Context, id string) (*api.Session, error)
}

// Verify checks a client's key with one request. It returns nil when the
// API accepted the key, else the client's error (an *api.Error).
func Verify(ctx context.Context, c SessionGetter) error {
	_, err := c.GetSession(ctx, ProbeSessionID)
	if err == nil || api.KindOf(err) == api.KindNotFound {
		return nil
	}
	return err
}

// Status runs `cxi auth status`: which source the key comes from, and
// whether the API accepts it (one request through check; nil skips it).
// Nothing of the key is printed, not even its last characters.
func Status(store KeySources, check func(key string) error, env command.Env) int {
	key, src, err := store.Key()
	if err != nil {
		fmt.Fprintln(env.Stderr, "cxi: "+redact(err.Error(), key))
		// A refused key or key file is the user's to fix (exit 2); a
		// keyring that failed is not.
		return command.ExitCode(err)
	}
	if src == SourceNone {
		fmt.Fprintf(env.Stdout, "Not logged in: %s is not set, and no key is stored (OS keyring, %s).\n", EnvVar, store.KeyFile())
		fmt.Fprintf(env.Stdout, "Run cxi auth login, or export %s.\n", EnvVar)
		return command.ExitUsage
	}
	fmt.Fprintf(env.Stdout, "Key:   from %s\n", store.Where(src))
	if check == nil {
		return command.ExitOK
	}
	err = check(key)
	if err == nil || api.KindOf(err) == api.KindNotFound {
		fmt.Fprintln(env.Stdout, "Check: ✔ the API accepted the key")
		return command.ExitOK
	}
	fmt.Fprintln(env.Stdout, "Check: ✘ "+redact(Rejected(err, src), key))
	return command.ExitCode(err)
}

// Rejected says what a failed key check means for a key from src: a
// rejected key gets the fix for its source, anything else the explain
// sentence.
func Rejected(err error, src Source) string {
	switch api.KindOf(err) {
	case api.KindUnauthorized, api.KindForbidden:
		what := "the API rejected the key (" + statusOf(err) + "). "
		if src == SourceEnv {
			return what + "Check the value of " + EnvVar + ", or unset it to use a stored key."
		}
		return what + "Run cxi auth login to store a new one."
	}
	return Sentence(err)
}

// Logout runs `cxi auth logout`: it removes the stored key from the
// keyring and the key file. OPENCX_API_KEY is not touched; if it is set,
// Logout says cxi still uses it.
func Logout(store KeySources, env command.Env) int {
	removed, err := store.Delete()
	for _, src := range removed {
		fmt.Fprintf(env.Stderr, "Removed the API key%s from %s.\n", store.ofProfile(), store.Where(src))
	}
	if len(removed) == 0 && err == nil {
		fmt.Fprintf(env.Stderr, "No stored API key%s to remove.\n", store.ofProfile())
	}
	if store.Getenv != nil && strings.TrimSpace(store.Getenv(EnvVar)) != "" {
		fmt.Fprintf(env.Stderr, "%s is still set in your environment, and cxi uses it: unset it to log out completely.\n", EnvVar)
	}
	if err != nil {
		fmt.Fprintln(env.Stderr, "cxi: "+err.Error())
		return command.ExitError
	}
	return command.ExitOK
}

// Sentence is explain's sentence for err, as a command says it.
func Sentence(err error) string {
	return explain.Describe(err, ProbeSessionID).CommandLine()
}

// statusOf is "HTTP 401" for an API error with a status.
func statusOf(err error) string {
	var e *api.Error
	if errors.As(err, &e) && e.Status != 0 {
		return fmt.Sprintf("HTTP %d %s", e.Status, http.StatusText(e.Status))
	}
	return "no status"
}

// redact removes key from s, in the forms api.ScrubKey knows: errors from
// the client never hold it, and this keeps it so should one ever start to.
func redact(s, key string) string { return api.ScrubKey(s, key) }
