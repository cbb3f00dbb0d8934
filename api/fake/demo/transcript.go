package demo

import (
	"encoding/json"
	"math/rand/v2"
	"net/url"
	"slices"
	"time"
)

// event is one history item as the API sends it. ID is left out of the
// JSON when empty: the newer reference page's items have none.
type event struct {
	ID        string    `json:"id,omitempty"`
	CreatedAt string    `json:"created_at"`
	Event     eventBody `json:"event"`
}

type eventBody struct {
	Type        string          `json:"type"` // message, handoff, status_change, note, survey_response
	Sender      sender          `json:"sender"`
	Content     content         `json:"content"`
	Attachments []attachment    `json:"attachments,omitempty"`
	Context     json.RawMessage `json:"context,omitempty"`
}

type sender struct {
	Type string `json:"type"` // contact, ai, agent, system
	Name string `json:"name,omitempty"`
}

type content struct {
	Type  string `json:"type"` // text, or rating for a survey response
	Text  string `json:"text"`
	Score int    `json:"score,omitempty"` // rating only
	Scale int    `json:"scale,omitempty"` // rating only
}

type attachment struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Size int    `json:"size"` // bytes
	Type string `json:"type"` // MIME type
	URL  string `json:"url"`
}

// aiName is how the organization's AI signs its messages.
const aiName = "Larkspur Assistant"

// transcriptFor writes the history of a session: scripted for the star and
// the hostile session, generated from the session for every other one.
// Some histories come without event IDs (withoutEventIDs).
func transcriptFor(e *entry) []event {
	switch e.key {
	case IDAngryHandoff:
		return starTranscript(e)
	case IDHostile:
		return hostileTranscript(e)
	}
	events := generatedTranscript(e)
	if withoutEventIDs(e.key) {
		for i := range events {
			events[i].ID = ""
		}
	}
	return events
}

// IDWithoutEventIDs is the showcase session whose history has no event
// IDs, as the newer reference page shows a history: its messages can be
// read but not redacted one by one.
const IDWithoutEventIDs = IDInstagram

// withoutEventIDs reports whether the history of the session key is served
// without event IDs, as the newer reference page shows them: the showcase's
// IDWithoutEventIDs, and about one generated session in eight (chosen by
// its ID, so the same ones every run). The scripted histories and the other
// showcase sessions keep theirs: tests and the README walk through them.
func withoutEventIDs(key string) bool {
	if key == IDWithoutEventIDs {
		return true
	}
	if slices.ContainsFunc(showcaseEntries(), func(s showcaseEntry) bool { return s.ID == key }) {
		return false
	}
	return rngFor(key, "without event ids").IntN(8) == 0
}

// beat is an event before it has a time.
type beat struct {
	body  eventBody
	pause float64 // extra time before it, in units of a short message
}

// scene collects the beats of one transcript.
type scene struct {
	rng     *rand.Rand
	fill    func(string) string // fills placeholders; identity for scripts
	contact string              // the contact's name, "" if unknown
	agent   string              // the human agent's name
	context json.RawMessage     // sent with the contact's messages, if any
	beats   []beat
	decks   map[string][]string // what is left of each pool drawn from
}

// newScene starts a transcript; fill is nil for scripted ones, whose texts
// are not templates.
func newScene(rng *rand.Rand, fill func(string) string, contactName, agentName string) *scene {
	if fill == nil {
		fill = func(s string) string { return s }
	}
	return &scene{rng: rng, contact: contactName, agent: agentName, fill: fill}
}

// draw returns a text from pool, going through the pool in a shuffled order
// before repeating any of it, so a long transcript does not say the same
// thing twice in a row. name identifies the pool within the scene.
func (sc *scene) draw(name string, pool []string) string {
	if sc.decks == nil {
		sc.decks = make(map[string][]string)
	}
	deck := sc.decks[name]
	if len(deck) == 0 {
		deck = slices.Clone(pool)
		sc.rng.Shuffle(len(deck), func(i, j int) { deck[i], deck[j] = deck[j], deck[i] })
	}
	sc.decks[name] = deck[1:]
	return deck[0]
}

