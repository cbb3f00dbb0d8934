package queue

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/filter"
	"github.com/opencx-tools/cxi/ui/render"
)

// referenceCells is a session's cells as the text filter's definition
// names them, from the whole session decoded, in lower case: its own (ID,
// contact, ticket, email, phone, name) and its kind's (status, sentiment,
// channel, team, handoff). The filter keeps none of this as it is.
func referenceCells(s *api.Session) []string {
	cells := []string{s.ID, render.Contact(s.Contact), render.Ticket(s),
		render.Status(s.Status), string(s.Status), render.Ptr(s.Sentiment), render.Enum(s.Channel.Type)}
	if c := s.Contact; c != nil {
		cells = append(cells, deref(c.Email), deref(c.PhoneNumber), deref(c.Name))
	}
	if s.Team != nil {
		cells = append(cells, render.Or(s.Team.Name))
	} else {
		cells = append(cells, render.Dash)
	}
	if s.HandedOff() {
		cells = append(cells, "handed off", "handoff")
	}
	for i, c := range cells {
		cells[i] = strings.ToLower(strings.ReplaceAll(c, "\x00", ""))
	}
	return cells
}

// referenceHolds is the filter as its definition says it, plainly: each
// word of the text in one of the cells.
func referenceHolds(cells []string, text string) bool {
	for _, w := range strings.Fields(normalText(text)) {
		if !slices.ContainsFunc(cells, func(c string) bool { return strings.Contains(c, w) }) {
			return false
		}
	}
	return true
}

// reference is what m must show for text: the rows whose decoded cells
// hold each word, in the rows' order, or by need of attention (sorted
// from the sessions, stably) when m is in that order.
type reference struct {
	cells map[*row][]string // by row: a row is never changed once made
	sess  map[*row]*api.Session
}

func (ref *reference) view(t *testing.T, m Model, text string) []string {
	t.Helper()
	var shown []int
	for i, r := range m.rows {
		if _, ok := ref.cells[r]; !ok {
			s, err := r.decode()
			if err != nil {
				t.Fatal(err)
			}
			ref.cells[r], ref.sess[r] = referenceCells(s), s
		}
		if referenceHolds(ref.cells[r], text) {
			shown = append(shown, i)
		}
	}
	if m.attention {
		slices.SortStableFunc(shown, func(a, b int) int {
			sa, sb := ref.sess[m.rows[a]], ref.sess[m.rows[b]]
			if ha, hb := needsHuman(sa), needsHuman(sb); ha != hb {
				if ha {
					return -1
				}
				return 1
			}
			if c := sentimentRank(sa) - sentimentRank(sb); c != 0 {
				return c
			}
			return stampOf(sa.UpdatedAt).compare(stampOf(sb.UpdatedAt))
		})
	}
	out := make([]string, len(shown))
	for i, k := range shown {
		out[i] = m.rows[k].id
	}
	return out
}

