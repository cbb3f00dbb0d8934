package ui

import (
	"errors"
	"fmt"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/render"
)

// failure is an error turned into words: one sentence saying what happened
// and what to do, and a muted line of detail for whoever debugs it.
type failure struct {
	sentence string
	detail   string
	retryAt  time.Time // when a rate-limited lookup may be retried
}

// describe turns any error from the api package into a failure. It is the
// one place HTTP-level knowledge becomes user language; everything it
// quotes from a server goes through the sanitizer.
func describe(err error, id string) failure {
	var idErr *api.IDError
	if errors.As(err, &idErr) {
		return failure{sentence: "Not a session ID: " + render.Line(idErr.Reason) + "."}
	}
	var e *api.Error
	if !errors.As(err, &e) {
		return failure{sentence: "The lookup failed: " + render.Line(err.Error()) + "."}
	}
	short := api.ShortID(id)
	base := render.Line(e.BaseURL)
	f := failure{detail: detailLine(e)}
	switch e.Kind {
	case api.KindUnauthorized:
		f.sentence = "The API key was rejected (HTTP 401). Check OPENCX_API_KEY."
	case api.KindForbidden:
		f.sentence = "This API key may not read session " + short + " (HTTP 403). Check which organization the key belongs to."
	case api.KindNotFound:
		f.sentence = "No session with ID " + render.Line(id) + " (HTTP 404). Check the ID, and that the key is for the right organization."
	case api.KindRateLimited:
		f.retryAt = e.RetryAt
		if e.RetryAt.IsZero() {
			f.sentence = "The API is rate limiting this key (HTTP 429). Wait a minute, then press r."
		} else {
			f.sentence = "The API is rate limiting this key (HTTP 429). Press r once the wait is over."
		}
	case api.KindServer:
		f.sentence = fmt.Sprintf("The OpenCX API failed with HTTP %d. Press r to retry; if it keeps failing, the API has a problem.", e.Status)
	case api.KindNotJSON:
		f.sentence = fmt.Sprintf("HTTP %d from a gateway or proxy in front of %s, not an API answer. Press r to retry.", e.Status, base)
	case api.KindDecode:
		f.sentence = "The API's answer could not be read: " + render.Line(errText(e.Err)) + ". Press r to retry; if it persists, the API may have changed."
	case api.KindTooLarge:
		f.sentence = fmt.Sprintf("The answer from %s was larger than %d MiB and was not read.", base, e.Limit>>20)
	case api.KindTimeout:
		f.sentence = "No answer from " + base + " in time (" + render.Line(errText(e.Err)) + "). Press r to retry."
	case api.KindUnreachable:
		f.sentence = "Cannot reach " + base + ": " + render.Line(errText(e.Err)) + ". Check the network or OPENCX_BASE_URL."
	case api.KindDropped:
		f.sentence = "The connection to " + base + " dropped: " + render.Line(errText(e.Err)) + ". Press r to retry."
	case api.KindHTTP:
		f.sentence = fmt.Sprintf("Unexpected HTTP %d from %s. Press r to retry.", e.Status, base)
	default:
		f.sentence = "The lookup failed: " + render.Line(e.Error()) + "."
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
