package tui

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"golang.org/x/time/rate"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/filter"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/keys"
)

// benchRows is the first screen's rows in the benchmarks: a 40-line
// terminal's.
const benchRows = 40

// filledStore is a closed demo store under a new directory holding n of
// the demo's generated sessions, saved a page of 100 at a time as the
// queue saves them, with a sync; and the text of its newest session's
// row (its contact's name), which the first frame must show.
func filledStore(b testing.TB, n int) (dir, marker string) {
	b.Helper()
	dir = b.TempDir()
	bodies := demo.Catalog(demo.WithGenerated(n), demo.WithoutShowcase(), demo.WithoutOddItems()).Sessions(startNow)
	sessions := make([]api.Session, len(bodies))
	for i, fs := range bodies {
		if err := json.Unmarshal(fs.Body, &sessions[i]); err != nil {
			b.Fatal(err)
		}
		sessions[i].Raw = fs.Body // as a list page keeps each item
	}
	st := openStoreAt(b, dir)
	ctx := context.Background()
	for i := 0; i < len(sessions); i += 100 {
		if err := st.SaveSessions(ctx, sessions[i:min(i+100, len(sessions))], startNow); err != nil {
			b.Fatal(err)
		}
	}
	if err := st.SetSync(ctx, filter.SyncKey, startNow); err != nil {
		b.Fatal(err)
	}
	newest, err := st.Sessions(ctx, store.Query{Limit: 1})
	if err != nil || len(newest) != 1 || newest[0].Contact == nil || newest[0].Contact.Name == nil {
		b.Fatalf("the newest kept session has no contact name to look for: %v", err)
	}
	if err := st.Close(); err != nil {
		b.Fatal(err)
	}
	return dir, *newest[0].Contact.Name
}

func openStoreAt(b testing.TB, dir string) *store.Store {
	b.Helper()
	st, notices, err := store.Open(store.Options{Dir: dir, Demo: true, Now: func() time.Time { return startNow }})
	if err != nil || st == nil {
		b.Fatalf("store: %v %v", err, notices)
	}
	return st
}

// silentAPI is an API that never answers (until it is closed), so that
// the first frame's rows can only be the store's.
func silentAPI(b *testing.B) ui.Client {
	b.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() }))
	b.Cleanup(func() { srv.CloseClientConnections(); srv.Close() })
	// No rate limit: a request waiting for its turn would outlive the
	// benchmark, where one sent ends when the server closes.
	c, err := api.New(srv.URL, "k", api.WithTimeout(time.Hour), api.WithLimiter(rate.NewLimiter(rate.Inf, 1)))
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// cxiStart is cxi's start from the store in dir up to the program's
// model, as Prepare and Run do (less the client and config): the store
// opened, and its last sync and first screen read, in a goroutine
// (openStore), and the model that hands over to the root model once they
// are. timer is the root model's.
func cxiStart(dir string, client ui.Client, timer common.Timer) (starting, *opening) {
	base := ui.Options{Client: client, Theme: styles.Plain(), Keys: keys.Default(), Now: func() time.Time { return startNow }, Timer: timer}
	open := func() (*store.Store, []string) {
		st, notices, err := store.Open(store.Options{Dir: dir, Demo: true, Now: func() time.Time { return startNow }})
		if err != nil {
			notices = append(notices, err.Error())
		}
		return st, notices
	}
	o := openStore(open, true, filter.Filters{}, startNow, benchRows)
	return newStarting(Prepared{opts: base, store: o}), o
}

// opened fails b unless the store of o opened.
func opened(b *testing.B, o *opening) {
	if k := o.wait(); k.st == nil {
		b.Fatalf("the store did not open: %v", k.notices)
	}
}

// noTimer is a program timer that never fires: a model's path alone
// runs no command.
func noTimer(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }

// startTimer is tea.Tick for what is due while cxi starts (the rest of
// the kept rows, read just after the first frame, as in cxi), and
// nothing for the clock's ticks a second apart, which would outlive the
// program.
func startTimer(d time.Duration, fire func(time.Time) tea.Msg) tea.Cmd {
	if d >= 100*time.Millisecond {
		return nil
	}
	return tea.Tick(d, fire)
}

// bareModel is the floor: a bubbletea model that draws one row of text
// once it has its size, and does nothing else.
type bareModel struct {
	row    string
	height int
}

