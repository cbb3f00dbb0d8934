package cmdline

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/render"
)

// History is the lines run, oldest first, as ↑ walks back through them:
// read from the store at start, or empty with --no-store, and kept in
// memory while cxi runs. It holds commands only: IDs, filters, names,
// never a note or a key.
type History struct{ lines []string }

// NewHistory is a history holding lines, oldest first (the store's).
func NewHistory(lines []string) History { return History{}.add(lines...) }

// Add is h with line last, as the store keeps it: a blank line or one
// repeating the last is not kept twice, and only the newest
// store.CommandHistoryLimit stay.
func (h History) Add(line string) History { return h.add(line) }

func (h History) add(lines ...string) History {
	out := slices.Clone(h.lines)
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" || (len(out) > 0 && out[len(out)-1] == l) {
			continue
		}
		out = append(out, l)
	}
	if n := len(out) - store.CommandHistoryLimit; n > 0 {
		out = out[n:]
	}
	return History{lines: out}
}

// Lines are the lines, oldest first.
func (h History) Lines() []string { return slices.Clone(h.lines) }

// Recorder keeps the history: the local store.
type Recorder interface {
	AddCommand(ctx context.Context, line string, at time.Time) error
}

// Record keeps line in r at time at, inside the command; nil without a
// store (--no-store), where the history lives only as long as the run. A
// failure is said, unless it is the store having stopped remembering,
// which the header already says for good.
func Record(r Recorder, line string, at time.Time) tea.Cmd {
	if r == nil {
		return nil
	}
	return func() tea.Msg {
		err := r.AddCommand(context.Background(), line, at)
		var off *store.NotRememberingError
		if err == nil || errors.As(err, &off) {
			return nil
		}
		return common.NoticeMsg{Text: "The command is not kept in the history: " + render.Line(err.Error()) + ".", Bad: true}
	}
}
