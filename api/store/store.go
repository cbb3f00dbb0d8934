// Package store is cxi's local memory: one SQLite file per organization
// that keeps the sessions and transcripts cxi fetched, what the user last
// looked at, their review marks and notes, and the time of each list sync,
// so that the queue starts at once, changes since the last look can be
// told, a handover can be written and sessions seen before are found with
// no request. It knows the contract's types and nothing of terminals.
//
// A *Store never stops cxi: Open answers a nil *Store when there is nothing
// to remember with (a read-only directory, a full disk, a store of a newer
// cxi), with a notice that says why; every method of a nil *Store does
// nothing and returns no error, as if the store were empty. A damaged file
// is moved aside and a fresh store used: damage SQLite finds at start at
// once, damage it finds later (in a page only some read touches) at the
// next start, the read itself failing. A disk that fills up while cxi runs
// turns the store off the same way, the first write that fails saying so
// (*NotRememberingError), Stopped saying it from then on, and every later
// mark or note failing with it.
//
// The store is pure Go (modernc.org/sqlite): no cgo, so `go run .` keeps
// working everywhere.
package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver
)

// DefaultKeep is how long a session nothing happened to is kept.
const DefaultKeep = 30 * 24 * time.Hour

// busyTimeout is how long a statement waits for another cxi process's
// write to finish before it fails with SQLITE_BUSY. Writes are short (a
// page of 100 sessions takes milliseconds, tens of them on a loaded
// machine), so fifteen seconds is only ever reached by a process that
// hangs holding the lock.
const busyTimeout = 15 * time.Second

// Options says which store to open and how.
type Options struct {
	Dir     string // the directory of the stores (see Dir); required
	BaseURL string // the API's base URL: each base URL and key has a store of its own
	Key     string // the API key; only a salted hash of it reaches the file's name
	Demo    bool   // --demo: a store of its own, whatever BaseURL and Key say

	Now  func() time.Time // the clock for pruning and for a moved-aside file's name; nil is time.Now
	Keep time.Duration    // how long a session nothing happened to is kept; 0 is DefaultKeep

	// Existing opens only a store that is already there (`cxi store` looks
	// without creating one): with no file, Open makes nothing and answers a
	// nil *Store and no notice.
	Existing bool
}

// Store is one organization's store. Its methods are safe for concurrent
// use, and every method of a nil *Store does nothing (see the package doc).
type Store struct {
	db   *sql.DB
	path string
	// off is the first write that found the disk full or read-only: later
	// background writes do nothing instead of failing one by one, and the
	// user's own (a mark, a note) fail with it (see writeOwn).
	off atomic.Pointer[NotRememberingError]
}

// File is the path of the store o names: one file per base URL and API
// key, named by hashes of them. The key's hash is salted with the base URL
// and cut to 80 bits: enough to keep organizations apart, and the key
// itself can neither be read from the name nor looked up in a table of
// hashes made beforehand.
func File(o Options) string {
	if o.Demo {
		return filepath.Join(o.Dir, "demo.sqlite")
	}
	base := normalBaseURL(o.BaseURL)
	u := sha256.Sum256([]byte("cxi store\x00base URL\x00" + base))
	k := sha256.Sum256([]byte("cxi store\x00API key\x00" + base + "\x00" + o.Key))
	return filepath.Join(o.Dir, "org-"+hex.EncodeToString(u[:6])+"-"+hex.EncodeToString(k[:10])+".sqlite")
}

// normalBaseURL is the base URL as the API client uses it: no trailing
// slash, and the scheme and host in lower case, which URLs ignore.
func normalBaseURL(s string) string {
	s = strings.TrimRight(strings.TrimSpace(s), "/")
	if u, err := url.Parse(s); err == nil && u.Host != "" {
		u.Scheme, u.Host = strings.ToLower(u.Scheme), strings.ToLower(u.Host)
		return u.String()
	}
	return s
}

