package watch

import (
	"strings"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/watch"
	"github.com/opencx-tools/cxi/ui/render"
)

// jsonMatch is one line of --json: the session's ID and what matched, and
// a few fields a hook shows without asking for the session.
type jsonMatch struct {
	At        time.Time     `json:"at"`
	ID        string        `json:"id"`
	Rules     []string      `json:"rules"`
	Labels    []string      `json:"labels"`
	Status    string        `json:"status"`
	Sentiment *string       `json:"sentiment"`
	Channel   string        `json:"channel"`
	Contact   string        `json:"contact"`
	UpdatedAt api.Timestamp `json:"updated_at"`
}

// format is one match as a line: tab-separated text, every API value
// sanitized, or one JSON object escaped as cxi list --json escapes.
func format(m watch.Match, at time.Time, asJSON bool) (string, error) {
	s := &m.Session
	if asJSON {
		j := jsonMatch{At: at.UTC().Truncate(time.Second), ID: s.ID, Rules: watch.Names(m.Rules), Labels: m.Labels(), Status: string(s.Status),
			Channel: string(s.Channel.Type), Contact: render.Contact(s.Contact), UpdatedAt: s.UpdatedAt}
		if s.Sentiment != nil {
			v := string(*s.Sentiment)
			j.Sentiment = &v
		}
		if j.Contact == render.Dash {
			j.Contact = ""
		}
		return render.JSONLine(j)
	}
	return strings.Join([]string{
		at.UTC().Format(time.RFC3339), render.Line(s.ID), strings.Join(watch.Names(m.Rules), ","),
		render.Status(s.Status), render.Ptr(s.Sentiment), render.Enum(s.Channel.Type), render.Contact(s.Contact),
	}, "\t"), nil
}
