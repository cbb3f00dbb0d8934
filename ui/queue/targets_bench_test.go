package queue

import (
	"fmt"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/actions"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/keys"
)

// selectedQueue is benchQueue with every row selected (ctrl+a), and the
// write actions beside it, as the root holds them.
func selectedQueue(n int) (Model, actions.Model) {
	m := benchQueue(n)
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyCtrlA})
	ctx := common.Context{Theme: styles.Plain(), Keys: keys.Default()}
	return m, actions.New(ctx, nil, common.WriteSettings{})
}

// BenchmarkSelectionStatusMenu is S with n rows selected, in Update: the
// targets taken from the queue and the status menu opened on them.
func BenchmarkSelectionStatusMenu(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("selected=%d", n), func(b *testing.B) {
			m, act := selectedQueue(n)
			b.ReportAllocs()
			for b.Loop() {
				if o, _ := act.Menu(m.Picked(), nil, true); o == nil {
					b.Fatal("no menu")
				}
			}
		})
	}
}

// BenchmarkSelectionStatusMenuHalf is S with every other row of n
// selected: each row's ID is looked up in the selection, which ctrl+a's
// whole selection spares.
func BenchmarkSelectionStatusMenuHalf(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			m, act := selectedQueue(n)
			m.picked = map[string]bool{}
			for i, r := range m.rows {
				if i%2 == 0 {
					m.picked[r.id] = true
				}
			}
			m.countSelection()
			b.ReportAllocs()
			for b.Loop() {
				if o, _ := act.Menu(m.Picked(), nil, true); o == nil {
					b.Fatal("no menu")
				}
			}
		})
	}
}

// BenchmarkSelectionConfirmClose is enter on the confirmation of a close
// of n selected rows, in Update: the batch started and the queue told;
// the writes themselves are the commands', not run here.
func BenchmarkSelectionConfirmClose(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("selected=%d", n), func(b *testing.B) {
			m, act := selectedQueue(n)
			msg := actions.ConfirmedMsg{Change: api.StatusChange{Status: api.StatusClosedResolved}, Targets: m.Picked()}
			b.ReportAllocs()
			for b.Loop() {
				next, ev, cmd := act.Update(msg)
				if cmd == nil || !next.Running() {
					b.Fatal("no batch")
				}
				_ = m.Acted(ev)
			}
		})
	}
}
