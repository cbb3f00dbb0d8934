// Package lookupbar is the one input above the pane: it filters the queue
// as the user types, looks up a session ID (or any text holding one) or
// searches for anything else on enter, and walks the recently viewed
// sessions with ↑/↓ like a shell history. Its text is classified once, when
// it changes, and the hint line says what enter would do with it.
package lookupbar

import (
	"errors"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/plural"
	"github.com/opencx-tools/cxi/api/resolve"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/explain"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/render"
)

// KeyMap is the bar's keys while it has focus.
type KeyMap = keys.Bar

// keepRecent is how many recently viewed sessions ↑ goes back through.
const keepRecent = 50

// Action is what a key in the bar asks of the rest of the screen.
type Action int

// What a key in the bar can ask for.
const (
	None   Action = iota
	Submit        // enter: look up or search the text
	Leave         // give focus back to the view
)

// Model is the lookup bar.
type Model struct {
	input     textinput.Model
	theme     *styles.Theme
	keys      KeyMap
	err       string // why the text could not be looked up, after enter
	class     class  // what the text is, worked out when it changes
	recent    []recent
	recentAt  int    // position while stepping through recent; -1 when not
	atRequest string // the text when the current lookup started
}

// class is the text as the bar understood it.
type class struct {
	text  string // trimmed
	id    string // the session ID in it, when there is one
	idErr error  // a UUID-shaped candidate the contract refuses
	query resolve.Query
	bad   bool // resolve.Classify refused the text: a lookup says why
}

// New returns the bar holding text (a command-line SESSION, or "").
func New(ctx common.Context, text string) Model {
	t := ctx.Theme
	in := textinput.New()
	in.Prompt = "› "
	in.Placeholder = placeholders[0]
	in.CharLimit = 4096
	in.PromptStyle = t.Prompt
	in.PlaceholderStyle = t.Muted
	in.TextStyle = t.Value
	in.Cursor.Style = t.Prompt
	// Static: a blinking cursor would wake the program twice a second for
	// as long as the input has focus.
	in.Cursor.SetMode(cursor.CursorStatic)
	m := Model{input: in, theme: t, keys: ctx.Keys.ForBar(), recentAt: -1}
	return m.SetValue(text)
}

// Value is the text as typed.
func (m Model) Value() string { return m.input.Value() }

// SetValue replaces the text, with the cursor at its end.
func (m Model) SetValue(text string) Model {
	m.input.SetValue(text)
	m.input.CursorEnd()
	m.classify()
	return m
}

func (m *Model) classify() {
	text := strings.TrimSpace(m.input.Value())
	c := class{text: text}
	id, err := api.ParseSessionID(text)
	var idErr *api.IDError
	switch {
	case err == nil:
		c.id = id
	case errors.As(err, &idErr) && idErr.Candidate():
		c.idErr = err
	}
	var qErr error
	c.query, qErr = resolve.Classify(text)
	c.bad = qErr != nil
	m.class = c
}

// Filter is the text as a queue filter: empty when it holds a session ID,
// which is meant for a lookup, not a filter.
func (m Model) Filter() string {
	if m.class.id != "" {
		return ""
	}
	return m.input.Value()
}

// Query is how enter would search the text, and whether it is a session ID
// (or fails as one) instead, in which case it is looked up.
func (m Model) Query() (q resolve.Query, lookup bool) {
	return m.class.query, m.class.bad || m.class.query.Kind == resolve.KindID
}

// Focused reports whether the bar has focus.
func (m Model) Focused() bool { return m.input.Focused() }

// Focus gives the bar focus. A session ID left there by a lookup is
// cleared, so that what is typed or pasted next is not glued to it; a queue
// filter stays, to be edited.
func (m Model) Focus() Model {
	if m.class.id != "" {
		m = m.SetValue("")
	}
	m.input.Focus()
	m.input.CursorEnd()
	return m
}

// Blur takes focus away.
func (m Model) Blur() Model { m.input.Blur(); return m }

// placeholders say what the input takes, longest first: the first that
// fits is shown, so that a narrow terminal reads a shorter sentence, not
// one cut off ("… or a URL conta…").
var placeholders = []string{
	"filter the queue, or paste a session ID or a URL containing one",
	"filter, or paste a session ID or URL",
	"filter or paste an ID",
}

// SetWidth fits the input to width cells.
func (m Model) SetWidth(width int) Model {
	m.input.Width = max(width-render.Width(m.input.Prompt)-1, 1)
	m.input.Placeholder = placeholders[len(placeholders)-1]
	for _, p := range placeholders {
		if render.Width(p) < m.input.Width {
			m.input.Placeholder = p
			break
		}
	}
	return m
}

// SetError shows why the text could not be looked up; "" clears it.
func (m Model) SetError(err string) Model { m.err = err; return m }

