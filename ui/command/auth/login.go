package auth

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"golang.org/x/term"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/command"
)

// maxTokenInput bounds what --with-token reads from stdin.
const maxTokenInput = 64 << 10

// Login runs `cxi auth login`: it reads the key without echo from the
// terminal on stdin, or with --with-token from stdin (one line, trimmed),
// checks it with check (one request; nil skips the check) and saves it.
// It never prints the key, nor any argument it was given, which may be one.
func Login(withToken bool, store KeySources, check func(key string) error, env command.Env) int {
	return login(withToken, env.Stdin, fdOf(env.Stdin), func(int) bool { return env.StdinTTY }, readHidden, store, check, env)
}

// fdOf is the file descriptor behind stdin, -1 when it has none.
func fdOf(stdin io.Reader) int {
	if f, ok := stdin.(interface{ Fd() uintptr }); ok {
		return int(f.Fd())
	}
	return -1
}

// login is Login with the terminal read injected, for tests.
func login(withToken bool, stdin io.Reader, fd int, isTerminal func(int) bool, readPassword func(fd int, prompt io.Writer) ([]byte, error), store KeySources, check func(key string) error, env command.Env) int {
	var key string
	switch {
	case withToken:
		b, err := io.ReadAll(io.LimitReader(stdin, maxTokenInput+1))
		if err != nil {
			fmt.Fprintln(env.Stderr, "cxi: read the key from stdin: "+err.Error())
			return command.ExitError
		}
		if len(b) > maxTokenInput {
			fmt.Fprintln(env.Stderr, "cxi: "+ErrKeyTooLong.Error()+": stdin should hold the key alone")
			return command.ExitUsage
		}
		key = strings.TrimSpace(string(b))
	case isTerminal == nil || !isTerminal(fd):
		fmt.Fprintln(env.Stderr, "cxi: stdin is not a terminal, so the key cannot be asked for without echo; pipe it in with: cxi auth login --with-token < key.txt")
		return command.ExitUsage
	default:
		fmt.Fprint(env.Stderr, "OpenCX API key (input hidden): ")
		b, err := readPassword(fd, env.Stderr)
		fmt.Fprintln(env.Stderr)
		if err != nil {
			fmt.Fprintln(env.Stderr, "cxi: "+err.Error())
			return command.ExitError
		}
		key = strings.TrimSpace(string(b))
	}
	if err := ValidateKey(key); err != nil {
		fmt.Fprintln(env.Stderr, "cxi: "+err.Error()+"; nothing was saved")
		return command.ExitUsage
	}

	if check != nil {
		if err := check(key); err != nil && api.KindOf(err) != api.KindNotFound {
			switch api.KindOf(err) {
			case api.KindUnauthorized, api.KindForbidden:
				fmt.Fprintf(env.Stderr, "cxi: the API rejected this key (%s); nothing was saved. Check that you copied the whole key, for the right organization.\n", statusOf(err))
				return command.ExitAuth
			}
			// Offline or a failing API says nothing about the key: keep it.
			fmt.Fprintln(env.Stderr, "cxi: could not check the key: "+redact(Sentence(err), key)+" Saving it anyway; run cxi auth status later.")
		}
	}

	src, err := store.Save(key)
	if err != nil {
		fmt.Fprintln(env.Stderr, "cxi: "+err.Error())
		return command.ExitError
	}
	switch src {
	case SourceKeyring:
		fmt.Fprintf(env.Stderr, "Saved the API key%s in the OS keyring.\n", store.ofProfile())
	default:
		fmt.Fprintf(env.Stderr, "Saved the API key%s in %s (readable only by you; no OS keyring answered).\n", store.ofProfile(), store.KeyFile())
	}
	if store.Getenv != nil && strings.TrimSpace(store.Getenv(EnvVar)) != "" {
		fmt.Fprintf(env.Stderr, "Note: %s is set and is used instead of the saved key until you unset it.\n", EnvVar)
	}
	return command.ExitOK
}

// errInterrupted is returned when the user pressed ctrl-c at the prompt.
var errInterrupted = errors.New("interrupted; nothing was saved")

// readHidden reads a line from the terminal without echo. ctrl-c at the
// prompt would otherwise end the program with echo still off, leaving the
// user's shell blind; here it restores the terminal and returns.
func readHidden(fd int, _ io.Writer) ([]byte, error) {
	state, err := term.GetState(fd)
	if err != nil {
		return nil, fmt.Errorf("read the key: %w", err)
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	defer signal.Stop(sig)

	type result struct {
		b   []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		b, err := term.ReadPassword(fd)
		done <- result{b, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			return nil, fmt.Errorf("read the key: %w", r.err)
		}
		return r.b, nil
	case <-sig:
		_ = term.Restore(fd, state)
		return nil, errInterrupted
	}
}
