package ui

import (
	"errors"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/plural"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/detail"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/render"
)

// The preview beside the queue (gh-dash's sidebar): the row under the
// cursor in the detail pane's four panels, so that most sessions never
// need opening. The root composes it, because the queue and the panels
// are two views and views are leaves.
const (
	// PreviewAutoWidth is where the preview shows without being asked,
	// until the user toggles it (config.toml then remembers the choice).
	PreviewAutoWidth = 140
	// previewMinQueue is the narrowest the queue gets beside the preview:
	// status, mood, contact, ticket and age still fit. Narrower, the
	// preview goes below the queue.
	previewMinQueue = 70
	// previewMinWidth and previewMaxWidth bound the preview beside the
	// queue: below 40 a panel's two columns wrap every value, beyond 72 a
	// summary's lines are too long to read at a glance.
	previewMinWidth = 40
	previewMaxWidth = 72
	// previewMinBelow and previewMinList are the least the preview and
	// the list (filter bar, titles, three rows) get when the preview is
	// below the queue; a pane shorter than both together shows no preview.
	previewMinBelow = 8
	previewMinList  = 5
)

// preview is the preview's setting and its rendering, cached: it is drawn
// again only when the row, the size or the clock changes.
type preview struct {
	setting *bool            // as config.toml says, or as toggled; nil: shown from PreviewAutoWidth
	save    func(bool) error // remembers a toggle in config.toml; nil when there is no config folder

	// Where it goes this frame (layout sets them): beside the queue, or
	// below it, or nowhere (off, or no room).
	beside, below bool
	width, height int

	session *api.Session // what text shows, for the cache
	now     time.Time
	text    string
}

// previewSavedMsg is the answer to remembering a toggle in config.toml.
type previewSavedMsg struct {
	on  bool
	err error
}

// wanted reports whether the preview is to be shown at width: as set, or
// on a wide terminal when nothing was set.
func (p preview) wanted(width int) bool {
	if p.setting != nil {
		return *p.setting
	}
	return width >= PreviewAutoWidth
}

// previewGeometry decides where the preview goes in a pane of width×height
// and how big it and the queue are: beside the queue where the queue keeps
// previewMinQueue columns, else below it, else (a pane too short) nowhere.
func previewGeometry(width, height int) (beside, below bool, pw, ph, qw, qh int) {
	pw = min(max(width*2/5, previewMinWidth), previewMaxWidth)
	if width-pw-1 >= previewMinQueue {
		return true, false, pw, height, width - pw - 1, height
	}
	if height < previewMinBelow+previewMinList {
		return false, false, 0, 0, width, height
	}
	// Below: about half the pane, the rule above it included.
	ph = max(height/2, previewMinBelow)
	return false, true, width, ph - 1, width, height - ph
}

// layoutPreview places the preview for the pane and sizes the queue
// beside or above it; with no preview the queue has the pane.
func (m *Model) layoutPreview(h int) {
	p := &m.preview
	p.beside, p.below = false, false
	if m.view != viewQueue || !p.wanted(m.width) {
		m.queue = m.queue.SetSize(m.width, h)
		return
	}
	var qw, qh int
	p.beside, p.below, p.width, p.height, qw, qh = previewGeometry(m.width, h)
	m.queue = m.queue.SetSize(qw, qh)
	p.session = nil // the size changed: draw it again
	m.syncPreview()
}

// syncPreview draws the preview again when the row under the cursor, its
// data or the clock's minute (ages are in minutes) changed; otherwise the
// cached text stands.
func (m *Model) syncPreview() {
	p := &m.preview
	if !p.beside && !p.below {
		return
	}
	s := m.queue.Selected()
	if s == p.session && s != nil && m.now.Truncate(time.Minute).Equal(p.now.Truncate(time.Minute)) {
		return
	}
	p.session, p.now = s, m.now
	if s == nil {
		p.text = m.ctx.Theme.Muted.Render("No session under the cursor.")
		return
	}
	p.text = detail.Preview(m.ctx.Theme, keys.Name(m.ctx.Keys.CopyExternalID), keys.Name(m.ctx.Keys.Lookup), s, m.why(s.ID), m.now, p.width, p.height)
}

// togglePreview shows the preview or hides it, at any width, and
// remembers the choice in config.toml.
func (m Model) togglePreview() (Model, tea.Cmd) {
	on := !m.preview.wanted(m.width)
	m.preview.setting = &on
	m.layout()
	if m.preview.save == nil {
		return m, m.previewSaved(previewSavedMsg{on: on, err: errNoConfigFolder})
	}
	save := m.preview.save
	return m, func() tea.Msg { return previewSavedMsg{on: on, err: save(on)} }
}

// previewSaved says what became of a toggle: shown or hidden, and whether
// config.toml keeps it; a preview that cannot fit says so too.
func (m Model) previewSaved(msg previewSavedMsg) tea.Cmd {
	words := previewWords(msg.on)
	if msg.on && !m.preview.beside && !m.preview.below && m.view == viewQueue {
		words += ", but the pane is too short for it (" + plural.CountAs(previewMinBelow+previewMinList, "line", "lines") + " needed)"
	}
	if msg.err != nil {
		return common.Say(words+" · not remembered: "+msg.err.Error()+".", true)
	}
	return common.Say(words+" · remembered in config.toml.", false)
}

// errNoConfigFolder is why a toggle cannot be remembered when cxi found
// no config folder to keep config.toml in.
var errNoConfigFolder = errors.New("no config folder (set XDG_CONFIG_HOME or HOME)")

func previewWords(on bool) string {
	if on {
		return "Preview shown"
	}
	return "Preview hidden"
}

// previewView sets the queue and the preview side by side, or one above
// the other, in the pane's width×height.
func (m Model) previewView(queue string, width, height int) string {
	p := m.preview
	if p.beside {
		q := strings.Split(render.Fill(queue, width-p.width-1, height), "\n")
		r := strings.Split(render.Fill(p.text, p.width, height), "\n")
		out := make([]string, height)
		for i := range out {
			out[i] = render.Pad(q[i], width-p.width-1) + " " + render.Pad(r[i], p.width)
		}
		return strings.Join(out, "\n")
	}
	rule := m.ctx.Theme.Muted.Render(strings.Repeat("─", width))
	qh := height - p.height - 1
	return render.Fill(queue, width, qh) + "\n" + rule + "\n" + render.Fill(p.text, width, p.height)
}