// Error is the error shown, if any.
func (m Model) Error() string { return m.err }

// MarkRequest remembers the text a lookup started with.
func (m Model) MarkRequest() Model { m.atRequest = m.input.Value(); return m }

// TypedSince reports whether the text changed since the lookup started:
// then its answer must not take focus, or keys meant as text would land
// in the view as commands.
func (m Model) TypedSince() bool { return m.Focused() && m.input.Value() != m.atRequest }

// recent is a session viewed lately: its ID, and who it is about, so that
// stepping back through them reads as names, not UUIDs.
type recent struct {
	id, name string
}

// Remember puts id first among the recent sessions, once; name is the
// contact's, as the queue shows it ("" when unknown).
func (m Model) Remember(id, name string) Model {
	out := []recent{{id: id, name: name}}
	for _, r := range m.recent {
		if r.id != id && len(out) < keepRecent {
			out = append(out, r)
		}
	}
	m.recent, m.recentAt = out, -1
	return m
}

// Update handles a key while the bar has focus, and the cursor's blink.
// Keys that edit text stay text, even if the config bound them to an
// action: space, backspace and printable characters type.
func (m Model) Update(msg tea.Msg) (Model, Action, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok {
		editing := k.Type == tea.KeyRunes || k.Type == tea.KeySpace || k.Type == tea.KeyBackspace || k.Type == tea.KeyDelete
		switch {
		case editing:
		case key.Matches(k, m.keys.Submit) && !k.Paste:
			return m, Submit, nil
		case key.Matches(k, m.keys.Leave), key.Matches(k, m.keys.Back):
			return m, Leave, nil
		case key.Matches(k, m.keys.Older):
			return m.stepRecent(1), None, nil
		case key.Matches(k, m.keys.Newer):
			return m.stepRecent(-1), None, nil
		}
	}
	before := m.input.Value()
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	if m.input.Value() != before {
		m.err, m.recentAt = "", -1
		m.classify()
	}
	return m, None, cmd
}

func (m Model) stepRecent(delta int) Model {
	if len(m.recent) == 0 {
		return m
	}
	m.recentAt = min(max(m.recentAt+delta, -1), len(m.recent)-1)
	if m.recentAt < 0 {
		m = m.SetValue("")
	} else {
		m = m.SetValue(m.recent[m.recentAt].id)
	}
	m.err = ""
	return m
}

// ShortHelp is the keys that act while the bar has focus.
func (m Model) ShortHelp() []key.Binding {
	return []key.Binding{m.keys.Submit, m.keys.Recent, m.keys.Leave, m.keys.Back, m.keys.ForceQuit}
}

// View draws the input.
func (m Model) View() string { return m.input.View() }

// Context is what the hint needs to know about the view under the bar.
type Context struct {
	InQueue bool // the queue is the view: text filters it
	Matches int  // loaded sessions the text matches
}

// HintView is the line under the input: what enter would do, or why the
// text is not a session ID.
func (m Model) HintView(width int, c Context) string {
	// render.Width clips what lipgloss counts narrower than the terminal
	// draws it (a Devanagari contact name), so the hint never wraps.
	return render.FitWords(m.hint(c), width)
}

func (m Model) hint(c Context) string {
	t, enter := m.theme, keys.Name(m.keys.Submit)
	cl := m.class
	switch {
	case m.err != "":
		return t.Error.Render(m.err)
	case !m.Focused():
		return ""
	case cl.text == "":
		return t.Muted.Render("type to filter the queue · paste a session ID and press " + enter + " to open it · " + m.keys.Recent.Help().Key + " recent sessions")
	case m.recentAt >= 0:
		r := m.recent[m.recentAt]
		who := render.Line(r.name)
		if who == "" {
			who = "no contact name"
		}
		return t.Muted.Render(fmt.Sprintf("recent %d of %d · ", m.recentAt+1, len(m.recent))) + t.Value.Render(who) + t.Muted.Render(" · "+enter+" opens "+r.id)
	case cl.id != "" && strings.EqualFold(cl.id, cl.text):
		return t.Muted.Render(enter + " opens " + cl.id)
	case cl.id != "":
		return t.Muted.Render("found " + cl.id + " · " + enter + " opens it")
	case cl.idErr != nil:
		return t.Error.Render(explain.Describe(cl.idErr, "").Sentence)
	}
	search := enter + ": " + explain.Query(cl.query)
	if c.InQueue && cl.query.Kind == resolve.KindName && c.Matches > 0 {
		search = enter + " goes to the list"
	}
	if c.InQueue {
		return t.Muted.Render(plural.CountAs(c.Matches, "loaded session", "loaded sessions") + " " + plural.Form(c.Matches, "matches", "match") + " · " + search)
	}
	return t.Muted.Render(search)
}
