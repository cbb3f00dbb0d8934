// Package change is the one routine of each write, shared by the TUI's
// status batch and redaction and the write commands (cxi close, reopen,
// redact), so that the two do and say the same: SetStatus (read unless the
// caller holds the session, check, PATCH, confirming GET) and Redact (read,
// POST, erase the local copy), each returning a result with one set of
// words (Words) and its audit entry (Entry); when a 429 is sent once more
// (RetryAfter, StatusRequest.Once); what stops a batch (Stops); the words
// of a failure (Failed and the constants); and the one vocabulary for a
// status (StatusWord, Done), in the status line, the result lines and the
// audit log alike.
package change
