package queue

import (
	"slices"
	"time"

	"github.com/opencx-tools/cxi/api"
)

// drawnRows keeps rows as drawn when not under the cursor, so that j, which
// changes two rows, redraws two rows and not the forty on screen (each
// cell is a lipgloss Render). It is filled in Update (warm) and only read
// by View; a row misses it, and is drawn afresh, whenever anything it was
// drawn from changed.
type drawnRows struct {
	// The layout the lines were drawn at: a new width, column set or
	// clock (the AGE column) makes a new cache.
	cols, widths []int
	now          time.Time
	// Keyed by the row: a fresher copy of a session (Upsert, a refresh)
	// is a new row, so a changed row misses by itself.
	lines map[*row]drawnRow
}

// drawnRow is one row's line and the per-row state it was drawn with,
// which lives outside the row: its history mark, whether it is picked,
// and the status being saved.
type drawnRow struct {
	line     string
	mark     string
	flags    string
	picked   bool
	saving   api.Status
	isSaving bool
}

// drawnBar is the filter bar as drawn for its items at a width: laying it
// out tries up to a dozen arrangements, and listHeight, which every key
// asks, needs its line count.
type drawnBar struct {
	width int
	items []barItem
	lines []string
}

func (b *drawnBar) fits(items []barItem, width int) bool {
	return b != nil && b.width == width && slices.Equal(b.items, items)
}

// drawnLimit bounds the cache to a few screens: rows scrolled far out of
// view are cheaper to draw again than to keep for a 100k-row queue.
const drawnLimit = 400

// fits reports whether d was drawn at the model's layout.
func (d *drawnRows) fits(m *Model) bool {
	return d != nil && d.now.Equal(m.now) && slices.Equal(d.cols, m.cols) && slices.Equal(d.widths, m.widths)
}

// state is what, outside the row, its line is drawn from.
func (m *Model) drawnState(r *row) drawnRow {
	id := r.id
	s, saving := m.saving[id]
	return drawnRow{mark: m.markCell(id), flags: m.flagCell(id), picked: m.picked[id], saving: s, isSaving: saving}
}

// cachedRow is r's line when not selected, from the cache when it is
// still what the row would draw.
func (m *Model) cachedRow(r *row) (string, bool) {
	if !m.drawn.fits(m) {
		return "", false
	}
	d, ok := m.drawn.lines[r]
	if !ok {
		return "", false
	}
	st := m.drawnState(r)
	if d.mark != st.mark || d.flags != st.flags || d.picked != st.picked || d.saving != st.saving || d.isSaving != st.isSaving {
		return "", false
	}
	return d.line, true
}

// warm draws the visible rows that the cache lacks, so that the next View
// finds them. A new layout starts a new cache rather than clearing the
// shared one: an older copy of the model keeps the lines of its own.
func (m *Model) warm() {
	m.countSelection()
	if m.width <= 0 || m.height <= 0 {
		return
	}
	if !m.drawn.fits(m) || len(m.drawn.lines) > drawnLimit {
		m.drawn = &drawnRows{cols: slices.Clone(m.cols), widths: slices.Clone(m.widths), now: m.now, lines: map[*row]drawnRow{}}
	}
	if items := m.barItems(); !m.bar.fits(items, m.width) {
		m.bar = &drawnBar{width: m.width, items: items, lines: m.drawBar(items)}
	}
	end := min(m.top+m.listHeight(), len(m.view))
	for pos := m.top; pos < end; pos++ {
		r := m.rows[m.view[pos]]
		if pos == m.sel {
			continue // drawn selected, every frame: it is one row
		}
		if _, ok := m.cachedRow(r); ok {
			continue
		}
		d := m.drawnState(r)
		d.line = m.rowView(r, false)
		m.drawn.lines[r] = d
	}
}
