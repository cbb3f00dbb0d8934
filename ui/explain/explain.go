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
// and what to check, a line of detail for whoever debugs it, and whether
// trying again can help. The sentence names no key: the TUI and the
// commands each say how to retry in their own words (Advice, CommandLine).
type Failure struct {
	Sentence string
	Detail   string
	Retry    Retry
	RetryAt  time.Time // with RetryLater: when the API allows another try; zero when it did not say
	// IfPersists is what a retry that keeps failing means ("the API has a
	// problem"), added to the TUI's retry advice; empty when nothing is known.
	IfPersists string
}

// Retry says whether trying the same request again can help.
type Retry int

// When a retry can help.
const (
	RetryNone  Retry = iota // the same request will fail the same way (bad key, no such session)
	RetryNow                // a retry may work at once (a 5xx, a timeout, a dropped connection)
	RetryLater              // only after a wait (rate limited): RetryAt, or about a minute
)

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
		return Failure{Sentence: asSentence(err.Error())}
	}
	if errors.Is(e, api.ErrNotRedacted) { // a 201 saying "success": false; its message is the reason
		return Failure{Sentence: asSentence(strings.TrimSuffix("The API redacted nothing: "+e.Message, ": "))}
	}
	short := api.ShortID(id)
	base := render.Line(e.BaseURL)
	f := Failure{Detail: detailLine(e)}
	if errors.Is(e, api.ErrOtherSession) { // a read answered with a session nobody asked for
		f.Sentence = asSentence("The API answered with another session (" + render.Line(errText(e.Err)) + "), which is not shown so that nothing is done to it by mistake")
		return f
	}
	switch e.Kind {
	case api.KindUnauthorized:
		f.Sentence = "The API key was rejected (HTTP 401). Check OPENCX_API_KEY."
	case api.KindForbidden:
		f.Sentence = "This API key may not read session " + short + " (HTTP 403). Check which organization the key belongs to."
	case api.KindNotFound:
		f.Sentence = "No session with ID " + render.Line(id) + " (HTTP 404). Check the ID, and that the key is for the right organization."
	case api.KindRateLimited:
		f.Sentence, f.Retry, f.RetryAt = "The API is rate limiting this key (HTTP 429).", RetryLater, e.RetryAt
	case api.KindServer:
		f.Sentence, f.Retry = fmt.Sprintf("The OpenCX API failed with HTTP %d.", e.Status), RetryNow
		f.IfPersists = "if it keeps failing, the API has a problem"
	case api.KindNotJSON:
		f.Sentence, f.Retry = fmt.Sprintf("HTTP %d from a gateway or proxy in front of %s, not an API answer.", e.Status, base), RetryNow
	case api.KindDecode:
		f.Sentence, f.Retry = "The API's answer could not be read: "+render.Line(errText(e.Err))+".", RetryNow
		f.IfPersists = "if it persists, the API may have changed"
	case api.KindTooLarge:
		f.Sentence = fmt.Sprintf("The answer from %s was larger than %d MiB and was not read.", base, e.Limit>>20)
	case api.KindTimeout:
		f.Sentence, f.Retry = "No answer from "+base+" in time ("+render.Line(errText(e.Err))+").", RetryNow
	case api.KindUnreachable:
		f.Sentence = "Cannot reach " + base + ": " + render.Line(errText(e.Err)) + ". Check the network or OPENCX_BASE_URL."
	case api.KindDropped:
		f.Sentence, f.Retry = "The connection to "+base+" dropped: "+render.Line(errText(e.Err))+".", RetryNow
	case api.KindHTTP:
		f.Sentence, f.Retry = fmt.Sprintf("Unexpected HTTP %d from %s.", e.Status, base), RetryNow
		if e.Status >= 400 && e.Status < 500 && e.Status != 408 {
			// The request as sent is what the API refuses (a 400 names a
			// bad parameter): sending it again cannot help, unlike a 5xx.
			f.Sentence, f.Retry = fmt.Sprintf("The API refused the request (HTTP %d).", e.Status), RetryNone
		}
	default:
		f.Sentence = asSentence(e.Error())
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

// Advice is the sentence with the TUI's retry advice, naming retryKey (the
// refresh binding's help key, so that a remapped key is named rightly):
// "… Press r to retry.", "… Wait a minute, then press r.".
func (f Failure) Advice(retryKey string) string {
	switch f.Retry {
	case RetryNow:
		if f.IfPersists != "" {
			return f.Sentence + " Press " + retryKey + " to retry; " + f.IfPersists + "."
		}
		return f.Sentence + " Press " + retryKey + " to retry."
	case RetryLater:
		if f.RetryAt.IsZero() {
			return f.Sentence + " Wait a minute, then press " + retryKey + "."
		}
		return f.Sentence + " Press " + retryKey + " once the wait is over."
	}
	return f.Sentence
}

// CommandLine is the sentence as a command says it: a command-line user
// retries by running the command again, so only a wait is worth a word.
func (f Failure) CommandLine() string {
	switch {
	case f.Retry != RetryLater:
		return f.Sentence
	case f.RetryAt.IsZero():
		return f.Sentence + " Wait a minute."
	}
	return f.Sentence + " Try again once the wait is over."
}

// Line is the failure as a command prints it after "cxi: ": the sentence
// as CommandLine says it, then the server's own words when it sent any, so
// that a script's log holds both on one line.
func (f Failure) Line() string {
	if f.Detail == "" {
		return f.CommandLine()
	}
	return f.CommandLine() + " " + f.Detail
}

// asSentence is an error's own text, sanitized, as a sentence: it may be
// about a lookup, a page of the queue or a command's flags, so it is not
// dressed as any one of them.
func asSentence(text string) string {
	s := strings.TrimSuffix(render.Line(text), ".")
	if s == "" {
		return "Something failed, with no detail."
	}
	return s + "."
}
