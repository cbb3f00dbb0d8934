package cmdline

import (
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/filter"
)

// Msg is what a command asks of the root, which acts on it with the
// routine its key or subcommand calls (the lookup, the status menu, the
// redaction, the copy, the queue's filters): the command line is a second
// way in, never a second implementation.
type Msg interface{ command() }

// SubmittedMsg is enter on a line that parsed: the line as typed, for the
// history, and what it asks for.
type SubmittedMsg struct {
	Line string
	Do   Msg
}

// OpenMsg is :open TEXT: look TEXT up as the input does (a session ID,
// #ticket, an email, a name).
type OpenMsg struct{ Text string }

// StatusMsg is :close, :close --unresolved and :reopen: the status menu's
// confirmation for Status, on what S would act on.
type StatusMsg struct{ Status api.Status }

// RedactMsg is :redact: what X does where the user is.
type RedactMsg struct{}

// FilterMsg is :filter: each filter named is set, the others stay as they
// are; Reset (:filter alone, or :filter reset) puts every filter back to
// those cxi started with, as the reset key does.
type FilterMsg struct {
	Reset     bool
	Status    *api.Status      // "" for any
	Channel   *api.ChannelType // "" for any
	HandedOff *bool
	Window    *time.Duration     // 0 for any time
	Reason    *api.HandoffReason // the local "handed off because" filter; "" for any
	Text      *string            // the queue's text filter (the input's text)
	Flag      *string            // the integrity flag filter: "any", "flagged" or a rule's name (api/lint)
}

// Apply is f with the filters the command names set.
func (m FilterMsg) Apply(f filter.Filters) filter.Filters {
	if m.Status != nil {
		f.Status = *m.Status
	}
	if m.Channel != nil {
		f.Channel = *m.Channel
	}
	if m.HandedOff != nil {
		f.HandedOff = *m.HandedOff
	}
	if m.Window != nil {
		f.Window = *m.Window
	}
	return f
}

// CopyMsg is :copy FIELD, one of CopyFields.
type CopyMsg struct{ Field string }

// ViewMsg is :view NAME, a name the Registry listed.
type ViewMsg struct{ Name string }

// ProfileMsg is :profile NAME, a name the Registry listed.
type ProfileMsg struct{ Name string }

// RunMsg is :run NAME, a user-defined action the Registry listed.
type RunMsg struct{ Name string }

// HelpMsg is :help: the full help.
type HelpMsg struct{}

// NewestMatchMsg is :newest: open the newest session that newly matched a
// watch rule ([watch] in config.toml), as its key does.
type NewestMatchMsg struct{}

// QuitMsg is :q and :quit.
type QuitMsg struct{}

func (OpenMsg) command()        {}
func (StatusMsg) command()      {}
func (RedactMsg) command()      {}
func (FilterMsg) command()      {}
func (CopyMsg) command()        {}
func (ViewMsg) command()        {}
func (ProfileMsg) command()     {}
func (RunMsg) command()         {}
func (HelpMsg) command()        {}
func (NewestMatchMsg) command() {}
func (QuitMsg) command()        {}
