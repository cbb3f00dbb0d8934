package lint

import (
	"fmt"
	"strings"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/config"
	"github.com/opencx-tools/cxi/ui/render"
)

// window is what cxi lint reads: the list call's parameters, and which of
// their sessions a view keeps (its team; nil keeps all).
type window struct {
	params api.ListParams
	keep   func(*api.Session) bool
}

// windowOf is --since's window, narrowed by --view NAME's filters: its
// status, handoff and channel asked of the API, its updated_within when
// narrower than --since, its team judged on each session. Its text and
// changed_only are the TUI's (the input's text, what the user looked at):
// stderr says they are not applied rather than linting fewer sessions
// than the view would show without saying so.
func windowOf(file config.Config, view string, since time.Duration, now time.Time, env command.Env) (window, error) {
	w := window{params: api.ListParams{UpdatedAfter: now.Add(-since)}}
	if view == "" {
		return w, nil
	}
	v, err := file.ViewNamed(view)
	if err != nil {
		return w, command.Usagef("--view: %v", err)
	}
	p := v.Filters.Params(now)
	if p.UpdatedAfter.Before(w.params.UpdatedAfter) {
		p.UpdatedAfter = w.params.UpdatedAfter // --since is the wider bound's limit
	}
	w.params = p
	if team := strings.TrimSpace(v.Team); team != "" {
		w.keep = func(s *api.Session) bool {
			return s.Team != nil && strings.EqualFold(strings.TrimSpace(s.Team.Name), team)
		}
	}
	var unapplied []string
	if strings.TrimSpace(v.Text) != "" {
		unapplied = append(unapplied, fmt.Sprintf("its text %q", render.Line(v.Text)))
	}
	if v.Changed {
		unapplied = append(unapplied, "changed_only")
	}
	if len(unapplied) > 0 {
		fmt.Fprintf(env.Stderr, "cxi: view %s: %s not applied (the TUI's); every session of its filters is linted\n", render.Line(v.Name), strings.Join(unapplied, " and "))
	}
	return w, nil
}
