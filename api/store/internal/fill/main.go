// Command fill fills a store with N of the demo's generated sessions, read
// page by page from the fake server through cxi's own client and saved with
// cxi's own store code, as the queue does: so that anyone can reproduce the
// store's size and speed at 100,000 sessions.
//
//	go run ./api/store/internal/fill -n 100000 -dir /tmp/cxi-fill
//
// It prints the store's bytes on disk against the bytes of the JSON it holds.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/store"
	"golang.org/x/time/rate"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "fill:", err)
		os.Exit(1)
	}
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("fill", flag.ContinueOnError)
	n := fs.Int("n", 10_000, "how many sessions to keep")
	dir := fs.String("dir", "", "the directory of the store (required; its demo store is replaced)")
	page := fs.Int("page", 100, "sessions per list page, as the fake server serves them")
	if err := fs.Parse(args); err != nil {
		return err
	}
	switch {
	case *dir == "":
		return errors.New("-dir is required: the directory to write the store in")
	case *n < 1:
		return fmt.Errorf("-n %d: need at least one session", *n)
	case *page < 1:
		return fmt.Errorf("-page %d: need at least one session a page", *page)
	}
	st, err := fill(context.Background(), *dir, *n, *page)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "%d sessions in %d pages, %.1fs\n", st.sessions, st.pages, st.took.Seconds())
	fmt.Fprintf(out, "JSON held: %d bytes (%.0f a session)\n", st.json, float64(st.json)/float64(st.sessions))
	fmt.Fprintf(out, "store:     %d bytes (%.0f a session), %.2f× the JSON\n", st.disk, float64(st.disk)/float64(st.sessions),
		float64(st.disk)/float64(st.json))
	fmt.Fprintf(out, "file:      %s\n", st.file)
	return nil
}

type stats struct {
	sessions, pages int
	json, disk      int64
	took            time.Duration
	file            string
}

// fill lists n generated sessions from a fake server and saves each page
// into the demo store under dir, replacing one left by an earlier run.
func fill(ctx context.Context, dir string, n, pageSize int) (stats, error) {
	o := store.Options{Dir: dir, Demo: true}
	file := store.File(o)
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if err := os.Remove(file + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return stats{}, err
		}
	}
	cat := demo.Catalog(demo.WithGenerated(n), demo.WithoutShowcase(), demo.WithoutOddItems())
	srv := fake.New(fake.WithCatalog(cat), fake.WithPageSize(pageSize))
	base, stop, err := srv.Start()
	if err != nil {
		return stats{}, err
	}
	defer stop()
	// The fake server has no rate limit; the client's own, the real API's
	// 100 a minute, would make 1,000 pages take ten minutes.
	client, err := api.New(base, fake.DemoKey, api.WithLimiter(rate.NewLimiter(rate.Inf, 1)))
	if err != nil {
		return stats{}, err
	}
	s, notices, err := store.Open(o)
	if err != nil {
		return stats{}, err
	}
	if s == nil {
		return stats{}, fmt.Errorf("no store in %s: %v", dir, notices)
	}
	defer s.Close()

	st := stats{file: file}
	start := time.Now()
	var cursor string
	for {
		p, err := client.ListSessions(ctx, api.ListParams{Cursor: cursor})
		if err != nil {
			return st, fmt.Errorf("page %d: %w", st.pages+1, err)
		}
		if err := s.SaveSessions(ctx, p.Items, time.Now()); err != nil {
			return st, fmt.Errorf("save page %d: %w", st.pages+1, err)
		}
		st.pages++
		st.sessions += len(p.Items)
		for _, it := range p.Items {
			st.json += int64(len(it.Raw))
		}
		if p.Next == "" {
			break
		}
		cursor = p.Next
	}
	st.took = time.Since(start)
	if err := s.Close(); err != nil {
		return st, err
	}
	for _, suffix := range []string{"", "-wal"} {
		if info, err := os.Stat(file + suffix); err == nil {
			st.disk += info.Size()
		}
	}
	return st, nil
}
