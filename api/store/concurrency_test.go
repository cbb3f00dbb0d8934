package store

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
)

// writePages saves pages of sessions numbered from first, marking each
// page's first session seen and noted, as a TUI does while it pages.
func writePages(s *Store, first, pages, size int) error {
	for p := range pages {
		page := make([]api.Session, size)
		for i := range page {
			page[i] = session(id(first+p*size+i), time.Duration(p)*time.Minute, withHandoff(fmt.Sprint("summary ", p, " ", i)))
		}
		if err := s.SaveSessions(ctx, page, t0); err != nil {
			return err
		}
		if err := s.MarkSeen(ctx, page[0], t0); err != nil {
			return err
		}
		if err := s.SetNote(ctx, page[0].ID, "note", t0); err != nil {
			return err
		}
	}
	return nil
}

func TestTwoHandlesWriteAtOnce(t *testing.T) {
	dir := stateDir(t)
	a, b := mustOpen(t, options(dir)), mustOpen(t, options(dir))
	const writers, pages, size = 2, 10, 50 // two goroutines a handle: enough to interleave, few enough that -race on two cores stays within the busy timeout
	var wg sync.WaitGroup
	errs := make(chan error, 2*writers)
	for w := range 2 * writers {
		s := a
		if w%2 == 1 {
			s = b
		}
		wg.Go(func() { errs <- writePages(s, w*pages*size, pages, size) })
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("a writer failed: %v", err)
		}
	}
	for _, s := range []*Store{a, b} {
		if st, err := s.Stats(ctx); err != nil || st.Sessions != 2*writers*pages*size || st.Notes != 2*writers*pages {
			t.Errorf("%+v, %v", st, err)
		}
	}
}

// TestTwoProcessesWriteAtOnce runs this test binary a second time as a
// writer (TestHelperWriter) while this process writes too: two cxi
// processes on one store.
func TestTwoProcessesWriteAtOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a process")
	}
	dir := stateDir(t)
	s := mustOpen(t, options(dir))
	const pages, size = 20, 50
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperWriter$")
	cmd.Env = append(os.Environ(), "CXI_STORE_TEST_WRITER="+dir, "CXI_STORE_TEST_FIRST="+strconv.Itoa(pages*size))
	done := make(chan error, 1)
	var out []byte
	go func() {
		var err error
		out, err = cmd.CombinedOutput()
		done <- err
	}()
	if err := writePages(s, 0, pages, size); err != nil {
		t.Errorf("this process: %v", err)
	}
	if err := <-done; err != nil {
		t.Fatalf("the other process: %v\n%s", err, out)
	}
	if st, err := s.Stats(ctx); err != nil || st.Sessions != 2*pages*size {
		t.Errorf("%+v, %v", st, err)
	}
}

// TestHelperWriter is the second process of TestTwoProcessesWriteAtOnce;
// run alone it does nothing.
func TestHelperWriter(t *testing.T) {
	dir := os.Getenv("CXI_STORE_TEST_WRITER")
	if dir == "" {
		t.Skip("the other process of TestTwoProcessesWriteAtOnce")
	}
	first, _ := strconv.Atoi(os.Getenv("CXI_STORE_TEST_FIRST"))
	s := mustOpen(t, options(dir))
	if err := writePages(s, first, 20, 50); err != nil {
		t.Fatal(err)
	}
}
