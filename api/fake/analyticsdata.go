package fake

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"time"
)

// analyticsData is what the analytics endpoints answer from, worked out
// once per index from the listed sessions and their histories, so that
// every endpoint agrees with the sessions and with one another.
type analyticsData struct {
	sessions    []sessionFacts  // every listed session
	handoffs    []*sessionFacts // the handed-off ones, newest handoff first
	officeHours []OfficeHours
}

// sessionFacts is what the analytics need of one session.
type sessionFacts struct {
	key       string
	created   time.Time
	updated   time.Time
	status    string
	channel   string
	teamID    string
	teamName  string
	agent     string // assignee_id, "" when none
	sentiment *string
	contact   json.RawMessage // the session's contact object, as stored

	// Only for a handed-off session.
	handedOff   bool
	handoffAt   time.Time
	summary     string
	explanation string
	reasons     []string
	firstReply  time.Time       // the agent's first message after the handoff; zero if none
	nextReplies []time.Duration // each later wait of the contact for the agent
	closedAt    time.Time       // the status change to a closed status; zero while open
}

// ratingFacts is a customer's rating of a session.
type ratingFacts struct {
	score   int
	comment string
	at      time.Time
}

// analyticsView is the part of a session body the analytics read.
type analyticsView struct {
	Status        string                `json:"status"`
	AIClosureType *string               `json:"ai_closure_type"`
	Sentiment     *string               `json:"sentiment"`
	Channel       struct{ Type string } `json:"channel"`
	Contact       json.RawMessage       `json:"contact"`
	AssigneeID    *string               `json:"assignee_id"`
	Team          *struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"team"`
	Handoff *struct {
		Summary   string `json:"summary"`
		Sentiment string `json:"sentiment"`
	} `json:"handoff"`
}

// historyView is the part of a history event the analytics read.
type historyView struct {
	CreatedAt string `json:"created_at"`
	Event     struct {
		Type   string `json:"type"`
		Sender struct {
			Type string `json:"type"`
		} `json:"sender"`
		Content struct {
			Type  string  `json:"type"`
			Text  string  `json:"text"`
			Score float64 `json:"score"`
		} `json:"content"`
	} `json:"event"`
}

// analyticsNow returns the analytics of the current index, working them
// out on first use after a change (a redaction edits histories).
func (s *Server) analyticsNow() *analyticsData {
	c := s.indexNow()
	s.analyticsMu.Lock()
	defer s.analyticsMu.Unlock()
	if s.analytics == nil || s.analyticsOf != c {
		s.analytics, s.analyticsOf = buildAnalytics(c, s.content), c
	}
	return s.analytics
}

func buildAnalytics(c *index, content Catalog) *analyticsData {
	d := &analyticsData{}
	extra, _ := content.(Analytics)
	if extra != nil {
		d.officeHours = extra.OfficeHours()
	}
	if d.officeHours == nil {
		d.officeHours = []OfficeHours{}
	}
	for _, e := range c.listed {
		var v analyticsView
		if json.Unmarshal(e.item, &v) != nil {
			// A field of an unexpected type: the session counts, without facts.
			v = analyticsView{}
		}
		f := sessionFacts{key: e.key, created: e.created, updated: e.updated, status: v.Status, channel: v.Channel.Type, sentiment: v.Sentiment, contact: v.Contact}
		if v.Team != nil {
			f.teamID, f.teamName = v.Team.ID, v.Team.Name
		}
		if v.AssigneeID != nil {
			f.agent = *v.AssigneeID
		}
		f.handedOff = v.Handoff != nil || v.AIClosureType != nil && *v.AIClosureType == "handed_off"
		if v.Handoff != nil {
			f.summary = v.Handoff.Summary
			if v.Handoff.Sentiment != "" {
				hs := v.Handoff.Sentiment
				f.sentiment = &hs
			}
		}
		if f.handedOff {
			// Only a handed-off session's history is read here: the
			// others' would be written for nothing (a rating is read when
			// its session is asked for).
			f.readHistory(e.events(content))
			if f.handoffAt.IsZero() {
				f.handoffAt = e.created
			}
			if f.closedAt.IsZero() && f.status != "open" {
				f.closedAt = e.updated
			}
			if extra != nil {
				f.reasons, f.explanation = extra.HandoffWhy(e.key, e.body)
			}
		}
		d.sessions = append(d.sessions, f)
	}
	for i := range d.sessions {
		if d.sessions[i].handedOff {
			d.handoffs = append(d.handoffs, &d.sessions[i])
		}
	}
	slices.SortStableFunc(d.handoffs, func(a, b *sessionFacts) int {
		if c := b.handoffAt.Compare(a.handoffAt); c != 0 {
			return c
		}
		return strings.Compare(a.key, b.key)
	})
	return d
}

// readHistory takes the handoff time, the agent's replies and the closing
// from a session's events, and returns the customer's rating if one is
// there (a survey_response with a score).
func (f *sessionFacts) readHistory(events [][]byte) *ratingFacts {
	var rating *ratingFacts
	var waitingSince time.Time // the contact's first unanswered message after the first reply
	for _, raw := range events {
		var ev historyView
		if json.Unmarshal(raw, &ev) != nil {
			continue
		}
		at := parseStamp(ev.CreatedAt)
		switch t, sender := ev.Event.Type, ev.Event.Sender.Type; {
		case t == "handoff" && f.handoffAt.IsZero():
			f.handoffAt = at
		case t == "survey_response" && ev.Event.Content.Score > 0:
			rating = &ratingFacts{score: int(ev.Event.Content.Score), comment: ev.Event.Content.Text, at: at}
		case t == "status_change" && strings.HasSuffix(ev.Event.Content.Text, "closed_resolved"), t == "status_change" && strings.HasSuffix(ev.Event.Content.Text, "closed_unresolved"):
			f.closedAt = at
		case t == "message" && sender == "agent" && !f.handoffAt.IsZero():
			if f.firstReply.IsZero() {
				f.firstReply = at
			} else if !waitingSince.IsZero() {
				f.nextReplies = append(f.nextReplies, at.Sub(waitingSince))
				waitingSince = time.Time{}
			}
		case t == "message" && sender == "contact" && !f.firstReply.IsZero() && waitingSince.IsZero():
			waitingSince = at
		}
	}
	return rating
}

// marshalAnswer is 200 with v as JSON.
func marshalAnswer(v any) answer {
	body, err := json.Marshal(v)
	if err != nil {
		panic(err) // the answers hold only strings, numbers and slices of them
	}
	return answer{http.StatusOK, body}
}
