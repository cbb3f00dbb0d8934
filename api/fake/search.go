package fake

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// SearchLimit is the most contacts, and the most messages, one answer of
// GET /chat/sessions/search carries.
const SearchLimit = 20

// searchIndex is what GET /chat/sessions/search looks through: every
// distinct contact of the listed sessions and every message of their
// histories. Built from one index, and like it never changed afterwards, so
// handlers read it without the lock.
type searchIndex struct {
	contacts []searchContact // sorted as answered: by name (named first), then id
	messages []searchMessage // listed sessions in list order, events in order
}

// searchContact is a contact as the search answers it, with the folded
// forms it is matched by.
type searchContact struct {
	ID    string  `json:"id"`
	Name  *string `json:"name"`
	Email *string `json:"email"`
	Phone *string `json:"phone"`

	fold   []string // name, email and phone, lower-cased
	digits string   // the phone's digits only
}

// searchMessage is a message as the search answers it.
type searchMessage struct {
	ID        string `json:"id,omitempty"` // absent where the history gave the message none, as there
	SessionID string `json:"session_id"`
	Message   string `json:"message"`
	Type      string `json:"type"` // the sender type

	fold string
}

// searchBody is the answer. Both slices are non-nil, so that no match is
// [] and not null.
type searchBody struct {
	Contacts []searchContact `json:"contacts"`
	Messages []searchMessage `json:"messages"`
}

// WithSearchFault installs f for every GET /chat/sessions/search request.
// WithoutFaults does not remove it; ClearSearchFault does.
func WithSearchFault(f Fault) Option {
	return func(s *Server) {
		f = f.clone()
		s.mu.Lock()
		defer s.mu.Unlock()
		s.searchFault = &f
	}
}

// ClearSearchFault removes the search fault, for requests that arrive
// afterwards.
func (s *Server) ClearSearchFault() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.searchFault = nil
}

// searchFaultNow returns the search fault, if any.
func (s *Server) searchFaultNow() (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.searchFault == nil {
		return Fault{}, false
	}
	return *s.searchFault, true
}

// serveSearch answers GET /chat/sessions/search: the search fault if there
// is one, else the matches or 400 without a query.
func (s *Server) serveSearch(w http.ResponseWriter, r *http.Request) {
	f, faulty := s.searchFaultNow()
	switch {
	case faulty && f.replacesAnswer():
		serveFault(w, r, f, answer{})
	case faulty:
		serveFault(w, r, f, s.searchAnswer(r.URL.Query()))
	default:
		a := s.searchAnswer(r.URL.Query())
		writeJSON(w, a.status, a.body)
	}
}

// searchAnswer matches query against the index:
//
//   - a contact matches when its name, email or phone number contains the
//     query, ignoring case; or, for a query written like a phone number
//     (digits and + - ( ) . / spaces only), when the phone's digits contain
//     the query's digits, so "+1 415 555 0134" and "4155550134" find the
//     same contact;
//   - a message matches when its text contains the query, ignoring case.
//
// At most SearchLimit of each, in the index's order. The query is the
// contract's `q`: without it, or with it empty, the answer is 400 in the
// words of the API's schema validation (Fastify's), naming the parameter,
// so a client that sends anything else fails here as it would there. A
// query of blanks passes that validation and matches nothing.
func (s *Server) searchAnswer(params url.Values) answer {
	if !params.Has("q") {
		return errorAnswer(http.StatusBadRequest, "querystring must have required property 'q'")
	}
	query := strings.TrimSpace(params.Get("q"))
	if params.Get("q") == "" {
		return errorAnswer(http.StatusBadRequest, "querystring/q must NOT have fewer than 1 characters")
	}
	if query == "" {
		return answer{http.StatusOK, []byte(`{"contacts":[],"messages":[]}`)}
	}
	idx := s.searchIndexNow()
	fold := strings.ToLower(query)
	digits := ""
	if phoneLike(query) {
		digits = digitsOf(query)
	}
	res := searchBody{Contacts: []searchContact{}, Messages: []searchMessage{}}
	for _, c := range idx.contacts {
		if len(res.Contacts) == SearchLimit {
			break
		}
		if c.matches(fold, digits) {
			res.Contacts = append(res.Contacts, c)
		}
	}
	for _, m := range idx.messages {
		if len(res.Messages) == SearchLimit {
			break
		}
		if strings.Contains(m.fold, fold) {
			res.Messages = append(res.Messages, m)
		}
	}
	body, err := json.Marshal(res)
	if err != nil {
		panic(err) // strings and string pointers always marshal
	}
	return answer{http.StatusOK, body}
}

