package transcript

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/opencx-tools/cxi/api/plural"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/render"
)

// search is a search within the loaded history: what is typed, the
// matches on the rendered lines, and the one the reader is on. Matches are
// found line by line, case-insensitively, in the text as shown (a phrase
// the wrap split over two lines is not found whole).
type search struct {
	input   textinput.Model
	typing  bool    // the input has the keys
	query   string  // what the matches are of; "" when no search is on
	hits    []match // in the order of the lines
	at      int     // the match the reader is on
	content []string
}

// match is one occurrence: its line, and its first and last cell.
type match struct{ line, start, end int }

func newSearch() search {
	in := textinput.New()
	in.Prompt = "/"
	in.Placeholder = "search the transcript"
	in.Cursor.SetMode(cursor.CursorStatic) // its blink would go to the root's input, not here
	return search{input: in}
}

// Searching reports whether a search is on (being typed, or its matches
// shown): then esc clears it and n/p move between its matches.
func (m Model) Searching() bool { return m.find.typing || m.find.query != "" }

// Typing reports whether the search's input has the keys: every key,
// printable ones included, is the transcript's until enter or esc.
func (m Model) Typing() bool { return m.find.typing }

// ClearSearch drops the search and its highlights.
func (m Model) ClearSearch() Model {
	m.find.typing, m.find.query, m.find.hits, m.find.at = false, "", nil, 0
	m.find.input.Blur()
	m.find.input.SetValue("")
	m.relayout()
	return m
}

// searchKey handles the search's keys; ok is false for a key it leaves to
// scrolling.
func (m Model) searchKey(msg tea.KeyMsg) (Model, tea.Cmd, bool) {
	k := m.keys
	switch {
	case m.find.typing:
		switch {
		case key.Matches(msg, k.Clear):
			return m.ClearSearch(), nil, true
		case key.Matches(msg, k.Find):
			m.find.typing = false
			m.find.input.Blur()
			if m.find.query == "" {
				return m.ClearSearch(), nil, true
			}
			m.relayout()
			return m, nil, true
		}
		var cmd tea.Cmd
		m.find.input, cmd = m.find.input.Update(msg)
		if q := m.find.input.Value(); q != m.find.query {
			m.find.query, m.find.at = q, -1 // the first match at or below the top of the screen
			m.relayout()
			m.showHit()
		}
		return m, cmd, true
	case key.Matches(msg, k.Search):
		m.find.typing = true
		m.find.input.SetValue(m.find.query)
		m.find.input.CursorEnd()
		cmd := m.find.input.Focus()
		m.relayout()
		return m, cmd, true
	case m.find.query != "" && len(m.find.hits) > 0 && key.Matches(msg, k.NextHit):
		m.find.at = (m.find.at + 1) % len(m.find.hits)
		m.relayout()
		m.showHit()
		return m, nil, true
	case m.find.query != "" && len(m.find.hits) > 0 && key.Matches(msg, k.PrevHit):
		m.find.at = (m.find.at + len(m.find.hits) - 1) % len(m.find.hits)
		m.relayout()
		m.showHit()
		return m, nil, true
	case m.find.query != "" && (key.Matches(msg, k.NextHit) || key.Matches(msg, k.PrevHit)):
		return m, nil, true // no match to move to; the bar says so
	}
	return m, nil, false
}

// findHits finds the query in the content lines of the events (not the
// tail line, which is cxi's). With at < 0 the reader is put on the first
// match at or below the top of the screen; else at stays, within bounds.
func (f *search) findHits(top int) {
	f.hits = f.hits[:0]
	if f.query == "" {
		return
	}
	q := []rune(strings.ToLower(f.query))
	for i, line := range f.content {
		plain := []rune(ansi.Strip(line))
		lower := make([]rune, len(plain))
		for j, r := range plain {
			lower[j] = unicode.ToLower(r)
		}
		for j := 0; j+len(q) <= len(lower); j++ {
			if string(lower[j:j+len(q)]) != string(q) {
				continue
			}
			start := ansi.StringWidth(string(plain[:j]))
			f.hits = append(f.hits, match{line: i, start: start, end: start + ansi.StringWidth(string(plain[j:j+len(q)]))})
			j += len(q) - 1
		}
	}
	switch {
	case len(f.hits) == 0:
		f.at = 0
	case f.at < 0:
		f.at = 0
		for i, h := range f.hits {
			if h.line >= top {
				f.at = i
				break
			}
		}
	default:
		f.at = min(f.at, len(f.hits)-1)
	}
}

// showHit scrolls the match the reader is on into view, a third of the
// way down, unless it is on screen already.
func (m *Model) showHit() {
	f := m.find
	if len(f.hits) == 0 {
		return
	}
	line, vp := f.hits[f.at].line, &m.viewport
	if line < vp.YOffset || line >= vp.YOffset+vp.Height {
		vp.SetYOffset(max(line-vp.Height/3, 0))
	}
}

// highlight is the content with every match marked, the current one
// apart from the others.
func (m Model) highlight(lines []string) []string {
	if len(m.find.hits) == 0 {
		return lines
	}
	t := m.theme
	other, current := t.Marker.Reverse(true), t.Selected.Reverse(true)
	out := append([]string(nil), lines...)
	byLine := map[int][]lipgloss.Range{}
	for i, h := range m.find.hits {
		style := other
		if i == m.find.at {
			style = current
		}
		byLine[h.line] = append(byLine[h.line], lipgloss.NewRange(h.start, h.end, style))
	}
	for line, ranges := range byLine {
		out[line] = lipgloss.StyleRanges(lines[line], ranges...)
	}
	return out
}

// barView is the search's line below the history: the input while it is
// typed, then the query; and where the reader is among its matches. The
// keys that act are in the one-line help below (SearchHelp).
func (m Model) barView() string {
	t, f := m.theme, m.find
	var where string
	switch {
	case f.query == "":
	case len(f.hits) == 0:
		where = "no match in " + events(len(m.events))
	default:
		where = fmt.Sprintf("%d of %s", f.at+1, plural.CountAs(len(f.hits), "match", "matches"))
	}
	if f.query != "" && !m.end {
		where += " · " + events(len(m.events)) + " loaded, " + keys.Name(m.keys.Scroll.Bottom) + " loads the rest"
	}
	line := t.Prompt.Render("/") + t.Value.Render(render.Line(f.query))
	if f.typing {
		line = f.input.View()
	}
	if where != "" {
		line += "  " + t.Marker.Render(where)
	}
	return render.FitWords(line, m.width)
}

// SearchHelp is the one-line help while a search is on.
func (m Model) SearchHelp() []key.Binding {
	k := m.keys
	if m.find.typing {
		return []key.Binding{k.Find, keys.As(k.Clear, "cancel")}
	}
	return []key.Binding{k.NextHit, k.PrevHit, k.Clear, k.Search, k.Scroll.Down, k.Scroll.Up}
}
