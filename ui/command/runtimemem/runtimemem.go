// Package runtimemem sets the Go collector's policy for the interactive
// program, which holds the whole queue (a month of an organization's
// sessions) for as long as it runs.
package runtimemem

import "runtime/debug"

// gcPercent is the collector's GOGC while the TUI runs: the heap may grow
// to (1 + gcPercent/100) times what is live before the next collection.
//
// Why lower than the runtime's 100: with 100,000 sessions loaded the live
// heap is about 75 MB (TestHeapPerSession), and at GOGC 100 the heap may
// reach twice that while pages arrive, so resident memory sits at the
// issue's 150 MiB line. Measured loading 100,000 sessions, 100 pages of
// 1,000 (TestHeapPerSession, BenchmarkLoadUnderGCPolicy in ui/queue; go1.26,
// two cores shared with other work, so CPU as ranges):
//
//	GOGC  resident     collections  collector CPU (the load: 7–20 s)
//	100   149–156 MiB  32–35        0.20–0.45 s
//	 50   127 MiB      71–73        0.66–0.84 s
//	 35   115–119 MiB  96–101       0.42–0.93 s
//	 25   114 MiB      133–134      1.02–1.21 s
//
// 35 is where resident memory stops falling: below it the collections
// grow and the megabytes do not. With the faster packer (klauspost, since
// this table), 100: 33 collections, 0.25–0.30 s of collector CPU over a
// load of 7.7–10.3 s; 35: 96–99, 0.71–0.92 s over 9.8–11.9 s, 111–119
// MiB. About half a second of CPU more over a load that takes ten, off the
// UI's goroutine; once loaded, the TUI allocates a frame's strings at a
// time and collections are rare at any GOGC.
//
// Why GOGC and not a memory limit (debug.SetMemoryLimit): GOGC's room
// stays proportional to what is live, so an organization with 300,000
// sessions (about 225 MB live) gets about 80 MB of room, not a collector
// running without pause against a fixed limit set below its live heap
// (the runtime caps that at half the CPU: still a UI that stutters). A
// limit that moved with the live heap would be GOGC by another name, with
// a goroutine to move it.
const gcPercent = 35

// Tune sets the collector's policy for the TUI and returns what puts the
// runtime back as it was. It leaves the runtime alone, and returns a
// restore that does nothing, when the user set GOGC or GOMEMLIMIT: the
// runtime has applied those already, and the user's word stands.
//
// Only the TUI calls it: the other commands hold a page or a session at a
// time, where more collections would cost CPU and save nothing.
func Tune(getenv func(string) string) (restore func()) {
	if getenv("GOGC") != "" || getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	old := debug.SetGCPercent(gcPercent)
	return func() { debug.SetGCPercent(old) }
}