func firstDifference(a, b []string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

func (s stamp) compare(o stamp) int {
	switch {
	case s < o:
		return -1
	case s > o:
		return 1
	}
	return 0
}

// checkText sets text and compares what m shows with the reference, and
// that the rows' signatures are those of the rows now in their places.
func (ref *reference) checkText(t *testing.T, m Model, text, how string) Model {
	t.Helper()
	m = m.SetText(text)
	if got, want := shownIDs(m), ref.view(t, m, text); !slices.Equal(got, want) {
		t.Fatalf("%s %q (attention %v): shows %d rows, the cells hold it in %d; first difference at %d", how, text, m.attention, len(got), len(want), firstDifference(got, want))
	}
	for i := range m.sigs {
		if m.sigs[i] != sigOf(m.rows[i]) {
			t.Fatalf("%s %q: row %d's signature is another row's", how, text, i)
		}
	}
	if len(m.sigs) != len(m.rows) {
		t.Fatalf("%s %q: %d signatures for %d rows", how, text, len(m.sigs), len(m.rows))
	}
	return m
}

// filterTexts are texts a user might type, made from pieces of the rows'
// real cells (some cut inside a character), joined by spaces, with the
// demo's non-ASCII, punctuation, and bytes that share a byteSet bit with
// others the rows hold ("?" with the phones' "+", "é" with every other
// non-ASCII byte).
func filterTexts(rng *rand.Rand, sessions []api.Session, n int) []string {
	odd := []string{"?", "+", "&", ":", "<", "(", "@", ".", "-", "é", "ü", "ø", "ł", "ß", "'", "_", "\u00a0", "—", "#", "00", "x"}
	piece := func() string {
		if rng.IntN(6) == 0 {
			return odd[rng.IntN(len(odd))]
		}
		cells := referenceCells(&sessions[rng.IntN(len(sessions))])
		c := cells[rng.IntN(len(cells))]
		if c == "" {
			return "a"
		}
		i := rng.IntN(len(c))
		j := min(len(c), i+1+rng.IntN(8))
		return c[i:j]
	}
	var out []string
	for range n {
		words := []string{piece()}
		for rng.IntN(3) == 0 {
			words = append(words, piece())
		}
		out = append(out, strings.Join(words, " "))
	}
	return out
}

// typeText types text into m a character at a time, checking each
// step, then takes some characters back, checking each, with the views
// of the texts typed kept or not.
func (ref *reference) typeText(t *testing.T, m Model, text string, rng *rand.Rand) Model {
	t.Helper()
	for i := range text {
		if i > 0 {
			m = ref.checkText(t, m, text[:i], "typing")
		}
	}
	m = ref.checkText(t, m, text, "typed")
	back := text
	for range rng.IntN(4) {
		if back == "" {
			break
		}
		_, size := utf8.DecodeLastRuneInString(back)
		back = back[:len(back)-size]
		if rng.IntN(2) == 0 {
			m = m.cold() // the text's view not kept: the rows not shown are tried (widen)
		}
		m = ref.checkText(t, m, back, "backspace to")
	}
	return m
}

// TestTextFilterIsEachWordInACell: over the demo's generated sessions,
// what the filter shows is exactly the rows whose decoded cells hold each
// word of the text, for many texts typed, taken back and replaced; after
// a page arrives and after a row is replaced; in the API's order and the
// needs-attention order.
func TestTextFilterIsEachWordInACell(t *testing.T) {
	sessions := demoCatalog(t, 2000)
	rng := rand.New(rand.NewPCG(19, 2))
	texts := filterTexts(rng, sessions, 60)
	for _, attention := range []bool{false, true} {
		ref := &reference{cells: map[*row][]string{}, sess: map[*row]*api.Session{}}
		m := New(theme(), DefaultKeyMap(), nil, filter.Filters{}, attention, now).SetSize(120, 40)
		first, rest := sessions[:len(sessions)-300], sessions[len(sessions)-300:]
		m.add(&api.SessionPage{Items: first, Next: "more"}, rowsOf(m.kinds, first), "", false)
		for _, text := range texts[:40] {
			m = ref.typeText(t, m, text, rng)
		}
		// A page arrives under a text, then the text changes again.
		m = ref.checkText(t, m, texts[0], "before the page")
		page := rowsOf(m.kinds, rest)
		pooled(page) // as fetchPage makes a page when paging on
		m.add(&api.SessionPage{Items: rest}, page, "more", false)
		m = ref.checkText(t, m, texts[0], "the page arrived under")
		if got, want := shownIDs(m), ref.view(t, m, texts[0]); !slices.Equal(got, want) {
			t.Fatalf("after the page: %d shown, want %d", len(got), len(want))
		}
		for _, text := range texts[40:50] {
			m = ref.typeText(t, m, text, rng)
		}
		// A row replaced by a fresher copy, now with words no row held.
		s := sessions[7]
		name := "Zoë Quixotic"
		s.Contact = &api.Contact{ID: "c", Name: &name}
		s.Raw = nil
		m = m.SetText("quixotic")
		m = m.Upsert(&s)
		if got, want := shownIDs(m), ref.view(t, m, "quixotic"); !slices.Equal(got, want) || len(got) != 1 {
			t.Fatalf("after Upsert: %v, want %v", got, want)
		}
		for _, text := range texts[50:] {
			m = ref.typeText(t, m, text, rng)
		}
		m = ref.checkText(t, m, "zoë quix", "after Upsert")
	}
}

// TestAWordPerCell: "whatsapp ana" finds the WhatsApp sessions of the
// contacts called Ana, though no one cell holds both; the words in either
// order find the same; a word in no cell finds nothing.
func TestAWordPerCell(t *testing.T) {
	sessions := demoCatalog(t, 2000)
	var want []string
	for i := range sessions {
		s := &sessions[i]
		if s.Channel.Type == "whatsapp" && s.Contact != nil && strings.Contains(strings.ToLower(deref(s.Contact.Name)), "ana") {
			want = append(want, s.ID)
		}
	}
	if len(want) == 0 {
		t.Fatal("the demo has no WhatsApp session of a contact called Ana: pick another pair")
	}
	m := queueOf(sessions)
	for _, text := range []string{"whatsapp ana", "Ana WhatsApp", "  ana   whatsapp "} {
		m = m.SetText(text)
		got := shownIDs(m)
		if !slices.Equal(got, want) && !includesAll(got, want) {
			t.Errorf("%q shows %d rows, missing some of the %d WhatsApp sessions of an Ana", text, len(got), len(want))
		}
		for _, id := range got {
			s := sessionByID(sessions, id)
			if !referenceHolds(referenceCells(s), text) {
				t.Errorf("%q shows %s, whose cells do not hold each word", text, id)
			}
		}
	}
	for _, s := range sessions {
		for _, c := range referenceCells(&s) {
			if strings.Contains(c, "whatsapp ana") {
				t.Fatalf("a cell of %s holds the whole text: the test shows nothing", s.ID)
			}
		}
	}
	if m = m.SetText("whatsapp zzqx"); m.Len() != 0 {
		t.Errorf("a word in no cell: %d rows shown", m.Len())
	}
	if m = m.SetText("zzqx"); m.Len() != 0 {
		t.Errorf("a word in no cell alone: %d rows shown", m.Len())
	}
}

func includesAll(got, want []string) bool {
	for _, w := range want {
		if !slices.Contains(got, w) {
			return false
		}
	}
	return true
}

func sessionByID(sessions []api.Session, id string) *api.Session {
	for i := range sessions {
		if sessions[i].ID == id {
			return &sessions[i]
		}
	}
	return nil
}

// TestTypingOnNarrows: when a text grows, every word of the old text is
// inside a word of the new one (so the old rows are the only ones to look
// at), however the text is spaced, for valid UTF-8 typed; the check is
// made word by word, and refuses a text that is not typed on.
func TestTypingOnNarrows(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 9))
	alphabet := []string{"a", "b", " ", "  ", "\u00a0", "é", "-", "1", "\t"}
	kinds := newKindTable()
	for range 5000 {
		var b strings.Builder
		for range 1 + rng.IntN(10) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		grown := b.String()
		i := rng.IntN(len(grown) + 1)
		j := i + rng.IntN(len(grown)-i+1)
		old := grown[i:j]
		if !utf8.ValidString(old) {
			continue // not a text anyone typed
		}
		o, g := newTextMatch(kinds, normalText(old)), newTextMatch(kinds, normalText(grown))
		if !g.narrows(&o) {
			t.Fatalf("%q grew into %q, but an old word is in no new word", old, grown)
		}
	}
	for _, tt := range []struct{ old, new string }{{"ana", "an"}, {"ana whatsapp", "ana"}, {"ab", "a b"}} {
		o, g := newTextMatch(kinds, tt.old), newTextMatch(kinds, tt.new)
		if g.narrows(&o) {
			t.Errorf("%q → %q narrows, though %q holds rows %q does not", tt.old, tt.new, tt.new, tt.old)
		}
	}
}

