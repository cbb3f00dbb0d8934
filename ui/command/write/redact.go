package write

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/change"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/settings"
	"github.com/opencx-tools/cxi/ui/render"
)

// redactLong is the help of `cxi redact` above its flags.
const redactLong = `Redacts every message of the session (attachments are deleted), or with
--message only that message (its id in the session's history). Redaction is
permanent: it cannot be undone. The session is read first: an ID the API
answers with another session gets nothing. On a terminal cxi asks you to type
redact; without one it refuses unless --yes.`

// confirmWord is what the user types to confirm a redaction, as
// `gh repo delete` asks for the repository's name.
const confirmWord = "redact"

// NewRedactCommand is `cxi redact`.
func NewRedactCommand(env command.Env) *cobra.Command { return newRedact(env, settings.NewDeps(env)) }

// redactCmd runs `cxi redact` with args, reaching the world through d.
func redactCmd(ctx context.Context, args []string, env command.Env, d settings.Deps) int {
	return command.Execute(ctx, newRedact(env, d), args, env)
}

// redactFlags are the flags of `cxi redact`.
type redactFlags struct {
	shared          settings.Flags
	message, reason string
	yes             bool
}

func newRedact(env command.Env, d settings.Deps) *cobra.Command {
	var f redactFlags
	cmd := &cobra.Command{
		Use:   "redact [--message ID] [--reason TEXT] [--yes] SESSION",
		Short: "Redact a session or one message, permanently",
		Long:  redactLong,
		Args:  cobra.ArbitraryArgs, // read by redactArgs, in cxi's words
		RunE: func(cmd *cobra.Command, args []string) error {
			err := redactArgs(args, f.message, cmd.Flags().Changed("message"))
			var ts []target
			if err == nil {
				ts, err = targets(args, nil)
			}
			if err != nil {
				return err
			}
			if !f.yes && !env.StdinTTY {
				// Checked before the settings, so that nothing at all is
				// sent; the usage would not say more than the line does.
				return command.Exit(command.Fail(env, command.Usagef("redaction is permanent and stdin is not a terminal to confirm it on: pass --yes to redact without asking"), ""))
			}
			return command.Exit(redact(cmd.Context(), ts[0], env, d, f))
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&f.message, "message", "", "redact only the message with this `ID`")
	fs.StringVar(&f.reason, "reason", "", "why, sent with the redaction (the server logs it)")
	fs.BoolVar(&f.yes, "yes", false, "do not ask (needed when stdin is not a terminal)")
	f.shared.AddShared(fs)
	return cmd
}

// redact sends the redaction tg and f ask for, once confirmed, and
// records it.
func redact(ctx context.Context, tg target, env command.Env, d settings.Deps, f redactFlags) int {
	r, stop, code := start(env, f.shared, d)
	defer stop()
	if code >= 0 {
		return code
	}
	id, _, o, ok := r.find(ctx, tg)
	if !ok {
		fmt.Fprintf(env.Stdout, "%s %s\n", tg.label(), o.words)
		return o.code
	}
	label := api.ShortID(id)
	what := "every message of session " + label + " (attachments deleted)"
	if f.message != "" {
		what = "message " + render.Line(f.message) + " of session " + label
	}
	if !f.yes && !confirmed(env, what) {
		fmt.Fprintln(env.Stderr, "cxi: cancelled: nothing was sent")
		return command.ExitError
	}
	res := change.Redact(ctx, r.client, change.RedactRequest{ID: id, MessageID: f.message, Reason: f.reason, Erase: r.store, Wait: r.pause})
	if res.Kept != nil {
		fmt.Fprintln(env.Stderr, "cxi: "+res.Kept.Error())
	}
	if e := res.Entry(); e.Outcome != "" {
		r.audit(ctx, e)
	}
	subject := label
	if f.message != "" {
		subject = label + " message " + render.Line(f.message)
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
func redactArgs(positional []string, message string, messageGiven bool) error {
	switch {
	case messageGiven && strings.TrimSpace(message) == "":
		return command.Usagef("--message needs a message ID: without one, every message of the session would be redacted")
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
