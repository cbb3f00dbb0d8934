package read

import (
	"context"
	"fmt"
	"strings"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/settings"
	"github.com/opencx-tools/cxi/ui/render"
)

// viewQuery is `cxi list --view NAME`: the view's server-side filters as
// the list's parameters, and its team, text and changed as a test of each
// session listed, as the TUI's tab applies them. The filter flags would
// fight the view's: they are refused beside it.
func (f *listFlags) viewQuery(env command.Env, d settings.Deps) (keep func(context.Context, []api.Session) ([]api.Session, error), stop func(), err error) {
	stop = func() {}
	if f.status != "" || f.channel != "" || f.within != "" || f.handedOff {
		return nil, stop, command.Usagef("--view %q sets the filters: leave out --status, --channel, --handed-off and --updated-within", f.view)
	}
	s, err := settings.Resolve(f.shared, env)
	if err != nil {
		return nil, stop, err
	}
	v, err := s.File.ViewNamed(f.view)
	if err != nil {
		return nil, stop, command.Usagef("--view: %v", err)
	}
	f.status, f.channel, f.handedOff = string(v.Filters.Status), string(v.Filters.Channel), v.Filters.HandedOff
	f.window = v.Filters.Window
	if v.Attention {
		fmt.Fprintf(env.Stderr, "cxi: view %s orders by need of attention in the TUI; listed newest first\n", render.Line(v.Name))
	}
	var changes func(context.Context, []api.Session) (map[string]store.Change, error)
	if v.Changed {
		st, err := keptFor(s, d)
		if err != nil || st == nil {
			return nil, stop, fmt.Errorf("view %q lists changed sessions only, which only the local store knows (what you looked at in cxi): %v", v.Name, orNone(err))
		}
		stop, changes = func() { st.Close() }, st.Changes
	}
	team, text := strings.ToLower(strings.TrimSpace(v.Team)), strings.ToLower(strings.TrimSpace(v.Text))
	return func(ctx context.Context, page []api.Session) ([]api.Session, error) {
		var changed map[string]store.Change
		if changes != nil {
			var err error
			if changed, err = changes(ctx, page); err != nil {
				return nil, err
			}
		}
		var out []api.Session
		for i := range page {
			s := &page[i]
			switch {
			case team != "" && (s.Team == nil || !strings.EqualFold(render.Or(s.Team.Name), team)),
				text != "" && !strings.Contains(searchText(s), text),
				changes != nil && len(changed[s.ID].Fields) == 0:
				continue
			}
			out = append(out, *s)
		}
		return out, nil
	}, stop, nil
}

// keptFor opens the local store the settings name, if there is one.
func keptFor(s settings.Settings, d settings.Deps) (*store.Store, error) {
	if d.OpenExisting == nil {
		return nil, nil
	}
	key, err := s.Key()
	if err != nil {
		return nil, err
	}
	return d.OpenExisting(s, key)
}

func orNone(err error) string {
	if err != nil {
		return err.Error()
	}
	return "there is none yet"
}

// searchText is what a view's text is looked for in, lower-cased: the
// words the queue's row shows for s, as the queue's text filter searches
// them.
func searchText(s *api.Session) string {
	parts := []string{s.ID, render.Status(s.Status), string(s.Status), render.Ptr(s.Sentiment), render.Enum(s.Channel.Type), render.Contact(s.Contact), render.Ticket(s)}
	if s.Team != nil {
		parts = append(parts, render.Or(s.Team.Name))
	}
	if c := s.Contact; c != nil {
		parts = append(parts, render.Ptr(c.Email), render.Ptr(c.PhoneNumber), render.Ptr(c.Name))
	}
	if s.HandedOff() {
		parts = append(parts, "handed off", "handoff")
	}
	return strings.ToLower(strings.Join(parts, " "))
}
