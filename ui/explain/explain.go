// Package explain turns errors from the api package into what a user reads:
// one sentence saying what happened and what to do, and a line of detail.
// The TUI and the command-line commands share it, so they say the same.
package explain

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/render"
)

// Failure is an error turned into words: one sentence saying what happened
// and what to do, and a line of detail for whoever debugs it.
type Failure struct {
	Sentence string
	Detail   string
	RetryAt  time.Time // when a rate-limited lookup may be retried
}

// Describe turns any error from the api package into a Failure. It is the
// one place HTTP-level knowledge becomes user language; everything it
// quotes from a server goes through the sanitizer.
func Describe(err error, id string) Failure {
	var idErr *api.IDError
	if errors.As(err, &idErr) {
		return Failure{Sentence: "Not a session ID: " + render.Line(idErr.Reason) + "."}
	}
	var e *api.Error
	if !errors.As(err, &e) {
		return Failure{Sentence: "The lookup failed: " + render.Line(err.Error()) + "."}
	}
	short := api.ShortID(id)
	base := render.Line(e.BaseURL)
	f := Failure{Detail: detailLine(e)}
	switch e.Kind {
	case api.KindUnauthorized:
		f.Sentence = "The API key was rejected (HTTP 401). Check OPENCX_API_KEY."
	case api.KindForbidden:
		f.Sentence = "This API key may not read session " + short + " (HTTP 403). Check which organization the key belongs to."
	case api.KindNotFound:
		f.Sentence = "No session with ID " + render.Line(id) + " (HTTP 404). Check the ID, and that the key is for the right organization."
	case api.KindRateLimited:
		f.RetryAt = e.RetryAt
		if e.RetryAt.IsZero() {
			f.Sentence = "The API is rate limiting this key (HTTP 429). Wait a minute, then press r."
		} else {
			f.Sentence = "The API is rate limiting this key (HTTP 429). Press r once the wait is over."
		}
	case api.KindServer:
		f.Sentence = fmt.Sprintf("The OpenCX API failed with HTTP %d. Press r to retry; if it keeps failing, the API has a problem.", e.Status)
	case api.KindNotJSON:
		f.Sentence = fmt.Sprintf("HTTP %d from a gateway or proxy in front of %s, not an API answer. Press r to retry.", e.Status, base)
	case api.KindDecode:
		f.Sentence = "The API's answer could not be read: " + render.Line(errText(e.Err)) + ". Press r to retry; if it persists, the API may have changed."
	case api.KindTooLarge:
		f.Sentence = fmt.Sprintf("The answer from %s was larger than %d MiB and was not read.", base, e.Limit>>20)
	case api.KindTimeout:
		f.Sentence = "No answer from " + base + " in time (" + render.Line(errText(e.Err)) + "). Press r to retry."
	case api.KindUnreachable:
		f.Sentence = "Cannot reach " + base + ": " + render.Line(errText(e.Err)) + ". Check the network or OPENCX_BASE_URL."
	case api.KindDropped:
		f.Sentence = "The connection to " + base + " dropped: " + render.Line(errText(e.Err)) + ". Press r to retry."
	case api.KindHTTP:
		f.Sentence = fmt.Sprintf("Unexpected HTTP %d from %s. Press r to retry.", e.Status, base)
	default:
		f.Sentence = "The lookup failed: " + render.Line(e.Error()) + "."
	}
	return f
}

// detailLine is the server's own words, when it sent any.
func detailLine(e *api.Error) string {
	switch {
	case e.Message != "":
		return "Server said: " + render.Line(e.Message)
	case e.Excerpt != "":
		return "Body began: " + render.Line(e.Excerpt)
	}
	return ""
}

func errText(err error) string {
	if err == nil {
		return "no detail"
	}
	return err.Error()
}

// CommandLine is the sentence without the TUI's key advice ("Press r to
// retry", "press r"): a command-line user retries by running it again.
func (f Failure) CommandLine() string {
	s := f.Sentence
	for _, cut := range []string{" Press r to retry; if it keeps failing, the API has a problem.", " Press r to retry; if it persists, the API may have changed.",
		" Press r to retry.", " Press r once the wait is over.", ", then press r."} {
		repl := ""
		if cut == ", then press r." {
			repl = " before trying again."
		}
		s = strings.Replace(s, cut, repl, 1)
	}
	return s
}
