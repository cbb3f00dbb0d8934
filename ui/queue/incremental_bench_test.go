package queue

import (
	"encoding/json"
	"fmt"
	"maps"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/filter"
)

// benchSizes are the queue sizes the issue measures at: a team's day, an
// organization's week, its month.
var benchSizes = []int{1000, 10000, 100000}

// benchQueue is a 120×40 queue with n sessions loaded and the cursor in
// the middle, as a user paging through a month sees it.
func benchQueue(n int) Model {
	return benchQueueIn(n, false)
}

// benchQueueIn is benchQueue in the needs-attention order or not. Its
// rows are made as the program makes them: by pages of 1,000, each page's
// texts side by side (pooled) but the first's, as fetchPage makes them.
func benchQueueIn(n int, attention bool) Model {
	m := New(theme(), DefaultKeyMap(), nil, filter.Filters{}, attention, now).SetSize(120, 40)
	rows := make([]*row, 0, n)
	for start := 0; start < n; start += 1000 {
		page := make([]*row, min(1000, n-start))
		for i := range page {
			s := session(start + i)
			page[i] = newRow(m.kinds, &s)
		}
		if start > 0 {
			pooled(page)
		}
		rows = append(rows, page...)
	}
	m.rows = rows
	m.reindex()
	m.rebuild()
	m, _ = m.Select(session(n / 2).ID)
	return m
}

// BenchmarkQueueFilterKeystroke types the last character of a filter that
// matches a tenth of the rows ("customer 0" then "customer 00"): the
// text grows by one, which the filter must not pay for with every row.
func BenchmarkQueueFilterKeystroke(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			m := benchQueue(n).SetText("customer 0")
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				_ = m.cold().SetText("customer 00")
			}
		})
	}
}

// BenchmarkQueueFilterFirstKey types the first character of a filter,
// which has no narrower result to start from and reads every row: "x",
// which no row holds, and "e", which every row's name holds ("Customer").
func BenchmarkQueueFilterFirstKey(b *testing.B) {
	for _, n := range benchSizes {
		for _, key := range []string{"x", "e"} {
			b.Run(fmt.Sprintf("rows=%d/key=%s", n, key), func(b *testing.B) {
				m := benchQueue(n)
				b.ReportAllocs()
				b.ResetTimer()
				for b.Loop() {
					_ = m.cold().SetText(key)
				}
			})
		}
	}
}

// BenchmarkQueueFilterSecondKey types the second character after a first
// that every row holds, so that the narrowing reads every row: "e" then
// "er" (every name is "Customer …"), and "0" then "00" (every ID holds
// it): the worst the text growing can be.
func BenchmarkQueueFilterSecondKey(b *testing.B) {
	for _, n := range benchSizes {
		for _, keys := range [][2]string{{"e", "er"}, {"0", "00"}} {
			b.Run(fmt.Sprintf("rows=%d/keys=%s", n, keys[1]), func(b *testing.B) {
				m := benchQueue(n).SetText(keys[0])
				b.ReportAllocs()
				b.ResetTimer()
				for b.Loop() {
					_ = m.cold().SetText(keys[1])
				}
			})
		}
	}
}

// BenchmarkQueueFilterBackspace takes the last character of a filter
// back: "typed" after typing "e" then "er" (back to "e"), "cold" from
// "customer 0" to "customer", a text never typed in this model (pasted,
// say), which every row holds and which reads every row's text.
func BenchmarkQueueFilterBackspace(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("rows=%d/typed", n), func(b *testing.B) {
			m := benchQueue(n).SetText("e").SetText("er")
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				_ = m.SetText("e")
			}
		})
		b.Run(fmt.Sprintf("rows=%d/cold", n), func(b *testing.B) {
			m := benchQueue(n).SetText("customer 0")
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				_ = m.cold().SetText("customer")
			}
		})
	}
}

// cold is m without the views of the texts typed before: each loop of a
// keystroke benchmark would otherwise find its own result of the loop
// before kept, and time that.
func (m Model) cold() Model { m.results = nil; return m }

// BenchmarkQueuePageArrival takes a page of 1,000 sessions into a queue of
// n: its cost should follow the page, not the rows already loaded.
func BenchmarkQueuePageArrival(b *testing.B) { benchPageArrival(b, false) }

// BenchmarkQueuePageArrivalAttention is BenchmarkQueuePageArrival in the
// needs-attention order (!): the page's rows are placed among the others
// by their urgency, which must not sort every row again.
func BenchmarkQueuePageArrivalAttention(b *testing.B) { benchPageArrival(b, true) }

