package queue

import (
	"strings"
	"sync"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/render"
)

// rowKind is the cells a row shares with many others: a status, a
// sentiment, a channel, a team and a handoff take a handful of values
// each, so 100,000 rows have a few hundred kinds, kept once each.
type rowKind struct {
	cells
	idx   int    // the kind's place in its table: the text filter's answer per kind is a slice
	words string // the cells' words in lower case, for the text filter
}

// cells is a kind's identity: what rowKind shows and sorts by.
type cells struct {
	rawStatus     api.Status
	status        string // as shown
	sentiment     string // as shown
	channelType   api.ChannelType
	channel       string // as shown
	team          string // as shown
	teamKey       string // what the team filter compares: the team's ID (its name if it has none); "" for no team
	handedOff     bool
	needsHuman    bool
	sentimentRank int
}

// kindTable interns the kinds of a queue's rows. Rows are made in the
// commands that fetch pages, which run side by side, so it locks; the
// Model holds it by pointer and every copy of the Model shares it.
type kindTable struct {
	mu    sync.Mutex
	byKey map[cells]*rowKind
	all   []*rowKind // by idx
}

func newKindTable() *kindTable { return &kindTable{byKey: map[cells]*rowKind{}} }

// of is the kind of s, made on first sight.
func (t *kindTable) of(s *api.Session) *rowKind {
	c := cells{
		rawStatus:     s.Status,
		status:        render.Status(s.Status),
		sentiment:     render.Ptr(s.Sentiment),
		channelType:   s.Channel.Type,
		channel:       render.Enum(s.Channel.Type),
		team:          render.Dash,
		handedOff:     s.HandedOff(),
		needsHuman:    needsHuman(s),
		sentimentRank: sentimentRank(s),
	}
	if s.Team != nil {
		c.team = render.Or(s.Team.Name)
		c.teamKey = "id:" + s.Team.ID
		if s.Team.ID == "" {
			c.teamKey = "name:" + s.Team.Name
		}
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if k, ok := t.byKey[c]; ok {
		return k
	}
	words := []string{c.status, string(c.rawStatus), c.sentiment, c.channel, c.team}
	if c.handedOff {
		words = append(words, "handed off", "handoff")
	}
	k := &rowKind{cells: c, idx: len(t.all), words: strings.ToLower(strings.Join(words, " "))}
	t.byKey[c] = k
	t.all = append(t.all, k)
	return k
}

// matching answers, for every kind known, whether its cells hold text (in
// lower case): a filter keystroke asks each kind once, not each row.
func (t *kindTable) matching(text string) []bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := make([]bool, len(t.all))
	for i, k := range t.all {
		out[i] = strings.Contains(k.words, text)
	}
	return out
}
