package queue

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/packed"
	"github.com/opencx-tools/cxi/ui/render"
)

// row is a loaded session as the list keeps it: what the row shows and
// sorts by, and the session's body packed. A queue holds a month of an
// organization's sessions, so a row keeps no decoded session: the few
// that are opened, previewed or acted on are decoded from the body (see
// decoded.go). A row is never changed once made; a fresher copy of its
// session is a new row. That lets a search read the rows in its command
// while Update goes on (see loaded.go), and the caches key by the row.
type row struct {
	id       string // shares search's bytes when the ID is in lower case, as the API sends it
	body     []byte // the session as the API sent it, packed (api/packed)
	*rowKind        // the cells this row shares with many others
	contact  string // the CONTACT cell
	ticket   string // the TICKET cell
	// search is what the text filter and a search of the queue read, in
	// lower case, each field ended by a NUL: the ID and the cells shown
	// (the filter reads them, up to filterEnd), then the contact's other
	// fields and the ticket's parts that only a search compares.
	search    string
	bytes     byteSet // the bytes of search up to filterEnd: a text with a byte not among them is not there
	filterEnd int32
	contactW  int32 // cells, for the column widths
	ticketW   int32
	made      bool  // the body is cxi's encoding: the session came without the API's (see bodyOf)
	nul       bool  // a field held a NUL, which search cannot keep: a search of the queue decodes the row
	updated   stamp // updated_at
	created   stamp // created_at, for the header's pulse (Facts)
}

// The fields of row.search, in order.
const (
	keyID = iota
	keyContact
	keyTicket
	keyEmail
	keyPhone
	keyName
	// Past filterEnd: what only a search of the queue compares.
	keyUnverifiedEmail
	keyUnverifiedName
	keyExternalID
	keyTicketNumber
	keyCount
)

// newRow makes s's row, interning its shared cells in kinds. It packs the
// body (tens of microseconds): a page's rows are made in the command that
// fetched it (rowsOf), never in Update.
func newRow(kinds *kindTable, s *api.Session) *row { return makeRow(kinds, s, packed.Pack(bodyOf(s))) }

// unpackedRow is s's row with the body kept as it is (Unpack reads it as
// itself): for the few hundred rows the store gives before the first
// frame, which packing would delay by a frame or more. The API's first
// page replaces them with packed rows.
func unpackedRow(kinds *kindTable, s *api.Session) *row { return makeRow(kinds, s, bodyOf(s)) }

func makeRow(kinds *kindTable, s *api.Session, body []byte) *row {
	r := &row{
		body:    body,
		made:    len(s.Raw) == 0,
		rowKind: kinds.of(s),
		contact: render.Contact(s.Contact),
		ticket:  render.Ticket(s),
	}
	r.updated, r.created = stampOf(s.UpdatedAt), stampOf(s.CreatedAt)
	r.contactW, r.ticketW = int32(render.Width(r.contact)), int32(render.Width(r.ticket))
	var f [keyCount]string
	f[keyID], f[keyTicket] = s.ID, r.ticket
	if c := s.Contact; c != nil {
		f[keyEmail], f[keyPhone], f[keyName] = deref(c.Email), deref(c.PhoneNumber), deref(c.Name)
		f[keyUnverifiedEmail], f[keyUnverifiedName] = deref(c.NonVerifiedEmail), deref(c.NonVerifiedName)
	}
	// The contact cell is one of the contact's fields, as shown: kept
	// again only when showing it changed it (or it is the dash).
	if lc := strings.ToLower(r.contact); lc != strings.ToLower(f[keyEmail]) && lc != strings.ToLower(f[keyPhone]) && lc != strings.ToLower(f[keyName]) {
		f[keyContact] = r.contact
	}
	if t := s.TicketingSystem; t != nil {
		f[keyExternalID] = t.ExternalID
	}
	if n := s.TicketNumber; n != nil {
		if lit, err := n.MarshalJSON(); err == nil {
			f[keyTicketNumber] = string(lit)
		}
	}
	// Sized once: grown by doubling, the builder's string would keep up
	// to twice its length, for every row the queue holds.
	n := len(f)
	for _, v := range f {
		n += len(v)
	}
	var b strings.Builder
	b.Grow(n)
	for i, v := range f {
		if strings.Contains(v, "\x00") { // a NUL ends a field
			v, r.nul = strings.ReplaceAll(v, "\x00", ""), true
		}
		b.WriteString(strings.ToLower(v))
		b.WriteByte(0)
		if i == keyName {
			r.filterEnd = int32(b.Len())
		}
	}
	r.search = b.String()
	r.bytes = byteSetOf(r.search[:r.filterEnd])
	r.id = s.ID
	if lid, _, _ := strings.Cut(r.search, "\x00"); lid == s.ID {
		r.id = lid // one copy of the ID, not two
	}
	r.contact, r.ticket = inSearch(r.search, r.contact), inSearch(r.search, r.ticket)
	return r
}

