package queue

import (
	"time"

	"github.com/opencx-tools/cxi/ui/render"
)

// shortAge is the time since the session's last activity ("3h"), or a dash.
func shortAge(r *row, now time.Time) string {
	t := r.session.UpdatedAt.Time
	if t.IsZero() {
		return render.Dash
	}
	return render.Span(now.Sub(t))
}
