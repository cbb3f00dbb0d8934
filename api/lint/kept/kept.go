// Package kept gathers what the integrity rules read beside a session
// from the local store: the kept transcript, rating and handoff time, and
// the contact's other kept sessions. The TUI and cxi lint both call it, so
// that a flag means the same in both; it sends no request.
package kept

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/lint"
	"github.com/opencx-tools/cxi/api/resolve"
	"github.com/opencx-tools/cxi/api/store"
)

// Store is what Inputs reads of the local store; *store.Store has it.
type Store interface {
	HandoffReasons(ctx context.Context, ids []string) (map[string]store.HandoffWhy, error)
	History(ctx context.Context, id string) (events []api.Event, at time.Time, complete bool, ok bool, err error)
	CSAT(ctx context.Context, sessionID string) (store.Rating, bool, error)
	Find(ctx context.Context, q resolve.Query) ([]store.Found, error)
}

// Inputs builds the rules' input of each session: what st keeps of it
// (nothing when st is nil: the rules that need kept data then say
// nothing), the schedule (nil when unknown), and as the others every
// session given and every kept session of the same contact's email or
// phone. A store error ends it: a flag read from half a store would be a
// guess.
func Inputs(ctx context.Context, st Store, sessions []api.Session, schedule *api.OfficeHours, now time.Time) ([]lint.Input, error) {
	ids := make([]string, len(sessions))
	for i := range sessions {
		ids[i] = sessions[i].ID
	}
	byContact := contactIndex(sessions)
	if st == nil || isNilStore(st) {
		out := make([]lint.Input, len(sessions))
		for i := range sessions {
			out[i] = lint.Input{Session: &sessions[i], Schedule: schedule, Now: now, Others: byContact.of(sessions, &sessions[i])}
		}
		return out, nil
	}
	why, err := st.HandoffReasons(ctx, ids)
	if err != nil {
		return nil, err
	}
	contacts := map[string][]api.Session{} // a contact's kept sessions, by the lookup that found them
	out := make([]lint.Input, len(sessions))
	for i := range sessions {
		s := &sessions[i]
		in := lint.Input{Session: s, Schedule: schedule, Now: now, Others: byContact.of(sessions, s)}
		events, _, complete, ok, err := st.History(ctx, s.ID)
		if err != nil {
			return nil, err
		}
		if ok {
			in.Transcript, in.TranscriptComplete = events, complete
			if in.Transcript == nil {
				in.Transcript = []api.Event{}
			}
		}
		r, ok, err := st.CSAT(ctx, s.ID)
		if err != nil {
			return nil, err
		}
		if ok && r.Rated {
			in.Rating = r.Score
		}
		in.HandedOffAt = why[strings.ToLower(s.ID)].At
		more, err := sameContact(ctx, st, s.Contact, contacts)
		if err != nil {
			return nil, err
		}
		in.Others = append(in.Others, more...)
		out[i] = in
	}
	return out, nil
}

// sameContact finds the kept sessions of c's email and phone, each lookup
// once per call of Inputs (memo).
func sameContact(ctx context.Context, st Store, c *api.Contact, memo map[string][]api.Session) ([]api.Session, error) {
	if c == nil {
		return nil, nil
	}
	var qs []resolve.Query
	if c.Email != nil && strings.TrimSpace(*c.Email) != "" {
		qs = append(qs, resolve.Query{Kind: resolve.KindEmail, Value: *c.Email})
	}
	if c.PhoneNumber != nil && strings.TrimSpace(*c.PhoneNumber) != "" {
		qs = append(qs, resolve.Query{Kind: resolve.KindPhone, Value: *c.PhoneNumber})
	}
	var out []api.Session
	for _, q := range qs {
		key := fmt.Sprintf("%d %s", q.Kind, strings.ToLower(q.Value))
		found, ok := memo[key]
		if !ok {
			list, err := st.Find(ctx, q)
			if err != nil {
				return nil, err
			}
			for _, f := range list {
				found = append(found, f.Session)
			}
			memo[key] = found
		}
		out = append(out, found...)
	}
	return out, nil
}

// contacts indexes sessions by what makes two of them one contact's (the
// contact ID, the email, the phone's digits), so that each session's
// Others are its contact's few and not every session loaded: the rule
// compares each pair it is given, which over 2,000 sessions was 4 million
// comparisons a check.
type contacts map[string][]int

func contactKeys(c *api.Contact) []string {
	if c == nil {
		return nil
	}
	var keys []string
	if c.ID != "" {
		keys = append(keys, "i"+strings.ToLower(c.ID))
	}
	if c.Email != nil && strings.TrimSpace(*c.Email) != "" {
		keys = append(keys, "e"+strings.ToLower(strings.TrimSpace(*c.Email)))
	}
	if c.PhoneNumber != nil {
		var d strings.Builder
		for _, r := range *c.PhoneNumber {
			if r >= '0' && r <= '9' {
				d.WriteRune(r)
			}
		}
		if d.Len() >= 7 {
			keys = append(keys, "p"+d.String())
		}
	}
	return keys
}

func contactIndex(sessions []api.Session) contacts {
	idx := contacts{}
	for i := range sessions {
		for _, k := range contactKeys(sessions[i].Contact) {
			idx[k] = append(idx[k], i)
		}
	}
	return idx
}

// of is the sessions that share a key with s's contact (s among them: the
// rule leaves it out), each once.
func (idx contacts) of(sessions []api.Session, s *api.Session) []api.Session {
	var out []api.Session
	seen := map[int]bool{}
	for _, k := range contactKeys(s.Contact) {
		for _, i := range idx[k] {
			if !seen[i] {
				seen[i] = true
				out = append(out, sessions[i])
			}
		}
	}
	return out
}

// isNilStore reports a nil *store.Store inside the interface: a store
// that is off, whose methods answer nothing.
func isNilStore(st Store) bool {
	s, ok := st.(*store.Store)
	return ok && s == nil
}

// Schedule picks the office hours the no-reply rule counts in: the first
// schedule with shifts, nil when there is none. The API does not say which
// schedule a session's team follows, so one organization-wide schedule is
// assumed.
func Schedule(all []api.OfficeHours) *api.OfficeHours {
	for i := range all {
		if len(all[i].Shifts) > 0 {
			return &all[i]
		}
	}
	return nil
}
