package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/resolve"
)

// MaxFound is the most sessions Find and Search answer: more than a picker
// is worth scrolling through.
const MaxFound = 50

// Found is a kept session that a lookup found.
type Found struct {
	Session   api.Session
	FetchedAt time.Time // when cxi last had it from the API ("seen 3h ago")
}

// finder collects the parts of one lookup, each a query of session rids
// with its arguments, to run as one UNION.
type finder struct {
	parts []string
	args  []any
}

func (f *finder) idents(kind string, values ...string) {
	marks := strings.TrimSuffix(strings.Repeat("?,", len(values)), ",")
	f.parts = append(f.parts, "SELECT session FROM idents WHERE kind = ? AND value IN ("+marks+")")
	f.args = append(f.args, kind)
	for _, v := range values {
		f.args = append(f.args, v)
	}
}

// identPrefix finds the idents of a kind that start with prefix. The upper
// bound is the prefix followed by the largest code point, so the range is
// what an index reads and no LIKE or GLOB metacharacter needs escaping.
func (f *finder) identPrefix(kind, prefix string) {
	f.parts = append(f.parts, "SELECT session FROM idents WHERE kind = ? AND value >= ? AND value < ?")
	f.args = append(f.args, kind, prefix, prefix+string(unicode.MaxRune))
}

func (f *finder) idPrefix(prefix string) {
	f.parts = append(f.parts, "SELECT rid FROM sessions WHERE id >= ? AND id < ?")
	f.args = append(f.args, prefix, prefix+"~") // '~' sorts after every hex digit and '-'
}

// Find looks q up among the kept sessions, by the identifiers an index
// holds: a session ID or the start of one (eight hex digits or more,
// whatever q's Kind), a ticket reference (external_id in any case, or the
// ticket number), an email, a phone number (ending in the digits given),
// or a name (the start of the name or of one of its words, in any case).
// A phone number that matches no phone is tried as a ticket number, and a
// session ID as a ticket reference, as resolve does. At most MaxFound,
// newest activity first.
func (s *Store) Find(ctx context.Context, q resolve.Query) ([]Found, error) {
	if s == nil {
		return nil, nil
	}
	f := lookupOf(q)
	if q.Kind == resolve.KindPhone {
		found, err := s.found(ctx, f)
		if len(found) > 0 || err != nil {
			return found, err
		}
		f = finder{}
		f.idents(identTicket, ticketKeys(strings.TrimPrefix(q.Value, "#"))...)
	}
	return s.found(ctx, f)
}

// lookupOf is Find's first lookup for q (for a phone number, the one
// before it is tried as a ticket number).
func lookupOf(q resolve.Query) finder {
	var f finder
	if p, ok := idPrefix(q.Value); ok && q.Kind != resolve.KindEmail {
		f.idPrefix(p)
	}
	switch q.Kind {
	case resolve.KindID:
		f.idents(identTicket, ticketKey(q.Value))
	case resolve.KindTicket:
		f.idents(identTicket, ticketKeys(strings.TrimPrefix(q.Value, "#"))...)
	case resolve.KindEmail:
		f.idents(identEmail, emailKey(q.Value))
	case resolve.KindPhone:
		if key := phoneKey(q.Value); len(key) >= 7 {
			f.identPrefix(identPhone, key)
		}
	case resolve.KindName:
		if key := nameKey(q.Value); key != "" {
			f.identPrefix(identName, key)
		}
	}
	return f
}

// FindText classifies text as the input does (resolve.Classify) and finds
// it with Find; text that resolve would not search for (blank, or an ID the
// contract rejects) finds nothing.
func (s *Store) FindText(ctx context.Context, text string) ([]Found, error) {
	q, err := resolve.Classify(text)
	if err != nil {
		return nil, nil
	}
	return s.Find(ctx, q)
}

// found runs the lookup's parts and reads the sessions they name.
func (s *Store) found(ctx context.Context, f finder) ([]Found, error) {
	if len(f.parts) == 0 {
		return nil, nil
	}
	query, args := f.sql()
	return s.readFound(ctx, query, args...)
}

// sql is the lookup as one statement and its arguments. The newest
// MaxFound hits are chosen first, by their sort keys alone, and only
// their bodies read: an email or a name can match thousands of sessions,
// and sorting their whole rows to keep fifty cost five times as much.
func (f finder) sql() (string, []any) {
	query := "SELECT doc, raw, fetched_ns FROM sessions WHERE rid IN (SELECT rid FROM sessions WHERE rid IN (" +
		strings.Join(f.parts, " UNION ") + ") ORDER BY updated_ns DESC, id LIMIT ?) ORDER BY updated_ns DESC, id"
	return query, append(slices.Clip(f.args), MaxFound)
}

// readFound reads (doc, raw, fetched_ns) rows as Found.
func (s *Store) readFound(ctx context.Context, query string, args ...any) ([]Found, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, s.damaged(fmt.Errorf("look up the kept sessions: %w", err))
	}
	defer rows.Close()
	var out []Found
	for rows.Next() {
		var doc, raw []byte
		var fetched int64
		if err := rows.Scan(&doc, &raw, &fetched); err != nil {
			return nil, err
		}
		sess, err := decodeSession(doc, raw)
		if err != nil {
			return nil, err
		}
		out = append(out, Found{Session: *sess, FetchedAt: fromNano(fetched)})
	}
	return out, s.damaged(rows.Err())
}

// Search finds the kept sessions whose handoff summary or kept transcript
// mentions every one of words, in any case and form ("refund" finds
// "refunds"; the porter stemmer), a word in the summary and another in the
// transcript as well. Words are only words: quotes, stars and FTS5's
// operators are matched as text, never obeyed. At most MaxFound, newest
// activity first.
func (s *Store) Search(ctx context.Context, words string) ([]Found, error) {
	if s == nil {
		return nil, nil
	}
	terms := searchTerms(words)
	if len(terms) == 0 {
		return nil, nil
	}
	query, args := searchSQL(terms)
	return s.readFound(ctx, query, args...)
}

// searchSQL is the search for terms (not empty) as one statement and its
// arguments.
func searchSQL(terms []string) (string, []any) {
	// Each term is matched on its own and the sessions intersected, so
	// that the words may be spread over a session's two documents.
	parts := make([]string, len(terms))
	args := make([]any, 0, len(terms)+1)
	for i, t := range terms {
		parts[i] = "SELECT rowid / 2 FROM search WHERE search MATCH ?"
		args = append(args, t)
	}
	// "+rid" keeps SQLite from reading every hit's row to sort them: it
	// walks the activity index instead, newest first, and stops at the
	// MaxFound-th hit (a common word hits thousands of transcripts).
	query := "SELECT doc, raw, fetched_ns FROM sessions WHERE +rid IN (" + strings.Join(parts, " INTERSECT ") + ") ORDER BY updated_ns DESC, id LIMIT ?"
	return query, append(args, MaxFound)
}

// searchTerms splits words into FTS5 strings ("refund"), each a phrase of
// its word's tokens; what has no letter or digit is dropped, as the
// tokenizer would drop it and an empty phrase is an error.
func searchTerms(words string) []string {
	var out []string
	for _, w := range strings.Fields(words) {
		if !strings.ContainsFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			continue
		}
		out = append(out, `"`+strings.ReplaceAll(w, `"`, `""`)+`"`)
	}
	return out
}
