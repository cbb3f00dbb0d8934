// Package change is what the TUI's status batch and the write commands
// (cxi close, reopen, redact) share about a write, so that the two say
// and do the same: when a 429 is sent once more (RetryAfter), what stops a
// batch (Stops), and the words an outcome is said and recorded in
// (Failed and the constants), in the status line, the result lines and
// the audit log alike.
package change
