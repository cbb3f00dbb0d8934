// Package runtimemem sets the Go collector's policy for the interactive
// program, which holds the whole queue (a month of an organization's
// sessions) for as long as it runs.
package runtimemem

import "runtime/debug"

// gcPercent is the collector's GOGC while the TUI runs: the heap may grow
// to (1 + gcPercent/100) times what is live before the next collection.
//
// Why lower than the runtime's 100: with 100,000 sessions loaded the live
// heap is about 67 MiB (TestHeapPerSession: 699 B a session), and at GOGC
// 100 the heap may reach twice that while pages arrive. Measured loading
// 100 pages of 1,000, then 300 (TestHeapPerSession; BenchmarkLoadUnderGCPolicy
// in ui/queue; the 300,000 figures by its loader, loadGenerated, with n =
// 300,000, kept out of the tests for the 400 MiB it takes; go1.26, two
// cores shared with other work, so CPU as ranges):
//
//	       100,000 sessions (the load: 6–14 s)      300,000 (the load: 15–18 s)
//	GOGC   resident     collections  collector CPU   resident     collections  collector CPU
//	100    138 MiB      32–35        0.17–0.44 s     418 MiB      51           1.2 s
//	 50    118–120 MiB  73           0.49–0.83 s     317–320 MiB  100–106      1.7–2.6 s
//	 35    105 MiB      98–99        0.73–0.82 s     286–296 MiB  145–157      2.3–3.3 s
//
// (Before rows shrank from 769 B to 699 B a session, 25 gave no less than
// 35: 114 MiB against 115–119, for 133 collections.) 35 keeps 45 MiB
// under the 150 at 100,000, room for what the queue may yet hold
// (an index for the filter); it costs about half a second of collector
// CPU over a load of ten at 100,000, one to two over sixteen at 300,000,
// off the UI's goroutine. Once loaded, the TUI allocates a frame's
// strings at a time and collections are rare at any GOGC.
//
// Why GOGC and not a memory limit (debug.SetMemoryLimit): GOGC's room
// stays proportional to what is live, so an organization with 300,000
// sessions (about 203 MiB live) gets about 70 MiB of room, not a collector
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
