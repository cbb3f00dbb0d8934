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
