package resolve

import (
	"context"
	"fmt"
	"strings"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/plural"
)

// walkPages is the most list pages one pass of a walk reads: a lookup
// reads at most three passes, a small share of the 100 requests a minute.
const walkPages = 4

// pass is one read of the list: the newest sessions, or those of one
// status.
type pass struct {
	status   api.Status // "" for the newest of every status
	scanned  int
	pages    int
	complete bool // the list ran out: every session of the pass was read
}

// walk is what a walk read, pass by pass, for the account of a lookup.
type walk []pass

// walkList reads the list for the sessions match accepts, each once. It
// reads the newest sessions first; unless that reached the end, it then
// reads the open sessions and the unresolved ones on their own: a person
// whose open session is older than the newest pages must not look as if
// they had none, and those lists are short. With first, it stops at the
// first page with a match (a ticket reference names one session).
func walkList(ctx context.Context, c Client, match func(*api.Session) bool, first bool) ([]api.Session, walk, error) {
	var found []api.Session
	seen := map[string]bool{}
	var w walk
	for _, status := range []api.Status{"", api.StatusOpen, api.StatusClosedUnresolved} {
		if len(w) == 1 && w[0].complete || first && len(found) > 0 {
			break
		}
		p := pass{status: status}
		params := api.ListParams{Status: status}
		for p.pages < walkPages {
			page, err := c.ListSessions(ctx, params)
			if err != nil {
				return nil, w, err
			}
			p.pages++
			p.scanned += len(page.Items)
			for i := range page.Items {
				s := &page.Items[i]
				if !seen[strings.ToLower(s.ID)] && match(s) {
					seen[strings.ToLower(s.ID)] = true
					found = append(found, *s)
				}
			}
			if page.Next == "" {
				p.complete = true
				break
			}
			if first && len(found) > 0 {
				break
			}
			params.Cursor = page.Next
		}
		w = append(w, p)
	}
	return found, w, nil
}

// String says what the walk read: "all 40 sessions (2 pages)", "the newest
// 100 (4 pages), all 38 open (2 pages), the first 100 unresolved (4 pages)".
func (w walk) String() string {
	parts := make([]string, len(w))
	for i, p := range w {
		what := ""
		switch p.status {
		case "":
			what = "the newest " + fmt.Sprint(p.scanned)
			if p.complete {
				what = "all " + plural.Count(p.scanned, "session")
			}
		case api.StatusClosedUnresolved:
			what = p.amount() + " unresolved"
		default:
			what = p.amount() + " " + string(p.status)
		}
		parts[i] = what + " (" + plural.Count(p.pages, "page") + ")"
	}
	return strings.Join(parts, ", ")
}

func (p pass) amount() string {
	if p.complete {
		return fmt.Sprint("all ", p.scanned)
	}
	return fmt.Sprint("the first ", p.scanned)
}