// Open opens the store o names, creating it (0600, in a 0700 directory)
// and bringing its schema up to date, then prunes what is older than
// o.Keep. The notices are for the user, one line each: a directory or file
// made private, a damaged file moved aside, or why nothing is remembered
// this run (then the *Store is nil). The error is only for a mistake of the
// caller's (no Dir); nothing on disk makes Open fail.
func Open(o Options) (*Store, []string, error) {
	if o.Dir == "" {
		return nil, nil, errors.New("store: no directory")
	}
	now := o.Now
	if now == nil {
		now = time.Now
	}
	keep := o.Keep
	if keep <= 0 {
		keep = DefaultKeep
	}
	path := File(o)
	var notices []string
	say := func(n string) {
		if n != "" {
			notices = append(notices, n)
		}
	}
	if o.Existing {
		_, err := os.Lstat(path) // a link there is refused below, not looked through
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil, nil
		}
		if err != nil {
			say(notRemembering(path, err))
			return nil, notices, nil
		}
	}
	if strings.ContainsRune(path, '?') {
		// The driver reads everything after a '?' as its parameters.
		say(notRemembering(path, errors.New("its path holds a '?'")))
		return nil, notices, nil
	}
	n, err := makePrivateDir(o.Dir)
	say(n)
	if err != nil {
		say(notRemembering(o.Dir, err))
		return nil, notices, nil
	}
	s, n, err := openFile(path, now(), now().Add(-keep))
	say(n)
	if err != nil {
		say(notRemembering(path, err))
		return nil, notices, nil
	}
	return s, notices, nil
}

// openFile opens the file at path and prunes it. A file SQLite finds
// damaged, now or in an earlier run (its damage mark), is moved aside,
// with a notice, and a fresh one made in its place.
func openFile(path string, now, cut time.Time) (*Store, string, error) {
	var err error
	if _, merr := os.Lstat(path + damageMark); merr == nil {
		err = errors.New("SQLite found it damaged in an earlier run")
	} else {
		var s *Store
		var n string
		if s, n, err = openPruned(path, cut); !isCorrupt(err) {
			return s, n, err
		}
		err = errors.New(sqliteMessage(err))
	}
	aside := path + ".corrupt-" + now.UTC().Format("20060102T150405Z")
	if rerr := moveAside(path, aside); rerr != nil {
		return nil, "", fmt.Errorf("it is damaged (%v) and could not be moved aside: %w", err, rerr)
	}
	notice := fmt.Sprintf("The local store %s could not be read (%v): moved it aside to %s and started a fresh one.",
		path, err, filepath.Base(aside))
	s, n, err := openPruned(path, cut)
	return s, joinNotices(notice, n), err
}

// damageMark is the file beside a store that says SQLite found it damaged
// while cxi ran, so that the next start moves it aside: damage in a page
// that opening does not read shows only when that page is read.
const damageMark = ".damaged"

// damaged marks the store damaged when err says SQLite found it so, and
// returns err.
func (s *Store) damaged(err error) error {
	if s != nil && isCorrupt(err) {
		s.markDamaged()
	}
	return err
}

// markDamaged leaves the damage mark beside the store: an empty file, made
// without following a link there or emptying a file that is there. At
// worst it cannot be made, and the next start finds the damage itself.
func (s *Store) markDamaged() {
	if f, err := os.OpenFile(s.path+damageMark, os.O_WRONLY|os.O_CREATE|noFollow|nonBlocking, fileMode); err == nil {
		f.Close()
	}
}

// openPruned opens path at the current schema and prunes what nothing
// happened to since cut.
func openPruned(path string, cut time.Time) (*Store, string, error) {
	s, n, err := openVersion(path, SchemaVersion())
	if err != nil {
		return nil, n, err
	}
	if err := s.prune(context.Background(), cut); err != nil {
		s.Close()
		return nil, n, err
	}
	return s, n, nil
}