// rowsOf makes the rows of sessions, in their order.
func rowsOf(kinds *kindTable, sessions []api.Session) []*row {
	out := make([]*row, len(sessions))
	for i := range sessions {
		out[i] = newRow(kinds, &sessions[i])
	}
	return out
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// fields splits r.search into its fields, sharing its bytes.
func (r *row) fields(f *[keyCount]string) {
	rest := r.search
	for i := range f {
		f[i], rest, _ = strings.Cut(rest, "\x00")
	}
}

// bodyOf is the session's body as the API sent it. A session cxi made
// itself (a test's, or one kept before bodies were) has none: it is
// encoded, with its times written out as the API writes them, so that it
// decodes to the same session; decoded, it again has no body (Raw), so
// that the raw view says it shows cxi's decoding, not the API's answer.
func bodyOf(s *api.Session) []byte {
	if len(s.Raw) > 0 {
		return s.Raw
	}
	c := *s
	c.CreatedAt, c.UpdatedAt = written(c.CreatedAt), written(c.UpdatedAt)
	b, err := json.Marshal(c)
	if err != nil {
		return nil // decode then says so: see decode
	}
	return b
}

// written gives a parsed time its text, when it has none.
func written(t api.Timestamp) api.Timestamp {
	if t.Raw == "" && t.Valid() {
		t.Raw = t.Time.Format(time.RFC3339Nano)
	}
	return t
}

// decode is the whole session the row was made from.
func (r *row) decode() (*api.Session, error) {
	body, err := packed.Unpack(r.body)
	if err != nil {
		return nil, fmt.Errorf("session %s: %w", r.id, err)
	}
	if !packed.Packed(r.body) {
		body = bytes.Clone(body) // kept as itself: the session must not share the row's bytes
	}
	var s api.Session
	if err := json.Unmarshal(body, &s); err != nil {
		return nil, fmt.Errorf("session %s: its kept body does not decode: %w", r.id, err)
	}
	if !r.made {
		s.Raw = body
	}
	return &s, nil
}

// updatedAt is the row's updated_at as a Timestamp, for render.Since.
func (r *row) updatedAt() api.Timestamp { return api.Timestamp{Time: r.updated.time()} }

// stamp is a time in nanoseconds since 1970 (UTC): a third of a
// time.Time, which keeps a zone. Comparing stamps orders them as their
// times; a time that did not parse is the least, as the zero time is.
type stamp int64

// noStamp is a time that did not parse.
const noStamp = stamp(math.MinInt64)

// The times a stamp holds: UnixNano is defined from 1678 to 2262. A time
// beyond is held at the nearest end, still in order with the others.
var (
	firstStamp = time.Unix(0, math.MinInt64+1)
	lastStamp  = time.Unix(0, math.MaxInt64)
)

func stampOf(t api.Timestamp) stamp {
	switch {
	case !t.Valid():
		return noStamp
	case t.Time.Before(firstStamp):
		return stamp(firstStamp.UnixNano())
	case t.Time.After(lastStamp):
		return stamp(lastStamp.UnixNano())
	}
	return stamp(t.Time.UnixNano())
}

// time is the stamp's time in UTC; the zero time for noStamp.
func (s stamp) time() time.Time {
	if s == noStamp {
		return time.Time{}
	}
	return time.Unix(0, int64(s)).UTC()
}

// slim fills s with what the list's filters compare (status, channel,
// handoff, updated_at), from the row alone.
func (r *row) slim(s *api.Session, handoff *api.Handoff) {
	*s = api.Session{ID: r.id, Status: r.rawStatus, Channel: api.Channel{Type: r.channelType}, UpdatedAt: r.updatedAt()}
	if r.handedOff {
		s.Handoff = handoff
	}
}

// byteSet is which bytes a text holds, a few to a bit: ASCII letters and
// digits one each, other ASCII bytes by twenties, every byte of a
// multi-byte character on the last bit. The first character of a filter
// reads every row; most rows lack it, and this answers for them without
// reading their text.
type byteSet uint64

func byteBit(b byte) byteSet {
	switch {
	case b >= 'a' && b <= 'z':
		return 1 << (b - 'a')
	case b >= '0' && b <= '9':
		return 1 << (26 + b - '0')
	case b < 0x80:
		return 1 << (36 + b%20)
	}
	return 1 << 63
}

func byteSetOf(s string) byteSet {
	var set byteSet
	for i := 0; i < len(s); i++ {
		set |= byteBit(s[i])
	}
	return set
}

// mayHold reports whether a text whose bytes are want can be in the text
// set was made from.
func (set byteSet) mayHold(want byteSet) bool { return set&want == want }

// pooled puts the rows' search texts side by side in one block, in their
// order, for rows just made: a filter keystroke that reads every row's
// text then reads memory in order, where each text made on its own lies
// beside its row's packed body, a cache miss apiece. The block lives as
// long as any of its rows, so it is for pages that are kept whole (paging
// on), not for those whose rows a refresh soon replaces.
func pooled(rows []*row) {
	n := 0
	for _, r := range rows {
		n += len(r.search)
	}
	var b strings.Builder
	b.Grow(n)
	for _, r := range rows {
		b.WriteString(r.search)
	}
	block, at := b.String(), 0
	for _, r := range rows {
		r.search, at = block[at:at+len(r.search)], at+len(r.search)
		if lid, _, _ := strings.Cut(r.search, "\x00"); lid == r.id {
			r.id = lid // one copy of the ID, not two
		}
		// The cells that shared the row's own text share the block's, or
		// they would keep that text alive beside it.
		r.contact, r.ticket = inSearch(r.search, r.contact), inSearch(r.search, r.ticket)
	}
}
