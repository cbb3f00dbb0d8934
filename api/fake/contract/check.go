package contract

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"slices"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// Failure is one thing the contract refuses in an answer.
type Failure struct {
	// Location is a JSON pointer into the body ("/items/7/ticket_number");
	// "" is the answer as a whole (its status, media type or top level).
	Location string
	Message  string
}

func (f Failure) String() string {
	if f.Location == "" {
		return f.Message
	}
	return f.Location + ": " + f.Message
}

// Violation is an answer the contract refuses, with every failure in it.
type Violation struct {
	Operation string // "GET /chat/sessions/{session_id} 200"
	Failures  []Failure
}

func (v *Violation) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s breaks the contract:", v.Operation)
	for _, f := range v.Failures {
		b.WriteString("\n  " + f.String())
	}
	return b.String()
}

// Template returns the document's path template that a request path
// matches ("/chat/sessions/{session_id}/history"). A literal segment beats a
// parameter, as in the API's router: /chat/sessions/search is the search.
func (d *Document) Template(path string) (string, bool) {
	segs := strings.Split(path, "/")
	best, bestLiterals := "", -1
	for tmpl := range d.paths {
		tsegs := strings.Split(tmpl, "/")
		if len(tsegs) != len(segs) {
			continue
		}
		literals, ok := 0, true
		for i, ts := range tsegs {
			switch {
			case strings.HasPrefix(ts, "{") && strings.HasSuffix(ts, "}"):
				ok = ok && segs[i] != ""
			case ts == segs[i]:
				literals++
			default:
				ok = false
			}
		}
		if ok && literals > bestLiterals {
			best, bestLiterals = tmpl, literals
		}
	}
	return best, bestLiterals >= 0
}

// CheckResponse checks an answer to method path (the request's URL path)
// against the operation's declared response for status, or its default:
// the media type, and the body against the schema. A response declared
// without content must come without a body. It returns nil or a
// *Violation.
func (d *Document) CheckResponse(method, path string, status int, contentType string, body []byte) error {
	tmpl, ok := d.Template(path)
	if !ok {
		return &Violation{method + " " + path, []Failure{{"", "no path of the contract matches"}}}
	}
	m := strings.ToLower(method)
	op, ok := d.paths[tmpl].(map[string]any)[m].(map[string]any)
	name := method + " " + tmpl + " " + strconv.Itoa(status)
	if !ok {
		return &Violation{name, []Failure{{"", "the contract has no " + method + " for this path"}}}
	}
	responses, _ := op["responses"].(map[string]any)
	code := strconv.Itoa(status)
	resp, ok := responses[code].(map[string]any)
	if !ok {
		code = "default"
		if resp, ok = responses[code].(map[string]any); !ok {
			return &Violation{name, []Failure{{"", "status " + strconv.Itoa(status) + " is not declared and there is no default"}}}
		}
	}
	content, _ := resp["content"].(map[string]any)
	if len(content) == 0 {
		if len(bytes.TrimSpace(body)) > 0 {
			return &Violation{name, []Failure{{"", fmt.Sprintf("the contract declares no body, got %.80q", body)}}}
		}
		return nil
	}
	media, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return &Violation{name, []Failure{{"", fmt.Sprintf("Content-Type %q: %v", contentType, err)}}}
	}
	if _, ok := content[media]; !ok {
		return &Violation{name, []Failure{{"", fmt.Sprintf("media type %q, the contract declares %v", media, sortedKeys(content))}}}
	}
	pointer := "/paths/" + escape(tmpl) + "/" + m + "/responses/" + code + "/content/" + escape(media) + "/schema"
	if err := d.Validate(pointer, body); err != nil {
		var v *Violation
		if errors.As(err, &v) {
			v.Operation = name
		}
		return err
	}
	return nil
}

// Validate checks a JSON body against the schema at a JSON pointer of the
// document. It returns nil or a *Violation.
func (d *Document) Validate(pointer string, body []byte) error {
	sch, err := d.Schema(pointer)
	if err != nil {
		return err
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
	if err != nil {
		return &Violation{pointer, []Failure{{"", fmt.Sprintf("not JSON: %v", err)}}}
	}
	err = sch.Validate(v)
	var verr *jsonschema.ValidationError
	if err == nil {
		return nil
	} else if !errors.As(err, &verr) {
		return err
	}
	return &Violation{pointer, leaves(verr, message.NewPrinter(language.English))}
}

// leaves flattens a validation error into its innermost failures. Every
// alternative of a failed anyOf is a leaf: for a nullable enum, the enum
// failure and the "must be null" failure sit at the same location.
func leaves(e *jsonschema.ValidationError, p *message.Printer) []Failure {
	if len(e.Causes) == 0 {
		loc := ""
		for _, s := range e.InstanceLocation {
			loc += "/" + escape(s)
		}
		return []Failure{{loc, e.ErrorKind.LocalizedString(p)}}
	}
	var out []Failure
	for _, c := range e.Causes {
		out = append(out, leaves(c, p)...)
	}
	return out
}

// escape makes s one segment of a JSON pointer.
func escape(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
