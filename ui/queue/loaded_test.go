package queue

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/filter"
	"github.com/opencx-tools/cxi/api/packed"
	"github.com/opencx-tools/cxi/api/resolve"
)

// demoCatalog decodes the demo's sessions (its showcase, its odd items
// and n generated ones) as ListSessions does: each keeps its body, and an
// item the client would skip is skipped.
func demoCatalog(t *testing.T, n int) []api.Session {
	t.Helper()
	var out []api.Session
	for _, fs := range demo.Catalog(demo.WithGenerated(n)).Sessions(now) {
		var s api.Session
		if json.Unmarshal(fs.Body, &s) != nil {
			continue
		}
		if _, err := api.ParseSessionID(s.ID); err != nil {
			continue
		}
		s.Raw = json.RawMessage(fs.Body)
		out = append(out, s)
	}
	return out
}

// queueOf is a queue with sessions loaded as pages bring them.
func queueOf(sessions []api.Session) Model {
	m := New(theme(), DefaultKeyMap(), nil, filter.Filters{}, false, now).SetSize(120, 40)
	p := &api.SessionPage{Items: sessions}
	m.add(p, rowsOf(m.kinds, p.Items), "", false)
	return m
}

// TestSearchOfTheQueueFindsWhatTheSessionsMatch: the queue answers a
// search from its rows' keys and decodes only what passes; the answer is
// exactly what Query.Matches gives over the whole sessions, for every
// kind of query, in the queue's order, and each match is whole.
func TestSearchOfTheQueueFindsWhatTheSessionsMatch(t *testing.T) {
	sessions := demoCatalog(t, 300)
	m := queueOf(sessions)
	var texts []string
	for i := range sessions {
		s := &sessions[i]
		if c := s.Contact; c != nil {
			for _, p := range []*string{c.Email, c.NonVerifiedEmail} {
				if p != nil && *p != "" {
					texts = append(texts, strings.ToUpper(*p)) // any case
				}
			}
			for _, p := range []*string{c.Name, c.NonVerifiedName} {
				if p != nil {
					if f := strings.Fields(*p); len(f) > 0 {
						texts = append(texts, f[len(f)-1]) // a word that is not the first
					}
				}
			}
			if c.PhoneNumber != nil {
				texts = append(texts, *c.PhoneNumber)
			}
		}
		if n := s.TicketNumber; n != nil {
			texts = append(texts, "#"+n.String(), "#000"+n.String())
		}
		if ts := s.TicketingSystem; ts != nil && ts.ExternalID != "" {
			texts = append(texts, "#"+strings.ToLower(ts.ExternalID))
		}
	}
	texts = append(texts, "nobody@nowhere.example", "#999999999")
	found := 0
	for _, text := range texts {
		q, err := resolve.Classify(text)
		if err != nil || q.Kind == resolve.KindID {
			continue // an ID is looked up, not searched
		}
		got := m.Sessions().Matching(q)
		want := resolve.Sessions(sessions).Matching(q)
		if !reflect.DeepEqual(ids(got), ids(want)) {
			t.Errorf("%s %q: the queue found %v, the sessions match %v", q.Kind, text, ids(got), ids(want))
			continue
		}
		for i := range got {
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Errorf("%s %q: %s comes back other than it was loaded", q.Kind, text, got[i].ID)
			}
		}
		found += len(got)
	}
	if found < len(sessions) {
		t.Fatalf("only %d matches over %d queries: the demo changed and the test checks little", found, len(texts))
	}
	if n := m.Sessions().Len(); n != len(sessions) {
		t.Errorf("Len is %d with %d loaded", n, len(sessions))
	}
}

func ids(sessions []api.Session) []string {
	out := make([]string, len(sessions))
	for i := range sessions {
		out[i] = sessions[i].ID
	}
	return out
}

// TestTheSessionUnderTheCursorIsDecodedOnce: Selected gives the session
// as the API sent it, the same pointer while the row stays (the preview
// compares pointers to know it need not draw again), and a fresher copy
// once the row is replaced.
func TestTheSessionUnderTheCursorIsDecodedOnce(t *testing.T) {
	sessions := demoCatalog(t, 0)
	m := queueOf(sessions)
	first := m.Selected()
	if first == nil || !reflect.DeepEqual(*first, sessions[0]) {
		t.Fatalf("Selected is not the session loaded:\n%+v\n%+v", first, sessions[0])
	}
	if m.Selected() != first {
		t.Error("the same row decoded again")
	}
	fresh := sessions[0]
	fresh.Raw = nil // made by cxi: decoded again without a body
	resolved := api.StatusClosedResolved
	fresh.Status = resolved
	m = m.Upsert(&fresh)
	got := m.Selected()
	if got == first || got.Status != resolved || got.Raw != nil {
		t.Errorf("after Upsert: same pointer %v, status %q, raw %d bytes", got == first, got.Status, len(got.Raw))
	}
	// Past the cache's size, every session still decodes whole.
	for i := range sessions {
		m, _ = m.Select(sessions[i].ID)
	}
	for i := range min(len(sessions), decodedLimit+5) {
		s := m.Neighbour(sessions[0].ID, i)
		if i > 0 && (s == nil || !reflect.DeepEqual(*s, sessions[i])) {
			t.Fatalf("row %d decodes other than it was loaded", i)
		}
	}
}