func (m bareModel) Init() tea.Cmd { return nil }
func (m bareModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if s, ok := msg.(tea.WindowSizeMsg); ok {
		m.height = s.Height
	}
	return m, nil
}
func (m bareModel) View() string {
	if m.height == 0 {
		return ""
	}
	return "row  " + m.row
}

// frameWatch is a program's output that says when a frame showing want
// has been written.
type frameWatch struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	want []byte
	seen chan struct{}
}

func newFrameWatch(want string) *frameWatch {
	return &frameWatch{want: []byte(want), seen: make(chan struct{})}
}

func (w *frameWatch) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if w.seen != nil && bytes.Contains(w.buf.Bytes(), w.want) {
		close(w.seen)
		w.seen = nil
	}
	return len(p), nil
}

// untilFrame runs a program of m until its output shows want, then kills
// it, and answers how long the frame took from the program's start.
func untilFrame(b *testing.B, m tea.Model, want string) time.Duration {
	w := newFrameWatch(want)
	seen := w.seen
	p := tea.NewProgram(m, tea.WithInput(nil), tea.WithOutput(w), tea.WithoutSignalHandler())
	start := time.Now()
	done := make(chan error, 1)
	go func() { _, err := p.Run(); done <- err }()
	p.Send(tea.WindowSizeMsg{Width: 120, Height: benchRows}) // no terminal to ask
	select {
	case <-seen:
	case err := <-done:
		b.Fatalf("the program ended before a frame showed %q: %v", want, err)
	case <-time.After(time.Minute): // a guard against a hang, not a timing
		b.Fatalf("no frame showed %q", want)
	}
	took := time.Since(start)
	p.Kill()
	<-done
	return took
}

// BenchmarkFirstFrame is cxi's start from a filled store to the first
// frame with a row on it, beside the floor measured in the same run: a
// bare bubbletea program drawing one row. "program": from starting to
// open the store (in its goroutine, as Prepare does) to the frame written
// by a real tea.Program (both programs' frames wait for the renderer's
// first tick, at its default 60 a second, as cxi's own program does);
// "model": the same work without a program (store open to a View showing
// the row, one after the other), against the bare model's Update and
// View. Each iteration runs both; ×bare is their ratio.
func BenchmarkFirstFrame(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			dir, marker := filledStore(b, n)
			client := silentAPI(b)
			runtime.GC() // the fill's garbage, not the start's
			b.Run("program", func(b *testing.B) {
				var cxi, bare time.Duration
				for b.Loop() {
					bare += untilFrame(b, bareModel{row: marker}, marker)
					start := time.Now()
					m, o := cxiStart(dir, client, startTimer)
					cxi += time.Since(start) + untilFrame(b, m, marker)
					b.StopTimer()
					opened(b, o)
					o.close()
					b.StartTimer()
				}
				report(b, cxi, bare)
			})
			b.Run("model", func(b *testing.B) {
				var cxi, bare time.Duration
				size := tea.WindowSizeMsg{Width: 120, Height: benchRows}
				for b.Loop() {
					start := time.Now()
					var floor tea.Model = bareModel{row: marker}
					floor.Init()
					floor, _ = floor.Update(size)
					if !bytes.Contains([]byte(floor.View()), []byte(marker)) {
						b.Fatal("the bare model shows no row")
					}
					bare += time.Since(start)

					start = time.Now()
					m, o := cxiStart(dir, client, noTimer)
					root, _ := m.Update(m.Init()()) // the root model, once the store gave its part
					next, _ := root.Update(size)
					if !bytes.Contains([]byte(next.View()), []byte(marker)) {
						b.Fatalf("the first View shows no %q:\n%s", marker, next.View())
					}
					cxi += time.Since(start)
					b.StopTimer()
					o.close()
					b.StartTimer()
				}
				report(b, cxi, bare)
			})
		})
	}
}

// report gives the two paths' times an iteration and their ratio.
func report(b *testing.B, cxi, bare time.Duration) {
	b.ReportMetric(float64(cxi.Nanoseconds())/float64(b.N), "cxi-ns/op")
	b.ReportMetric(float64(bare.Nanoseconds())/float64(b.N), "bare-ns/op")
	b.ReportMetric(float64(cxi)/float64(bare), "×bare")
}