// openVersion opens path with the schema brought to version upTo (tests
// make stores of older versions with it).
func openVersion(path string, upTo int) (*Store, string, error) {
	notice, err := makePrivateFile(path)
	if err != nil {
		return nil, "", err
	}
	// WAL lets one process read while another writes; immediate
	// transactions take the write lock when they begin, where the busy
	// timeout applies (a deferred one that upgrades a read lock can fail
	// with SQLITE_BUSY at once, whatever the timeout). synchronous=NORMAL
	// is safe with WAL: a crash may lose the last write, never the file.
	dsn := path + fmt.Sprintf("?_pragma=busy_timeout(%d)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(1)&_txlock=immediate",
		busyTimeout.Milliseconds())
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, notice, err
	}
	// One connection: the store's own calls queue in the pool instead of
	// contending for SQLite's lock, which only another process can hold.
	db.SetMaxOpenConns(1)
	ctx := context.Background()
	if err := migrate(ctx, db, upTo); err != nil {
		db.Close()
		return nil, notice, err
	}
	// A header that reads but pages that do not show here rather than in
	// the middle of a session: the newest session's, which the queue's
	// first screen reads next. (Counting the sessions read every page of
	// an index: 1.8 ms of the start at 100,000. Damage elsewhere shows
	// when that page is read, and the next start moves the file aside.)
	var newest string
	err = db.QueryRowContext(ctx, "SELECT id FROM sessions ORDER BY updated_ns DESC, id LIMIT 1").Scan(&newest)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		db.Close()
		return nil, notice, err
	}
	return &Store{db: db, path: path}, notice, nil
}

// moveAside renames a damaged store, and its -wal beside it, out of the
// way; its -shm is only an index of the -wal, and its damage mark has
// served: both are removed.
func moveAside(path, aside string) error {
	if err := os.Rename(path, aside); err != nil {
		return err
	}
	if err := os.Rename(path+"-wal", aside+"-wal"); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	for _, p := range []string{path + "-shm", path + damageMark} {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	return nil
}

// Close closes the store, leaving the query planner's statistics up to
// date for the next run.
func (s *Store) Close() error {
	if s == nil {
		return nil
	}
	_, _ = s.db.Exec("PRAGMA optimize")
	return s.db.Close()
}

// Path is the store's file; "" for a nil *Store.
func (s *Store) Path() string {
	if s == nil {
		return ""
	}
	return s.path
}

// write runs fn in an immediate transaction. When the disk is full or
// read-only it turns the store off: that first failure is returned as a
// *NotRememberingError, and every later write does nothing, silently:
// for what cxi keeps on its own (pages, transcripts, what was seen) the
// user hears of it once, and Stopped tells the header.
func (s *Store) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return s.writeAs(ctx, fn, false)
}

// writeOwn is write for what the user made (a mark, a note): once the
// store is off it fails with the reason every time, for a save that did
// not happen must never be reported as kept.
func (s *Store) writeOwn(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return s.writeAs(ctx, fn, true)
}

func (s *Store) writeAs(ctx context.Context, fn func(tx *sql.Tx) error, own bool) error {
	if s == nil {
		return nil
	}
	if off := s.off.Load(); off != nil {
		if own {
			return off
		}
		return nil
	}
	err := s.damaged(s.inTx(ctx, fn))
	if !isDiskProblem(err) {
		return err
	}
	nr := &NotRememberingError{Path: s.path, Err: err}
	if s.off.CompareAndSwap(nil, nr) || own {
		return s.off.Load()
	}
	return nil
}

// Stopped is why the store stopped remembering while cxi ran (a full or
// read-only disk, as a *NotRememberingError), or nil while it still keeps
// what it is given. A nil *Store never started: it has nothing to say here.
func (s *Store) Stopped() error {
	if s == nil {
		return nil
	}
	if off := s.off.Load(); off != nil {
		return off
	}
	return nil
}

func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

func joinNotices(a, b string) string {
	if b == "" {
		return a
	}
	return a + " " + b
}