// matches reports whether the contact matches the folded query, or its
// phone the query's digits ("" when the query is not a phone number).
func (c searchContact) matches(fold, digits string) bool {
	if digits != "" && strings.Contains(c.digits, digits) {
		return true
	}
	return slices.ContainsFunc(c.fold, func(f string) bool { return strings.Contains(f, fold) })
}

// phoneLike reports whether q is written like a phone number: at least one
// digit, and nothing but digits and the punctuation people type in them.
func phoneLike(q string) bool {
	hasDigit := false
	for _, r := range q {
		switch {
		case r >= '0' && r <= '9':
			hasDigit = true
		case strings.ContainsRune("+-()./ ", r):
		default:
			return false
		}
	}
	return hasDigit
}

// digitsOf returns the ASCII digits of s.
func digitsOf(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// searchIndexNow returns the search index, building it on first use: it
// writes every listed session's transcript, which only a search needs. A
// write swaps the index, and the next search builds again from the new one,
// so a redacted text is never found again.
// Warm builds what the first request would otherwise build: the catalog's
// index and the search index over every history. Start calls it; a test
// serving the handler through httptest may too.
func (s *Server) Warm() { s.searchIndexNow() }

func (s *Server) searchIndexNow() *searchIndex {
	c := s.indexNow()
	s.searchMu.Lock()
	defer s.searchMu.Unlock()
	if s.search == nil || s.searchOf != c {
		s.search, s.searchOf = buildSearchIndex(c, s.content), c
	}
	return s.search
}

// buildSearchIndex indexes the listed sessions, so that every contact the
// search returns is the contact of at least one session of the list (the
// catalog's inserts, which a client may not decode, are not searched). A contact is
// known by its id; the first session naming it, in list order, gives its
// fields.
func buildSearchIndex(c *index, content Catalog) *searchIndex {
	idx := &searchIndex{}
	seen := make(map[string]bool)
	for _, e := range c.listed {
		if sc, ok := contactOf(e.item); ok && !seen[sc.ID] {
			seen[sc.ID] = true
			idx.contacts = append(idx.contacts, sc)
		}
		for _, raw := range e.events(content) {
			ev, ok := messageOf(raw)
			if !ok {
				continue
			}
			idx.messages = append(idx.messages, searchMessage{
				ID: ev.ID, SessionID: e.view.ID, Message: ev.Event.Content.Text,
				Type: ev.Event.Sender.Type, fold: strings.ToLower(ev.Event.Content.Text),
			})
		}
	}
	slices.SortFunc(idx.contacts, byNameThenID)
	return idx
}

// contactOf reads the contact of a list item, leniently: a field of an
// unexpected type is left null (as in newEntry). A contact without an id
// is not a contact the search can return.
func contactOf(item []byte) (searchContact, bool) {
	var v struct {
		Contact *struct {
			ID          string  `json:"id"`
			Name        *string `json:"name"`
			Email       *string `json:"email"`
			PhoneNumber *string `json:"phone_number"`
		} `json:"contact"`
	}
	_ = json.Unmarshal(item, &v) // the item is valid JSON; a type error leaves zeros
	if v.Contact == nil || v.Contact.ID == "" {
		return searchContact{}, false
	}
	sc := searchContact{ID: v.Contact.ID, Name: v.Contact.Name, Email: v.Contact.Email, Phone: v.Contact.PhoneNumber}
	for _, f := range []*string{sc.Name, sc.Email, sc.Phone} {
		if f != nil {
			sc.fold = append(sc.fold, strings.ToLower(*f))
		}
	}
	if sc.Phone != nil {
		sc.digits = digitsOf(*sc.Phone)
	}
	return sc, true
}

// byNameThenID orders contacts by name, those without one last, then by id.
func byNameThenID(a, b searchContact) int {
	switch {
	case a.Name == nil && b.Name != nil:
		return 1
	case a.Name != nil && b.Name == nil:
		return -1
	case a.Name != nil && b.Name != nil:
		if c := strings.Compare(*a.Name, *b.Name); c != 0 {
			return c
		}
	}
	return strings.Compare(a.ID, b.ID)
}
