package explain

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
)

func TestEveryKindReadsAsOneSentence(t *testing.T) {
	for k := api.KindUnknown; k <= api.KindHTTP; k++ {
		e := &api.Error{Kind: k, Op: "get session 3c90c3cc", Status: 500, BaseURL: "https://api.example\x1b[31m",
			Message: "boom\x1b]52;c;eA==\x07", Err: errors.New("cause\u202e"), Limit: 4 << 20, RetryAt: time.Now()}
		f := Describe(e, "3c90c3cc-0d44-4b50-8888-8dd25736052a")
		if f.Sentence == "" || strings.Contains(f.Sentence, "%!") || strings.Count(f.Sentence, "\n") > 0 {
			t.Errorf("kind %d: %q", k, f.Sentence)
		}
		for _, s := range []string{f.Sentence, f.Detail} {
			if strings.ContainsAny(s, "\x1b\x07\u202e") {
				t.Errorf("kind %d: unsanitized %q", k, s)
			}
		}
	}
	if f := Describe(&api.IDError{Reason: "no UUID in the input"}, ""); f.Sentence != "Not a session ID: no UUID in the input." {
		t.Errorf("IDError: %q", f.Sentence)
	}
	if f := Describe(errors.New("plain\x1b[2J"), ""); strings.ContainsRune(f.Sentence, '\x1b') {
		t.Errorf("plain error: %q", f.Sentence)
	}
}

func TestCommandLineDropsKeyAdvice(t *testing.T) {
	for k := api.KindUnknown; k <= api.KindHTTP; k++ {
		f := Describe(&api.Error{Kind: k, Status: 503, BaseURL: "https://api.example"}, "3c90c3cc-0d44-4b50-8888-8dd25736052a")
		if s := f.CommandLine(); strings.Contains(strings.ToLower(s), "press r") {
			t.Errorf("kind %d: %q", k, s)
		}
	}
}

// TestAdviceNamesTheKeyItIsGiven: the TUI's retry advice is built from the
// refresh binding, so a remapped key is named; nothing retries by itself
// where a retry cannot help.
func TestAdviceNamesTheKeyItIsGiven(t *testing.T) {
	retryAt := time.Date(2026, 11, 25, 12, 0, 30, 0, time.UTC)
	tests := []struct {
		err   *api.Error
		retry Retry
		want  string
	}{
		{&api.Error{Kind: api.KindServer, Status: 500}, RetryNow, "The OpenCX API failed with HTTP 500. Press f5 to retry; if it keeps failing, the API has a problem."},
		{&api.Error{Kind: api.KindRateLimited, Status: 429}, RetryLater, "The API is rate limiting this key (HTTP 429). Wait a minute, then press f5."},
		{&api.Error{Kind: api.KindRateLimited, Status: 429, RetryAt: retryAt}, RetryLater, "The API is rate limiting this key (HTTP 429). Press f5 once the wait is over."},
		{&api.Error{Kind: api.KindTimeout, BaseURL: "https://api.example", Err: errors.New("no answer within 15s")}, RetryNow, "No answer from https://api.example in time (no answer within 15s). Press f5 to retry."},
		{&api.Error{Kind: api.KindUnauthorized, Status: 401}, RetryNone, "The API key was rejected (HTTP 401). Check OPENCX_API_KEY."},
	}
	for _, tt := range tests {
		f := Describe(tt.err, "3c90c3cc-0d44-4b50-8888-8dd25736052a")
		if f.Retry != tt.retry {
			t.Errorf("%v: retry %d, want %d", tt.err.Kind, f.Retry, tt.retry)
		}
		if got := f.Advice("f5"); got != tt.want {
			t.Errorf("%v:\n got %q\nwant %q", tt.err.Kind, got, tt.want)
		}
		if strings.Contains(f.CommandLine(), "f5") {
			t.Errorf("%v: the command line names a key: %q", tt.err.Kind, f.CommandLine())
		}
	}
}

// TestLineIsTheSentenceAndTheServersWords: what every command prints after
// "cxi: ", with the wait a 429 asks for, and the server's own words, or the
// start of its page, after it.
func TestLineIsTheSentenceAndTheServersWords(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want string
	}{
		{&api.Error{Kind: api.KindRateLimited, Status: 429, Message: "slow down"}, "The API is rate limiting this key (HTTP 429). Wait a minute. Server said: slow down"},
		{&api.Error{Kind: api.KindNotJSON, Status: 502, BaseURL: "https://api.example", Excerpt: "Bad Gateway"}, "HTTP 502 from a gateway or proxy in front of https://api.example, not an API answer. Body began: Bad Gateway"},
		{errors.New("no API key"), "no API key."},
	} {
		if got := Describe(tt.err, "").Line(); got != tt.want {
			t.Errorf("%v:\n got %q\nwant %q", tt.err, got, tt.want)
		}
	}
}

// TestARedactionNotDoneReadsAsWhatTheAPISaid: success:false carries no
// HTTP status; the sentence is that nothing was redacted and the API's
// reason, without the operation a caller names itself.
func TestARedactionNotDoneReadsAsWhatTheAPISaid(t *testing.T) {
	for msg, want := range map[string]string{
		"Session is locked by a legal hold": "The API redacted nothing: Session is locked by a legal hold.",
		"":                                  "The API redacted nothing.",
	} {
		err := &api.Error{Op: "redact session 3c90c3cc", Message: msg, Err: api.ErrNotRedacted}
		if got := Describe(err, "3c90c3cc").Line(); got != want {
			t.Errorf("message %q: %q, want %q", msg, got, want)
		}
	}
}

// TestAnotherSessionReadsAsWhatHappened: a GET answered with another
// session is said as that, not as an answer that "could not be read".
func TestAnotherSessionReadsAsWhatHappened(t *testing.T) {
	e := &api.Error{Kind: api.KindDecode, Op: "get session 3c90c3cc", BaseURL: "https://api.example",
		Err: &api.OtherSessionError{Asked: "3c90c3cc-0d44-4b50-8888-8dd25736052a", Answered: "497f6eca-6276-4993-bfeb-53cbbbba6f08"}}
	f := Describe(e, "3c90c3cc-0d44-4b50-8888-8dd25736052a")
	want := "The API answered with another session (asked for 3c90c3cc, the API answered 497f6eca), which is not shown so that nothing is done to it by mistake."
	if f.Sentence != want || f.Retry != RetryNone {
		t.Errorf("got %q (retry %d), want %q and no retry", f.Sentence, f.Retry, want)
	}
}

// TestARefusedRequestIsNotRetried: a 400 (a parameter the API refuses)
// fails the same way every time, so no retry is advised, unlike a 5xx.
func TestARefusedRequestIsNotRetried(t *testing.T) {
	f := Describe(&api.Error{Kind: api.KindHTTP, Status: 400, BaseURL: "https://api.example"}, "")
	if f.Sentence != "The API refused the request (HTTP 400)." || f.Retry != RetryNone || strings.Contains(f.Advice("r"), "retry") {
		t.Errorf("400: %q (retry %d), advice %q", f.Sentence, f.Retry, f.Advice("r"))
	}
	if f := Describe(&api.Error{Kind: api.KindHTTP, Status: 408, BaseURL: "https://api.example"}, ""); f.Retry != RetryNow {
		t.Errorf("408 is a timeout a retry may pass: %+v", f)
	}
}