func benchPageArrival(b *testing.B, attention bool) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			m := benchQueueIn(n, attention)
			m.next, m.gen = "more", 1
			page := &api.SessionPage{Next: "after", Items: make([]api.Session, 1000)}
			for i := range page.Items {
				page.Items[i] = session(n + i)
			}
			// The rows are made in the page's command, as fetchPage does.
			msg := PageLoadedMsg{q: query{gen: m.gen, cursor: "more"}, page: page, rows: rowsOf(m.kinds, page.Items)}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				b.StopTimer()
				fresh := m
				// The model is a value but its index a map: each arrival
				// starts from the same n rows, not from the last one's.
				// Room for the page, as a map that grew by pages has:
				// a clone's growth would rehash every row, each time.
				fresh.byID = make(map[string]int, len(m.byID)+2*len(page.Items))
				maps.Copy(fresh.byID, m.byID)
				fresh.rows = append(make([]*row, 0, len(m.rows)+2*len(page.Items)), m.rows...)
				b.StartTimer()
				_, _ = fresh.Update(msg)
			}
		})
	}
}

// BenchmarkQueueCursorDown is j as the program runs it: Update, then View.
// Moving one row should redraw about one row, however many are loaded.
func BenchmarkQueueCursorDown(b *testing.B) {
	benchCursor(b, func(m Model) Model { return m }, func(Model) {})
}

// BenchmarkQueueCursorDownAllSelected is j with every loaded row
// selected, and the header's count of them drawn too, as the program
// draws it on every frame.
func BenchmarkQueueCursorDownAllSelected(b *testing.B) {
	benchCursor(b, func(m Model) Model {
		m, _ = m.Update(tea.KeyMsg{Type: tea.KeyCtrlA})
		return m
	}, func(m Model) { _ = m.Header() })
}

// benchCursor times j and k in turn, each Update then View (then also
// draws what frame adds), on a queue of each bench size that set made.
func benchCursor(b *testing.B, set func(Model) Model, frame func(Model)) {
	down := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'j'}}
	up := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'k'}}
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			m := set(benchQueue(n))
			_ = m.View()
			b.ReportAllocs()
			b.ResetTimer()
			i := 0
			for b.Loop() {
				// Down and up in turn: the cursor stays among the loaded
				// rows, away from the end where j would page.
				k := down
				if i%2 == 1 {
					k = up
				}
				i++
				m, _ = m.Update(k)
				_ = m.View()
				frame(m)
			}
		})
	}
}

// bareList is the floor for the queue's keystroke benchmarks: a list that
// keeps its lines drawn already and only moves a cursor, as the least a
// bubbletea list can do per key.
type bareList struct {
	lines    []string
	sel, top int
}

func (l bareList) Update(msg tea.Msg) bareList {
	if k, ok := msg.(tea.KeyMsg); ok {
		switch k.String() {
		case "j":
			l.sel = min(l.sel+1, len(l.lines)-1)
		case "k":
			l.sel = max(l.sel-1, 0)
		}
	}
	return l
}

func (l bareList) View() string {
	var s []byte
	for i := l.top; i < min(l.top+38, len(l.lines)); i++ {
		if i == l.sel {
			s = append(s, "› "...)
		} else {
			s = append(s, "  "...)
		}
		s = append(s, l.lines[i]...)
		s = append(s, '\n')
	}
	return string(s)
}

// BenchmarkBareCursorDown is BenchmarkQueueCursorDown's floor, measured in
// the same run: a 38-row window of 118-cell lines drawn ahead of time.
func BenchmarkBareCursorDown(b *testing.B) {
	down := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'j'}}
	up := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'k'}}
	l := bareList{lines: make([]string, 1000), sel: 19}
	for i := range l.lines {
		l.lines[i] = fmt.Sprintf("%-118d", i)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		k := down
		if i%2 == 1 {
			k = up
		}
		i++
		l = l.Update(k)
		_ = l.View()
	}
}

// BenchmarkPageRows makes the rows of a page of 1,000 of the demo's
// sessions, as the page's command does before Update sees them (packing
// each body is most of it); its floor, in the same run, is decoding the
// page's 1,000 bodies, which the client does for every page already.
func BenchmarkPageRows(b *testing.B) {
	bodies := demo.Catalog(demo.WithGenerated(1000), demo.WithoutShowcase(), demo.WithoutOddItems()).Sessions(now)
	items := make([]api.Session, len(bodies))
	decode := func(b *testing.B) {
		for i, fs := range bodies {
			items[i] = api.Session{}
			if err := json.Unmarshal(fs.Body, &items[i]); err != nil {
				b.Fatal(err)
			}
			items[i].Raw = json.RawMessage(fs.Body)
		}
	}
	b.Run("floor=decode", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			decode(b)
		}
	})
	b.Run("rows", func(b *testing.B) {
		decode(b)
		kinds := newKindTable()
		b.ReportAllocs()
		for b.Loop() {
			_ = rowsOf(kinds, items)
		}
	})
}

// BenchmarkQueueAttentionOn is ! in a queue of n rows in the API's order:
// every row is sorted into the needs-attention order once (sortOrder),
// as after a refresh or a lookup replaced a row in that order.
func BenchmarkQueueAttentionOn(b *testing.B) {
	bang := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'!'}}
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			m := benchQueue(n)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				on, _ := m.Update(bang)
				on.Stop() // the ranking's walk it started, never run
			}
		})
	}
}