// TestTextFilterReadsEveryCell: the text filter finds a row by any cell
// it shows (the status, sentiment, channel, team and handoff, kept once
// per kind of row, and the row's own ID, contact and ticket) and by the
// contact's email, phone and name, as it did when each row kept all of
// them in one lower-cased string; a kind first seen after the text was
// typed is read too.
func TestTextFilterReadsEveryCell(t *testing.T) {
	sessions := demoCatalog(t, 200)
	m := queueOf(sessions[:len(sessions)/2])
	// What each session's row was found by, in the rows' own words.
	words := func(s *api.Session) []string {
		r := newRow(newKindTable(), s)
		w := []string{s.ID, r.status, string(s.Status), r.sentiment, r.channel, r.contact, r.team, r.ticket}
		if c := s.Contact; c != nil {
			w = append(w, deref(c.Email), deref(c.PhoneNumber), deref(c.Name))
		}
		if r.handedOff {
			w = append(w, "handed off", "handoff")
		}
		return w
	}
	texts := []string{"handed off", "resolved", "open", "angry", "whatsapp", "—", "#", "billing", "example.com", "+1", "zd-"}
	for i := range sessions {
		if c := sessions[i].Contact; c != nil && c.Name != nil {
			texts = append(texts, strings.ToUpper(*c.Name))
		}
		if i > 20 {
			break
		}
	}
	check := func(m Model, loaded []api.Session, text string) {
		t.Helper()
		m = m.SetText(text)
		var want []string
		for i := range loaded {
			if slices.ContainsFunc(words(&loaded[i]), func(w string) bool {
				// A NUL cannot be typed: the filter drops it.
				w, text := strings.ReplaceAll(w, "\x00", ""), strings.ReplaceAll(text, "\x00", "")
				return strings.Contains(strings.ToLower(w), strings.ToLower(strings.TrimSpace(text)))
			}) {
				want = append(want, loaded[i].ID)
			}
		}
		var got []string
		for _, i := range m.view {
			got = append(got, m.rows[i].id)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: the filter keeps %d rows, want %d", text, len(got), len(want))
		}
	}
	for _, text := range texts {
		check(m, sessions[:len(sessions)/2], text)
	}
	// Rows of kinds not seen when the text was typed arrive with a page.
	typed := m.SetText("billing")
	rest := &api.SessionPage{Items: sessions[len(sessions)/2:]}
	typed.add(rest, rowsOf(typed.kinds, rest.Items), "more", false)
	whole := queueOf(sessions).SetText("billing")
	if !slices.Equal(typed.view, whole.view) {
		t.Errorf("a page arriving under the filter keeps %d rows, the filter over all keeps %d", len(typed.view), len(whole.view))
	}
}

// TestTheStoresRowsDecodeWhole: the rows the store gives at start keep
// their bodies unpacked (packing them would delay the first frame), and
// decode as whole as packed ones.
func TestTheStoresRowsDecodeWhole(t *testing.T) {
	sessions := demoCatalog(t, 20)
	m := New(theme(), DefaultKeyMap(), nil, filter.Filters{}, false, now).WithMemory(nil, sessions, now).SetSize(120, 40)
	for i := range sessions {
		r := m.rows[m.byID[sessions[i].ID]]
		if packed.Packed(r.body) {
			t.Fatalf("row %d of the store's was packed before the first frame", i)
		}
		if s := m.Neighbour(sessions[0].ID, i); s == nil || !reflect.DeepEqual(*s, sessions[i]) {
			t.Fatalf("row %d of the store's decodes other than it was kept", i)
		}
	}
}

// TestSearchReadsTheRowsWhileUpdateGoesOn: a search reads the loaded rows
// in its command while Update goes on replacing, adding, sorting and
// dropping rows; what it reads is the rows as they were when it started
// (go test -race checks that nothing is shared that changes).
func TestSearchReadsTheRowsWhileUpdateGoesOn(t *testing.T) {
	sessions := demoCatalog(t, 100)
	m := queueOf(sessions[:60])
	loaded := m.Sessions()
	q, err := resolve.Classify("#" + sessions[0].ID[:8]) // a ticket reference no session has: every row is read
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan []api.Session)
	go func() { done <- loaded.Matching(q) }()
	for i := range 60 {
		fresh := sessions[i]
		fresh.Status = api.StatusClosedResolved
		m = m.Upsert(&fresh)
	}
	rest := &api.SessionPage{Items: sessions[60:]}
	m.add(rest, rowsOf(m.kinds, rest.Items), "more", false)
	m, _ = press(m, "!")
	m, _ = press(m, "!")
	m.merge(&api.SessionPage{Items: sessions[:5]}, rowsOf(m.kinds, sessions[:5]))
	if got := <-done; len(got) != 0 {
		t.Errorf("a reference nobody has matched %d sessions", len(got))
	}
	if loaded.Len() != 60 {
		t.Errorf("the search's rows changed under it: %d", loaded.Len())
	}
}
