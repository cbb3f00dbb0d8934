package act

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/change"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/settings"
	"github.com/opencx-tools/cxi/ui/render"
)

// RedactUsage is the help of `cxi redact`.
const RedactUsage = `Usage: cxi redact [--message ID] [--reason TEXT] [--yes] SESSION

Redacts every message of the session (attachments are deleted), or with
--message only that message (its id in the session's history). Redaction is
permanent: it cannot be undone. The session is read first: an ID the API
answers with another session gets nothing. On a terminal cxi asks you to type
redact; without one it refuses unless --yes.
  --message ID   redact this message only
  --reason TEXT  why, sent with the redaction (the server logs it)
  --yes          do not ask (needed when stdin is not a terminal)
  --read-only    refuse, sending nothing
`

// confirmWord is what the user types to confirm a redaction, as
// `gh repo delete` asks for the repository's name.
const confirmWord = "redact"

// Redact runs `cxi redact` with the arguments after "redact".
func Redact(args []string, env command.Env) int {
	return redactCmd(context.Background(), args, env, settings.NewDeps(env))
}

func redactCmd(ctx context.Context, args []string, env command.Env, d settings.Deps) int {
	fs, shared := settings.NewFlagSet("redact")
	message := fs.String("message", "", "")
	reason := fs.String("reason", "", "")
	yes := fs.Bool("yes", false, "")
	positional, err := command.Parse(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return command.Help(env, RedactUsage)
	}
	var ts []target
	if err == nil {
		err = redactArgs(fs, positional, *message)
	}
	if err == nil {
		ts, err = targets(positional, nil)
	}
	if err != nil {
		return command.Fail(env, err, RedactUsage)
	}
	if !*yes && !env.StdinTTY {
		// Checked before the settings, so that nothing at all is sent; the
		// usage would not say more than the line does.
		return command.Fail(env, command.Usagef("redaction is permanent and stdin is not a terminal to confirm it on: pass --yes to redact without asking"), "")
	}
	r, stop, code := start(env, *shared, d)
	defer stop()
	if code >= 0 {
		return code
	}
	tg := ts[0]
	id, _, o, ok := r.find(ctx, tg)
	if !ok {
		fmt.Fprintf(env.Stdout, "%s %s\n", tg.label(), o.words)
		return o.code
	}
	label := api.ShortID(id)
	what := "every message of session " + label + " (attachments deleted)"
	if *message != "" {
		what = "message " + render.Line(*message) + " of session " + label
	}
	if !*yes && !confirmed(env, what) {
		fmt.Fprintln(env.Stderr, "cxi: cancelled: nothing was sent")
		return command.ExitError
	}
	res := change.Redact(ctx, r.client, change.RedactRequest{ID: id, MessageID: *message, Reason: *reason, Erase: r.store, Wait: r.pause})
	if res.Kept != nil {
		fmt.Fprintln(env.Stderr, "cxi: "+res.Kept.Error())
	}
	if e := res.Entry(); e.Outcome != "" {
		r.audit(ctx, e)
	}
	subject := label
	if *message != "" {
		subject = label + " message " + render.Line(*message)
	}
	fmt.Fprintf(env.Stdout, "%s %s\n", subject, render.Line(res.Words()))
	if res.Err != nil { // a success:false answer among them (api.ErrNotRedacted), and one that does not say (api.ErrRedactionUnknown)
		r.sayWrite(res.Err, id)
		return failed(res.Err).code
	}
	return command.ExitOK
}

// redactArgs checks what only redact forbids: one SESSION, named (stdin
// is the confirmation's), and a --message that names one.
func redactArgs(fs *flag.FlagSet, positional []string, message string) error {
	var err error
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "message" && strings.TrimSpace(message) == "" {
			err = command.Usagef("--message needs a message ID: without one, every message of the session would be redacted")
		}
	})
	switch {
	case err != nil:
		return err
	case len(positional) != 1:
		return command.Usagef("expected one SESSION, got %d", len(positional))
	case positional[0] == "-":
		return command.Usagef("redact takes one SESSION on the command line, not -")
	}
	return nil
}

// confirmed asks on the terminal for the confirmation word and reports
// whether it was typed.
func confirmed(env command.Env, what string) bool {
	fmt.Fprintf(env.Stderr, "Redact %s — permanent, cannot be undone.\nType %s to confirm: ", what, confirmWord)
	line, err := bufio.NewReader(io.LimitReader(env.Stdin, 1024)).ReadString('\n')
	if err != nil && line == "" {
		fmt.Fprintln(env.Stderr)
		return false
	}
	return strings.TrimSpace(line) == confirmWord
}
