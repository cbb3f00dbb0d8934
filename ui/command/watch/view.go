package watch

import (
	"strings"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/filter"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/config"
	"github.com/opencx-tools/cxi/ui/render"
)

// scope is what part of the list cxi watch follows: a saved view's filters
// (--view), or every session.
type scope struct {
	filters filter.Filters
	team    string // a view's team, as shown, lower case; "" for any
}

// viewScope is the scope of the saved view name. The list's own filters
// and the team are followed; a view that narrows by the text typed or by
// what the local store saw changed is refused: what it shows depends on
// the TUI, not on the session alone.
func viewScope(file config.Config, name string) (scope, error) {
	v, err := file.ViewNamed(name)
	if err != nil {
		return scope{}, command.Usagef("--view: %v", err)
	}
	switch {
	case v.Changed:
		return scope{}, command.Usagef("--view %q lists changed sessions only, which only the TUI's store knows: cxi watch follows a view's status, handoff, channel, window and team", render.Line(v.Name))
	case strings.TrimSpace(v.Text) != "":
		return scope{}, command.Usagef("--view %q filters by the text %q as the TUI's input does: cxi watch follows a view's status, handoff, channel, window and team", render.Line(v.Name), render.Line(v.Text))
	}
	return scope{filters: v.Filters, team: strings.ToLower(strings.TrimSpace(v.Team))}, nil
}

// params is the first read's list call.
func (s scope) params(now time.Time) api.ListParams { return s.filters.Params(now) }

// keep is the sessions of items the scope shows at time now: a later read
// asks for everything that changed, whatever the filters.
func (s scope) keep(items []api.Session, now time.Time) []api.Session {
	var out []api.Session
	for i := range items {
		x := &items[i]
		if !s.filters.Match(x, now) || s.team != "" && (x.Team == nil || !strings.EqualFold(render.Or(x.Team.Name), s.team)) {
			continue
		}
		out = append(out, *x)
	}
	return out
}
