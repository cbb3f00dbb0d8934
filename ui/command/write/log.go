package write

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/config"
	"github.com/opencx-tools/cxi/ui/command/settings"
	"github.com/opencx-tools/cxi/ui/render"
)

// logLong is the help of `cxi log` above its flags.
const logLong = `The audit log: every write cxi sent (close, reopen, redact), from the TUI or
a command, with the status before → after and the API's answer, oldest first.
It lives in the local store and is kept as long as the store keeps sessions.`

// NewLogCommand is `cxi log`.
func NewLogCommand(env command.Env) *cobra.Command { return newLog(env, settings.NewDeps(env)) }

// logCmd runs `cxi log` with args, reaching the store through d.
func logCmd(ctx context.Context, args []string, env command.Env, d settings.Deps) int {
	return command.Execute(ctx, newLog(env, d), args, env)
}

func newLog(env command.Env, d settings.Deps) *cobra.Command {
	var shared settings.Flags
	var sinceText string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "log [--since 24h] [--json]",
		Short: "The audit log: every write cxi sent, with its answer",
		Long:  logLong,
		Args:  cobra.ArbitraryArgs, // refused below, in cxi's words
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return command.Usagef("log takes no arguments, got %q", args[0])
			}
			span, err := config.ParseSpan(sinceText)
			if err != nil {
				return command.Usagef("--since %q is not a span such as 24h, 7d or 2w", sinceText)
			}
			return command.Exit(printLog(cmd.Context(), span, asJSON, shared, env, d))
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&sinceText, "since", "24h", "how far back: `SPAN` such as 24h, 7d, 2w")
	fs.BoolVar(&asJSON, "json", false, "one JSON object a line (control characters escaped)")
	shared.AddShared(fs)
	return cmd
}

// printLog prints the entries of the last span, as text or JSON.
func printLog(ctx context.Context, span time.Duration, asJSON bool, shared settings.Flags, env command.Env, d settings.Deps) int {
	s, err := settings.Resolve(shared, env)
	if err != nil {
		return command.Fail(env, err, "")
	}
	if s.Store.Off {
		fmt.Fprintf(env.Stderr, "cxi: the local store is off (%s): there is no audit log to read\n", s.Store.OffBy)
		return command.ExitOK
	}
	key, err := s.Key()
	if err != nil {
		return command.Fail(env, err, "")
	}
	st, err := d.OpenExisting(s, key)
	if err != nil {
		return command.Fail(env, err, "") // no place for the store exits 1, as for cxi store and handover
	}
	defer st.Close()
	since := env.Now().Add(-span)
	entries, err := st.AuditLog(ctx, since)
	if err != nil {
		return command.Fail(env, err, "")
	}
	if len(entries) == 0 && !asJSON {
		fmt.Fprintf(env.Stderr, "cxi: no write recorded in the last %s\n", render.Duration(span))
	}
	for _, e := range entries {
		if asJSON {
			line, err := render.JSONLine(entryJSON(e))
			if err != nil {
				return command.Fail(env, err, "")
			}
			fmt.Fprintln(env.Stdout, line)
			continue
		}
		fmt.Fprintln(env.Stdout, entryLine(e, env.Now().Location()))
	}
	return command.ExitOK
}

// auditJSON is an entry as --json prints it.
type auditJSON struct {
	At        string     `json:"at"`
	SessionID string     `json:"session_id"`
	MessageID string     `json:"message_id,omitempty"`
	Action    string     `json:"action"`
	Options   []string   `json:"options"`
	Before    api.Status `json:"before,omitempty"`
	After     api.Status `json:"after,omitempty"`
	Outcome   string     `json:"outcome"`
	Source    string     `json:"source"`
}

func entryJSON(e store.AuditEntry) auditJSON {
	opts := e.Options
	if opts == nil {
		opts = []string{}
	}
	return auditJSON{At: e.At.UTC().Format(time.RFC3339Nano), SessionID: e.SessionID, MessageID: e.MessageID,
		Action: e.Action, Options: opts, Before: e.Before, After: e.After, Outcome: e.Outcome, Source: e.Source}
}

// entryLine is an entry as one line of text, every value from the store
// sanitized (an outcome may quote the API, a reason the user), a status in
// the words cxi uses everywhere (render.Status; --json keeps the API's).
// A redaction changes no status and says what it redacted; entries the
// TUI recorded before it knew that carry its status twice, which is not
// shown as a change:
//
//	2026-03-11 14:00:05  3c90c3cc  close   open → resolved  [helpdesk]  ok  (command)
//	2026-03-11 14:02:10  3c90c3cc  redact  every message  [reason: GDPR]  ok  (tui)
func entryLine(e store.AuditEntry, loc *time.Location) string {
	parts := []string{e.At.In(loc).Format("2006-01-02 15:04:05"), api.ShortID(render.Line(e.SessionID)), fmt.Sprintf("%-6s", render.Line(e.Action))}
	switch {
	case e.Action == store.ActionRedact && e.MessageID != "":
		parts = append(parts, "message "+render.Line(e.MessageID))
	case e.Action == store.ActionRedact:
		parts = append(parts, "every message")
	case e.After != "":
		parts = append(parts, orUnknown(e.Before)+" → "+render.Status(e.After))
	case e.Before != "":
		parts = append(parts, "was "+render.Status(e.Before))
	}
	if len(e.Options) > 0 {
		opts := make([]string, len(e.Options))
		for i, o := range e.Options {
			opts[i] = render.Line(o)
		}
		parts = append(parts, "["+strings.Join(opts, ", ")+"]")
	}
	parts = append(parts, render.Line(e.Outcome), "("+render.Line(e.Source)+")")
	return strings.Join(parts, "  ")
}

// orUnknown is a status before, "?" when the entry has none.
func orUnknown(s api.Status) string {
	if s == "" {
		return "?"
	}
	return render.Status(s)
}
