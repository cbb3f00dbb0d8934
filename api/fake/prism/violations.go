package prism

import (
	"encoding/json"
	"net/http"
	"strings"
)

// What Prism 5.16 sends when it finds something wrong, as tried in proxy
// mode with --errors:
//
//   - a request the document refuses: 422 application/problem+json, type
//     ErrorPrefix+"UNPROCESSABLE_ENTITY", the failures in "validation"
//     (locations such as ["query"], ["body","status"]); the request is not
//     forwarded;
//   - an answer from upstream the document refuses: 500
//     application/problem+json, type ErrorPrefix+"VIOLATIONS", the failures
//     in "validation" and again in an sl-violations header (locations such
//     as ["response","body","items","7","ticket_number"]);
//   - without --errors the answer would pass through with only the
//     sl-violations header, which is why the harness runs with it and
//     still reads the header.

// ErrorPrefix begins the "type" of every problem Prism itself answers.
const ErrorPrefix = "https://stoplight.io/prism/errors#"

// Violation is one failure Prism reports.
type Violation struct {
	Location []string `json:"location"`
	Severity string   `json:"severity"`
	Code     any      `json:"code"` // a keyword ("enum") or a number
	Message  string   `json:"message"`
}

// InResponse reports whether the failure is in the answer, not the request.
func (v Violation) InResponse() bool { return len(v.Location) > 0 && v.Location[0] == "response" }

// BodyPointer returns the failure's place in the answer's body as a JSON
// pointer ("/items/7/ticket_number"), "" for the body as a whole or for a
// failure outside it (its media type).
func (v Violation) BodyPointer() string {
	if len(v.Location) < 2 || v.Location[0] != "response" || v.Location[1] != "body" {
		return ""
	}
	var b strings.Builder
	for _, s := range v.Location[2:] {
		b.WriteString("/" + strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1"))
	}
	return b.String()
}

func (v Violation) String() string {
	return strings.Join(v.Location, ".") + ": " + v.Message
}

// problem is Prism's application/problem+json body.
type problem struct {
	Type       string      `json:"type"`
	Title      string      `json:"title"`
	Detail     string      `json:"detail"`
	Validation []Violation `json:"validation"`
}

// Flagged returns what Prism reported about one exchange, from its answer's
// header and body, and whether it reported anything: a problem of its own
// (whatever its type, a failure to reach upstream included) or an
// sl-violations header.
func Flagged(h http.Header, body []byte) ([]Violation, bool) {
	var out []Violation
	flagged := false
	if raw := h.Get("sl-violations"); raw != "" {
		flagged = true
		var vs []Violation
		if err := json.Unmarshal([]byte(raw), &vs); err != nil {
			vs = []Violation{{Message: "unreadable sl-violations header: " + raw}}
		}
		out = append(out, vs...)
	}
	if strings.HasPrefix(h.Get("Content-Type"), "application/problem+json") {
		var p problem
		if json.Unmarshal(body, &p) == nil && strings.HasPrefix(p.Type, ErrorPrefix) {
			flagged = true
			if len(out) == 0 { // the header repeats the body's failures
				out = append(out, p.Validation...)
			}
			if len(out) == 0 {
				out = append(out, Violation{Message: p.Title + ": " + p.Detail})
			}
		}
	}
	return out, flagged
}
