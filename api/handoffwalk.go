package api

import (
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/opencx-tools/cxi/api/paging"
)

// HandoffWhy is why the AI handed one session off, as the handoff events
// tell it: the reasons of all its handoffs (a session handed off twice
// has both sets), and the explanation and summary of the latest one.
type HandoffWhy struct {
	Reasons     []HandoffReason
	Explanation string
	Summary     string
	At          Timestamp // when the latest handoff happened, as sent
}

// HandoffWalk is what WalkHandoffReasons read: why each session of the
// period was handed off, by session ID (lower case), and what it cost.
type HandoffWalk struct {
	BySession map[string]HandoffWhy
	Requests  int      // pages asked for, the failed one included
	Events    int      // events read
	Skipped   int      // events without a usable session ID, and items that did not decode
	Total     *float64 // the API's count of the period's events, from the first page
}

// WalkHandoffReasons reads every page of the handoff events of p, for the
// queue's time window, into why each session was handed off. The walk is
// ended by the paging guard when the server repeats a cursor or sends
// empty pages without end. On an error the sessions read so far come back
// with it, so that a caller may keep them; the error is the page's own
// (*Error, with a *ScopeError on a 403) or a *paging.StopError.
//
// Cost: one request per page of the API's events (its page size is not
// published; the fake's is 25), all with the ctx given, so a Background
// context walks without holding back what the user waits for.
func (c *Client) WalkHandoffReasons(ctx context.Context, p Period) (*HandoffWalk, error) {
	w := &HandoffWalk{BySession: map[string]HandoffWhy{}}
	var guard paging.Guard
	params := HandoffEventParams{Period: p}
	for {
		w.Requests++
		page, err := c.HandoffEvents(ctx, params)
		if err != nil {
			return w, err
		}
		if w.Requests == 1 {
			w.Total = page.Total
		}
		w.Skipped += len(page.Skipped)
		for _, ev := range page.Items {
			w.Events++
			if !w.add(ev) {
				w.Skipped++
			}
		}
		for _, prob := range page.Problems {
			// Without readable items or next, the walk cannot tell what it
			// missed: better an error than a window silently cut short.
			if strings.HasPrefix(prob, "items") || strings.HasPrefix(prob, "next") {
				return w, &Error{Kind: KindDecode, Op: "handoff events", BaseURL: c.BaseURL(), Err: errors.New(prob)}
			}
		}
		if err := guard.Page(params.Cursor, len(page.Items)+len(page.Skipped), page.Next); err != nil {
			return w, err
		}
		if page.Next == "" {
			return w, nil
		}
		params.Cursor = page.Next
	}
}

// add merges one event into the walk; false when it names no session.
func (w *HandoffWalk) add(ev HandoffEvent) bool {
	id, err := ParseSessionID(ev.SessionID)
	if err != nil || len(strings.TrimSpace(ev.SessionID)) != 36 {
		return false
	}
	id = strings.ToLower(id)
	why := w.BySession[id]
	for _, r := range ev.Reasons {
		if r != "" && !slices.Contains(why.Reasons, r) {
			why.Reasons = append(why.Reasons, r)
		}
	}
	if why.At.Raw == "" || !ev.CreatedAt.Time.Before(why.At.Time) {
		why.At = ev.CreatedAt
		if ev.Explanation != "" {
			why.Explanation = ev.Explanation
		}
		if ev.Summary != "" {
			why.Summary = ev.Summary
		}
	}
	w.BySession[id] = why
	return true
}
