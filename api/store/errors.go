package store

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"strings"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// NotRememberingError is the first write that found the disk full or the
// store read-only. The store is off from then on: later writes do nothing,
// so the user hears of it once, and reads still answer from what is there.
type NotRememberingError struct {
	Path string
	Err  error
}

func (e *NotRememberingError) Error() string {
	return notRemembering(e.Path, e.Err)
}

func (e *NotRememberingError) Unwrap() error { return e.Err }

// Reason is why, in a few words ("database or disk is full"), for a
// header that has no room for the whole notice: SQLite's own message,
// without the context the write wrapped it in.
func (e *NotRememberingError) Reason() string {
	var se *sqlite.Error
	if errors.As(e.Err, &se) {
		return sqliteMessage(se)
	}
	return reason(e.Err)
}

// notRemembering is the notice for a store that cannot be used: what goes
// on working, and why nothing is kept.
func notRemembering(where string, err error) string {
	return fmt.Sprintf("Not remembering this run: the local store %s cannot be used (%s). Everything works, but nothing is kept.",
		where, reason(err))
}

// reason is err in a few words: SQLite's own message without its code in
// parentheses, or the system's.
func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return sqliteMessage(err)
}

// sqliteMessage is the driver's message without the result code it ends
// with ("(26)", "(SQLITE_NOTADB)"), which says nothing to a user.
func sqliteMessage(err error) string {
	return strings.TrimSpace(resultCode.ReplaceAllString(err.Error(), ""))
}

// resultCode matches the result code at the end of a driver's message. It
// is compiled once and never changed.
var resultCode = regexp.MustCompile(`\s*\((SQLITE_[A-Z_]+|\d+)\)$`)

// sqliteCode is the primary SQLite result code of err, or 0.
func sqliteCode(err error) int {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() & 0xff
	}
	return 0
}

// isCorrupt reports a file SQLite cannot read as a database: not one at
// all, or one with damaged pages.
func isCorrupt(err error) bool {
	switch sqliteCode(err) {
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
		return true
	}
	return false
}

// isDiskProblem reports a failure of the disk rather than of the data: full,
// read-only, or not there any more.
func isDiskProblem(err error) bool {
	switch sqliteCode(err) {
	case sqlite3.SQLITE_FULL, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM:
		return true
	}
	return false
}
