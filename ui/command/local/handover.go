package local

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/pulse"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/config"
	"github.com/opencx-tools/cxi/ui/command/settings"
	"github.com/opencx-tools/cxi/ui/render"
	"github.com/opencx-tools/cxi/ui/summary"
)

// handoverLong is the help of `cxi handover` above its flags.
const handoverLong = `The sessions you reviewed or wrote a note on since --since ago (default 8h,
a shift; also 90m, 2d, 1w), grouped by status, each with its contact,
external_id, ticket number, your note and what changed: Markdown to paste
into Slack or a ticket, or JSON. It reads the local store only, so it works
offline.`

// NewHandoverCommand is `cxi handover`.
func NewHandoverCommand(env command.Env) *cobra.Command {
	var f settings.Flags
	var since, format string
	var withPulse bool
	cmd := &cobra.Command{
		Use:   "handover [--since 8h] [--format md|json]",
		Short: "Sessions you reviewed or noted, for the next shift",
		Long:  handoverLong,
		Args:  cobra.ArbitraryArgs, // read by handoverArgs, in cxi's words
		RunE: func(cmd *cobra.Command, args []string) error {
			window, err := handoverArgs(args, since, format)
			if err != nil {
				return err
			}
			return command.Exit(handoverCmd(window, format, withPulse, f, env))
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&since, "since", "8h", "how far back: `SPAN` such as 8h, 90m, 2d")
	fs.StringVar(&format, "format", "md", "`FMT`: md (Markdown) or json")
	fs.BoolVar(&withPulse, "pulse", false, "end with the pulse of today from the API (2 requests; needs the key, and the network)")
	f.AddShared(fs)
	return cmd
}

// handoverCmd prints the handover of the last window, once the settings
// allow it.
func handoverCmd(window time.Duration, format string, withPulse bool, f settings.Flags, env command.Env) int {
	// Everything that can refuse the command is checked before the store
	// is opened: opening prunes it, and may move a damaged file aside,
	// which a mistyped flag or --no-store must not do.
	s, err := settings.Resolve(f, env)
	if err == nil && s.Store.Off {
		err = &command.SetupError{Err: fmt.Errorf("the local store is off (%s): no marks or notes are kept to hand over", s.Store.OffBy)}
	}
	if err != nil {
		return command.Fail(env, err, "")
	}
	var brief *pulse.Report
	if withPulse {
		brief = readPulse(s, env)
	}
	o, err := open(s, env)
	defer o.close()
	if err == nil {
		err = handover(env, o.st, window, format, brief)
	}
	if err != nil {
		return command.Fail(env, err, "")
	}
	return command.ExitOK
}

// handover prints what was reviewed or noted within window, as format
// says, and the pulse after it when brief is not nil.
func handover(env command.Env, st *store.Store, window time.Duration, format string, brief *pulse.Report) error {
	now := env.Now()
	since := now.Add(-window)
	items, err := st.Handover(context.Background(), since)
	if err != nil {
		return err
	}
	if format == "json" {
		return printHandoverJSON(env, items, since, now, brief)
	}
	fmt.Fprint(env.Stdout, summary.HandoverMarkdown(items, since, now))
	if brief != nil {
		fmt.Fprint(env.Stdout, summary.PulseMarkdown(*brief))
	}
	return nil
}

// handoverArgs checks the command line of cxi handover and returns the
// window --since names.
func handoverArgs(rest []string, since, format string) (time.Duration, error) {
	window, err := config.ParseSpan(since)
	switch {
	case len(rest) > 0:
		return 0, command.Usagef("unexpected argument %q", rest[0])
	case err != nil:
		return 0, command.Usagef("--since %q: want a span such as 8h, 90m or 2d", since)
	case format != "md" && format != "json":
		return 0, command.Usagef("--format %q: want md or json", format)
	}
	return window, nil
}

// handoverDoc is the handover as JSON: the sessions in the Markdown's
// order, each value as the API sent it (escaped on output, as
// `cxi get --json` escapes), absent ones null.
type handoverDoc struct {
	Since    time.Time      `json:"since"`
	Until    time.Time      `json:"until"`
	Sessions []handoverJSON `json:"sessions"`
	Pulse    *pulseJSON     `json:"pulse,omitempty"` // with --pulse
}

type handoverJSON struct {
	ID                 string       `json:"id"`
	Status             *api.Status  `json:"status"`
	Contact            *contactJSON `json:"contact"`
	TicketingSystem    *string      `json:"ticketing_system"`
	ExternalID         *string      `json:"external_id"`
	TicketNumber       *api.Number  `json:"ticket_number"`
	ReviewedAt         *time.Time   `json:"reviewed_at"`
	ChangedSinceReview []changeJSON `json:"changed_since_review"`
	Note               *string      `json:"note"`
	NoteAt             *time.Time   `json:"note_at"`
	SeenAt             *time.Time   `json:"seen_at"`
	ChangedSinceSeen   []changeJSON `json:"changed_since_seen"`
	FetchedAt          *time.Time   `json:"fetched_at"`
}

type contactJSON struct {
	Name  *string `json:"name"`
	Email *string `json:"email"`
	Phone *string `json:"phone"`
}

type changeJSON struct {
	Field  string `json:"field"`
	Before string `json:"before"`
	After  string `json:"after"`
}

func printHandoverJSON(env command.Env, items []store.HandoverItem, since, now time.Time, brief *pulse.Report) error {
	doc := handoverDoc{Since: since.UTC(), Until: now.UTC(), Sessions: []handoverJSON{}, Pulse: toPulseJSON(brief)}
	for _, g := range summary.GroupHandover(items) {
		for _, it := range g.Items {
			doc.Sessions = append(doc.Sessions, toJSON(it))
		}
	}
	b, err := json.Marshal(doc)
	if err != nil {
		return err
	}
	out, err := render.JSON(b)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(env.Stdout, out)
	return err
}

func toJSON(it store.HandoverItem) handoverJSON {
	s := &it.Session
	j := handoverJSON{
		ID: s.ID, TicketNumber: s.TicketNumber,
		ReviewedAt: optTime(it.ReviewedAt), NoteAt: optTime(it.NoteAt), SeenAt: optTime(it.SeenAt), FetchedAt: optTime(it.FetchedAt),
		ChangedSinceReview: changes(it.SinceReview), ChangedSinceSeen: changes(it.Changes),
	}
	if s.Status != "" {
		j.Status = &s.Status
	}
	if c := s.Contact; c != nil {
		j.Contact = &contactJSON{Name: c.Name, Email: c.Email, Phone: c.PhoneNumber}
	}
	if t := s.TicketingSystem; t != nil {
		name := string(t.Name)
		j.TicketingSystem, j.ExternalID = &name, &t.ExternalID
	}
	if it.Note != "" {
		j.Note = &it.Note
	}
	return j
}

func changes(fields []store.FieldChange) []changeJSON {
	out := make([]changeJSON, len(fields))
	for i, c := range fields {
		out[i] = changeJSON{Field: c.Name, Before: c.Before, After: c.After}
	}
	return out
}

func optTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	u := t.UTC()
	return &u
}