// add appends an event and returns it for adjustments.
func (sc *scene) add(kind, senderType, name, text string) *beat {
	sc.beats = append(sc.beats, beat{body: eventBody{
		Type:    kind,
		Sender:  sender{Type: senderType, Name: name},
		Content: content{Type: "text", Text: sc.fill(text)},
	}})
	return &sc.beats[len(sc.beats)-1]
}

func (sc *scene) fromContact(text string, files ...attachment) *beat {
	b := sc.add("message", "contact", sc.contact, text)
	b.body.Attachments = files
	b.body.Context = sc.context
	return b
}

func (sc *scene) fromAI(text string) *beat { return sc.add("message", "ai", aiName, text) }

func (sc *scene) fromAgent(text string, files ...attachment) *beat {
	b := sc.add("message", "agent", sc.agent, text)
	b.body.Attachments = files
	return b
}

func (sc *scene) fromSystem(text string) *beat {
	b := sc.add("message", "system", "", text)
	b.body.Context = json.RawMessage(`{}`)
	return b
}

func (sc *scene) note(text string) *beat { return sc.add("note", "agent", sc.agent, text) }

func (sc *scene) handoff(summary string) *beat {
	b := sc.add("handoff", "ai", aiName, "")
	b.body.Content.Text = summary // a summary is not a template
	return b
}

func (sc *scene) statusChange(from, to string) *beat {
	return sc.add("status_change", "system", "", from+" → "+to)
}

// survey adds the contact's rating: an event type newer clients may not
// know, with content that is not text, which a client must show as it is.
func (sc *scene) survey(score int, comment string) *beat {
	b := sc.add("survey_response", "contact", sc.contact, comment)
	b.body.Content = content{Type: "rating", Text: sc.fill(comment), Score: score, Scale: 5}
	return b
}

// file makes an attachment from a template, with a plausible size and URL.
func (sc *scene) file(f file) attachment {
	id := newUUID(sc.rng)
	name := sc.fill(f.name)
	size := f.minSize
	if f.maxSize > f.minSize {
		size += sc.rng.IntN(f.maxSize - f.minSize)
	}
	return attachment{ID: id, Name: name, Size: size, Type: f.mime,
		URL: "https://files.larkspur.example/attachments/" + id + "/" + url.PathEscape(name)}
}

// events dates the beats between created and updated: the first at created,
// the last at updated, the gaps in between proportional to how long each
// message takes to write (plus pauses and some jitter), so that a burst of
// short messages looks like one and an agent's arrival takes a while.
func (sc *scene) events(created, updated time.Time) []event {
	if updated.Before(created) {
		updated = created
	}
	gaps := make([]float64, len(sc.beats))
	total := 0.0
	for i := 1; i < len(sc.beats); i++ {
		b := sc.beats[i].body
		gaps[i] = (2 + float64(len(b.Content.Text))/60 + sc.beats[i].pause) * (0.5 + sc.rng.Float64())
		total += gaps[i]
	}
	window := float64(updated.Sub(created))
	out := make([]event, len(sc.beats))
	elapsed := 0.0
	for i, b := range sc.beats {
		elapsed += gaps[i]
		at := created
		if total > 0 {
			at = created.Add(time.Duration(window * elapsed / total))
		}
		if i == len(sc.beats)-1 {
			at = updated
		}
		out[i] = event{ID: newUUID(sc.rng), CreatedAt: stamp(at.Truncate(time.Millisecond)), Event: b.body}
	}
	return out
}

// sessionWindow returns the span a session's events fall in. A session
// without usable times (an odd WithSession body) gets an hour in 2026.
func sessionWindow(e *entry) (time.Time, time.Time) {
	created, updated := e.created, e.updated
	switch {
	case created.IsZero() && updated.IsZero():
		created = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
		updated = created.Add(time.Hour)
	case created.IsZero():
		created = updated.Add(-time.Hour)
	case updated.IsZero() || updated.Before(created):
		updated = created.Add(time.Hour)
	}
	return created, updated
}
