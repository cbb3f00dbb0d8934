package review

import (
	"context"
	"strconv"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/plural"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/common"
)

// ToggleAll is m on the sessions an action takes (the queue's selection,
// else the one in view). One session toggles as Toggle does. Several are
// all marked reviewed when any of them is not, else all unmarked, as a
// mail client's "mark read" does: one key never marks some and unmarks
// others. It says how many changed and how many already were.
func ToggleAll(ctx common.Context, st Store, targets common.Targets, reviewed func(id string) bool) tea.Cmd {
	switch {
	case targets.Len() == 0:
		return nil
	case targets.Len() == 1:
		s := targets.Session(0) // the one session decoded: a selection is read by ID
		return Toggle(ctx, st, &s, reviewed)
	case st == nil:
		return common.Say("Review marks live in the local store, which is off this run (--no-store or store = \"off\").", true)
	}
	on := false
	for i := range targets.Len() {
		if on = !reviewed(targets.ID(i)); on {
			break
		}
	}
	var ids []string
	for i := range targets.Len() {
		if id := targets.ID(i); reviewed(id) != on {
			ids = append(ids, id)
		}
	}
	said := "Unmarked " + plural.Count(len(ids), "session") + "."
	if on {
		said = "Marked " + plural.Count(len(ids), "session") + " reviewed"
		if already := targets.Len() - len(ids); already > 0 {
			said += " · " + strconv.Itoa(already) + " already " + plural.Form(already, "was", "were")
		}
		said += "."
	}
	return writeAll(st, ids, on, ctx.Now, said)
}

// writeAll marks ids reviewed (or not) in st, each at the time it is
// written, and reads their marks back. A failure stops the writing: the
// marks kept before it are shown as kept, and the failure names how far
// it got and the session it stopped at.
func writeAll(st Store, ids []string, on bool, now func() time.Time, said string) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		var failed error
		done := 0
		for _, id := range ids {
			if failed = st.SetReviewed(ctx, id, on, now()); failed != nil {
				break
			}
			done++
		}
		var marks map[string]store.Mark
		var read error
		if done > 0 {
			marks, read = st.Marks(ctx, ids[:done])
		}
		switch {
		case failed == nil && read == nil:
			return MarkedMsg{Marks: fill(marks, ids), Said: said}
		case failed == nil:
			// Written, as a note is only said kept when read back: not said kept.
			return FailedMsg{ID: ids[0], Err: read, Said: "Could not read back the marks on " + plural.Count(len(ids), "session") + ": " + why(read) + "."}
		}
		verb := "Unmarked"
		if on {
			verb = "Marked"
		}
		at := ids[min(done, len(ids)-1)]
		fail := FailedMsg{ID: at, Err: failed,
			Said: verb + " " + strconv.Itoa(done) + " of " + plural.Count(len(ids), "session") + ", then could not keep the mark on " + api.ShortID(at) + ": " + why(failed) + "."}
		if read != nil || done == 0 {
			return fail
		}
		kept := MarkedMsg{Marks: fill(marks, ids[:done])}
		return tea.BatchMsg{func() tea.Msg { return kept }, func() tea.Msg { return fail }}
	}
}

// fill is marks with an entry for every id, the store's zero mark for a
// session it holds none of (unmarked, no note), so the views clear it.
func fill(marks map[string]store.Mark, ids []string) map[string]store.Mark {
	out := make(map[string]store.Mark, len(ids))
	for _, id := range ids {
		out[id] = marks[id]
	}
	return out
}