// FuzzTextFilter: whatever is typed, the filter shows what the reference
// does, typed at once and typed on from the text before.
func FuzzTextFilter(f *testing.F) {
	for _, s := range []string{"whatsapp ana", "?", "+4", "é", "a\u00a0b", "\xff", "0 0", "open angry", "handed off", "-"} {
		f.Add("e", s)
	}
	sessions := demoCatalog(&testing.T{}, 200)
	f.Fuzz(func(t *testing.T, before, text string) {
		ref := &reference{cells: map[*row][]string{}, sess: map[*row]*api.Session{}}
		m := queueOf(sessions)
		m = ref.checkText(t, m, before, "first")
		ref.checkText(t, m, before+text, "typed on")
		ref.checkText(t, m, text, "replaced by")
	})
}

// TestPooledRowsKeepTheirTexts: a page's texts put side by side are the
// same texts, the ID still shares its row's text, and the rows still
// decode to their sessions.
func TestPooledRowsKeepTheirTexts(t *testing.T) {
	sessions := demoCatalog(t, 200)
	kinds := newKindTable()
	rows, want := rowsOf(kinds, sessions), rowsOf(kinds, sessions)
	pooled(rows)
	for i, r := range rows {
		if r.search != want[i].search || r.id != want[i].id {
			t.Fatalf("row %d: %q, %q after pooling; was %q, %q", i, r.search, r.id, want[i].search, want[i].id)
		}
		if i > 0 && unsafe.Pointer(unsafe.StringData(r.search)) != unsafe.Add(unsafe.Pointer(unsafe.StringData(rows[i-1].search)), len(rows[i-1].search)) {
			t.Fatalf("row %d's text is not beside the row before's", i)
		}
		if strings.HasPrefix(r.search, strings.ToLower(r.id)) && r.id == strings.ToLower(r.id) && unsafe.StringData(r.id) != unsafe.StringData(r.search) {
			t.Errorf("row %d: its ID is a second copy", i)
		}
		s, err := r.decode()
		if err != nil || s.ID != sessions[i].ID {
			t.Errorf("row %d decodes to %v, %v", i, s, err)
		}
	}
}

// TestTextFilterInHalves is TestTextFilterIsEachWordInACell with every
// scan of more than a few rows split across two cores (keptSplit,
// keptAll), as a month's queue splits them: the halves' rows come back
// whole and in order.
func TestTextFilterInHalves(t *testing.T) {
	sessions := demoCatalog(t, 3000)
	rng := rand.New(rand.NewPCG(19, 3))
	texts := filterTexts(rng, sessions, 6)
	for _, attention := range []bool{false, true} {
		ref := &reference{cells: map[*row][]string{}, sess: map[*row]*api.Session{}}
		m := New(theme(), DefaultKeyMap(), nil, filter.Filters{}, attention, now).SetSize(120, 40)
		m.splitAt = 64
		page := rowsOf(m.kinds, sessions)
		pooled(page)
		m.add(&api.SessionPage{Items: sessions, Next: "more"}, page, "", false)
		for _, text := range append(texts, "er", "00") {
			m = ref.typeText(t, m, text, rng)
		}
	}
}
