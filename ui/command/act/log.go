package act

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/settings"
	"github.com/opencx-tools/cxi/ui/config"
	"github.com/opencx-tools/cxi/ui/render"
)

// logLong is the help of `cxi log` above its flags.
const logLong = `The audit log: every write cxi sent (close, reopen, redact), from the TUI or
a command, with the status before → after and the API's answer, oldest first.
It lives in the local store and is kept as long as the store keeps sessions.`

// NewLogCommand is `cxi log`.
func NewLogCommand(env command.Env) *cobra.Command { return newLog(env, openStore(env)) }

// logCmd runs `cxi log` with args, on the store open opens.
func logCmd(ctx context.Context, args []string, env command.Env, open storeOpener) int {
	return command.Execute(ctx, newLog(env, open), args, env)
}

func newLog(env command.Env, open storeOpener) *cobra.Command {
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
			return command.Exit(printLog(cmd.Context(), span, asJSON, shared, env, open))
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&sinceText, "since", "24h", "how far back: `SPAN` such as 24h, 7d, 2w")
	fs.BoolVar(&asJSON, "json", false, "one JSON object a line (control characters escaped)")
	shared.AddShared(fs)
	return cmd
}

// storeOpener opens the store the settings and key name if it is there,
// for reading; nil when there is none.
type storeOpener func(s settings.Settings, key string) (*store.Store, error)

func openStore(env command.Env) storeOpener {
	return func(s settings.Settings, key string) (*store.Store, error) {
		st, _, err := s.OpenExisting(key, env)
		return st, err
	}
}

// printLog prints the entries of the last span, as text or JSON.
func printLog(ctx context.Context, span time.Duration, asJSON bool, shared settings.Flags, env command.Env, open storeOpener) int {
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
	st, err := open(s, key)
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
		fmt.Fprintf(env.Stderr, "cxi: no write recorded in the last %s\n", config.FormatSpan(span))
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
// sanitized (an outcome may quote the API, a reason the user):
//
//	2026-03-11 14:00:05  3c90c3cc  close   open → closed_resolved  [helpdesk]  ok  (command)
func entryLine(e store.AuditEntry, loc *time.Location) string {
	parts := []string{e.At.In(loc).Format("2006-01-02 15:04:05"), api.ShortID(render.Line(e.SessionID)), fmt.Sprintf("%-6s", render.Line(e.Action))}
	switch {
	case e.MessageID != "":
		parts = append(parts, "message "+render.Line(e.MessageID))
	case e.After != "":
		parts = append(parts, render.Line(string(orUnknown(e.Before)))+" → "+render.Line(string(e.After)))
	case e.Before != "":
		parts = append(parts, "was "+render.Line(string(e.Before)))
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

func orUnknown(s api.Status) api.Status {
	if s == "" {
		return "?"
	}
	return s
}
