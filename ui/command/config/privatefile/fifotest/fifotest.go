//go:build unix

// Package fifotest helps the tests of every package that reads a private
// file show that a FIFO there is refused rather than waited on: a FIFO
// whose other end is opened when the test ends, and a deadline that turns
// a hang into a failure.
package fifotest

import (
	"os"
	"syscall"
	"testing"
	"time"
)

// Mkfifo makes a FIFO at path and returns path. Should a regression open it
// blocking, the cleanup opens its other end, so that the stuck reader
// returns and the test binary can end.
func Mkfifo(t testing.TB, path string) string {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	t.Cleanup(func() {
		if w, err := os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			w.Close()
		}
	})
	return path
}

// Deadline is how long a look at a file may take before it counts as hung.
const Deadline = 5 * time.Second

// Within runs f and fails the test if it has not returned by Deadline.
func Within(t testing.TB, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(Deadline):
		t.Fatalf("still waiting after %s: something blocked", Deadline)
	}
}
