package demo

import (
	"encoding/json"
	"time"

	"github.com/opencx-tools/cxi/api/fake"
)

// DefaultGenerated is how many sessions the catalog generates besides the
// showcase: enough for a dozen pages of the list.
const DefaultGenerated = 300

// catalog is the demo's catalog: which parts of the demo it serves.
type catalog struct {
	showcase  bool // the fixtures and their faults
	generated int
	oddItems  bool
	recent    bool
	day       int // how many days on the demo is: see WithDay
}

// Option changes what Catalog serves.
type Option func(*catalog)

// WithGenerated sets how many sessions are generated besides the showcase
// (DefaultGenerated unless set; n < 0 counts as 0). The sessions are the
// same for the same n and clock: the first n of a longer run.
func WithGenerated(n int) Option {
	return func(c *catalog) { c.generated = max(n, 0) }
}

// WithoutOddItems leaves out the two deliberately malformed list items
// (OddTicketIndex, CorruptedIndex), for tests that want a clean list.
func WithoutOddItems() Option {
	return func(c *catalog) { c.oddItems = false }
}

// WithoutShowcase leaves out the showcase sessions and their faults, for
// tests that look at the generated sessions alone.
func WithoutShowcase() Option {
	return func(c *catalog) { c.showcase = false }
}

// WithRecentDates moves the showcase sessions' timestamps so that they fall
// within the last six hours of the server's clock, the star
// (IDAngryHandoff) the most recently updated, so the demo's queue starts
// with them. GET then serves the moved bodies, which no longer equal
// Fixture; without this option the fixtures keep their fixed dates in March
// 2026, which golden tests rely on.
func WithRecentDates() Option {
	return func(c *catalog) { c.recent = true }
}

// WithDay serves the demo as it looks day days on, so that a second run
// has something to tell ("since you last looked"): the star and one open
// session in seven of the generated ones have turned unresolved (and
// angry), updated just now. Day 0 is the demo as always.
func WithDay(day int) Option {
	return func(c *catalog) { c.day = max(day, 0) }
}

// Catalog returns the demo's content for fake.WithCatalog: the showcase
// sessions with their faults (IDSlow delayed, IDBadGateway 502 HTML,
// IDRateLimited 429), DefaultGenerated generated sessions and the two odd
// list items, changed by opts in order.
func Catalog(opts ...Option) fake.Catalog {
	c := &catalog{showcase: true, generated: DefaultGenerated, oddItems: true}
	for _, opt := range opts {
		opt(c)
	}
	return c
}

// NewServer returns a fake server with the demo's whole Catalog, changed by
// opts in order; what `cxi --demo` serves, but for the dates.
func NewServer(opts ...fake.Option) *fake.Server {
	return fake.New(append([]fake.Option{fake.WithCatalog(Catalog())}, opts...)...)
}

// Sessions returns the showcase sessions (moved, with WithRecentDates),
// then the generated ones, dated from now.
func (c *catalog) Sessions(now time.Time) []fake.Session {
	var out []fake.Session
	if c.showcase {
		for i, d := range Sessions() {
			body, _ := Fixture(d.ID) // every showcase session has one: TestDemoFiles
			if c.recent {
				body = shiftTimes(body, now.Add(-recentAge(i)))
			}
			if c.day > 0 && d.ID == IDAngryHandoff {
				body = dayOn(body, now) // the star too, so the first session a user opens has news
			}
			out = append(out, fake.Session{ID: d.ID, Body: body})
		}
	}
	for i, g := range generateSessions(c.generated, now) {
		if c.day > 0 && i%7 == c.day%7 && g.Status == "open" {
			angry := "angry"
			g.Status, g.Sentiment, g.UpdatedAt = "closed_unresolved", &angry, now.UTC().Format(time.RFC3339)
		}
		out = append(out, fake.Session{ID: g.ID, Body: g.body()})
	}
	return out
}

// Inserts returns the odd items, unless WithoutOddItems.
func (c *catalog) Inserts(now time.Time, listed []fake.Listed) []fake.Insert {
	if !c.oddItems {
		return nil
	}
	return oddItems(now, listed)
}

// History writes a session's transcript: scripted for the star and the
// hostile session, generated from the session's fields for any other, so
// that it agrees with the session's handoff summary, contact and times.
func (c *catalog) History(id string, body []byte) []json.RawMessage {
	events := transcriptFor(newEntry(id, body))
	out := make([]json.RawMessage, len(events))
	for i, ev := range events {
		b, err := json.Marshal(ev)
		if err != nil {
			panic(err) // events hold only strings, ints and raw JSON objects
		}
		out[i] = b
	}
	return out
}

// Faults returns the showcase's faults, unless WithoutShowcase.
func (c *catalog) Faults() map[string]fake.Fault {
	if !c.showcase {
		return nil
	}
	return showcaseFaults()
}

// dayOn is a session's body closed as unresolved just now.
func dayOn(body []byte, now time.Time) []byte {
	var doc map[string]any
	if err := json.Unmarshal(body, &doc); err != nil {
		return body
	}
	doc["status"], doc["updated_at"] = "closed_unresolved", now.UTC().Format(time.RFC3339)
	out, err := json.Marshal(doc)
	if err != nil {
		return body
	}
	return out
}
