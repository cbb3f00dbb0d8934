package demo

import (
	"encoding/json"
	"math/rand/v2"
	"time"

	"github.com/opencx-tools/cxi/api/fake"
)

// The two deliberately malformed items of the unfiltered list. The list
// endpoints' shapes are less certain than the session contract, so the
// client decodes items one by one and reports the ones it cannot read; these
// items let tests and the demo show that. They sit at fixed 0-based positions
// of the unfiltered list (pages 1 and 2 at the default page size of 25, or at
// the end of a shorter list), are left out of any filtered list and of
// the server's SessionIDs, and go away with WithoutOddItems.
const (
	// OddTicketIndex is where the session whose ticket_number is the JSON
	// string "4471" (not a number) sits.
	OddTicketIndex = 7
	// CorruptedIndex is where the item that is not an object at all, the
	// JSON string "corrupted", sits.
	CorruptedIndex = 40

	// IDOddTicket is the session at OddTicketIndex. GET and history serve
	// it like any other session, string ticket_number included.
	IDOddTicket = "44710dd0-7a1c-4e2b-9f3d-2c5b8e6a1f47"
)

// corruptedItem is the item at CorruptedIndex.
const corruptedItem = `"corrupted"`

// oddSeed seeds the odd session apart from the generated ones, so that
// adding it never changes them.
const oddSeed1, oddSeed2 = 4471, 40

// oddItems returns both odd items as inserts into the unfiltered list. The
// odd session copies the timestamps of the item before it, so that the
// list stays in updated_at order around it.
func oddItems(now time.Time, listed []fake.Listed) []fake.Insert {
	created, updated := now.Add(-time.Hour), now
	if len(listed) > 0 {
		prev := listed[min(OddTicketIndex, len(listed))-1]
		if !prev.Updated.IsZero() && !prev.Created.IsZero() {
			created, updated = prev.Created, prev.Updated
		}
	}
	rng := rand.New(rand.NewPCG(oddSeed1, oddSeed2))
	g := newSession(rng, now, 0, topics())
	g.ID = IDOddTicket
	g.TicketNumber = json.RawMessage(`"4471"`)
	g.CreatedAt, g.UpdatedAt = stamp(created), stamp(updated)
	return []fake.Insert{
		{At: OddTicketIndex, Item: g.body(), ID: IDOddTicket},
		{At: CorruptedIndex, Item: []byte(corruptedItem)},
	}
}
