package write

import (
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/ui/command"
)

// TestAWriteGoesOnlyToTheSessionNamed: against an API whose GET of the
// session named answers another session, close, reopen and redact send no
// write at all, say which session answered, exit 7 (the answer cannot be
// used) and record nothing in the audit log, as nothing was sent.
func TestAWriteGoesOnlyToTheSessionNamed(t *testing.T) {
	for _, tt := range []struct {
		name  string
		cmd   run
		args  []string
		other string // what the GET of idOpen answers: a session the command would otherwise write to
	}{
		{"close", closeCmd, []string{idOpen}, idOther},                                 // open: would be closed
		{"close --unresolved", closeCmd, []string{"--unresolved", idOpen}, idResolved}, // closed as resolved: would be closed as unresolved
		{"reopen", reopenCmd, []string{idOpen}, idResolved},                            // closed: would be reopened
		{"redact", redactCmd, []string{"--yes", idOpen}, idOther},
		{"redact --message", redactCmd, []string{"--yes", "--message", "m-7", idOpen}, idOther},
	} {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld(t)
			w.srv.answerAs[idOpen] = tt.other
			out, errOut, code := w.run(tt.cmd, tt.args...)
			if sent := w.srv.sent(); len(sent) != 0 {
				t.Errorf("sent %s", mustJSON(sent))
			}
			if code != command.ExitBadData || out != "3c90c3cc not sent (the API answered another session)\n" {
				t.Errorf("exit %d, stdout %q", code, out)
			}
			if want := "cxi: asked for 3c90c3cc, the API answered " + tt.other[:8] + ": nothing sent.\n"; errOut != want {
				t.Errorf("stderr %q\nwant   %q", errOut, want)
			}
			if e := auditLog(t, w); len(e) != 0 {
				t.Errorf("audit log %+v", e)
			}
		})
	}
}

// TestABatchGoesOnWithoutTheSessionAnsweredAsAnother: one session answered
// as another is that session's failure; the others of the batch are sent.
func TestABatchGoesOnWithoutTheSessionAnsweredAsAnother(t *testing.T) {
	w := newWorld(t)
	w.srv.answerAs[idOpen] = idBroken
	out, errOut, code := w.run(closeCmd, idOpen, idOther)
	if code != command.ExitPartial || out != "3c90c3cc not sent (the API answered another session)\na1b2c3d4 closed as resolved\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if sent := w.srv.sent(); len(sent) != 1 || sent[0].Path != "/chat/sessions/"+idOther {
		t.Errorf("sent %s", mustJSON(sent))
	}
	if !strings.Contains(errOut, "cxi: 1 not sent (the API answered another session) · 1 closed as resolved\n") {
		t.Errorf("summary: %q", errOut)
	}
}

// TestIDsDifferingInCaseAreOneSession: UUIDs are case-insensitive: a
// session named in upper case and answered in lower case, or the other
// way round, is the session named, and the write goes to it.
func TestIDsDifferingInCaseAreOneSession(t *testing.T) {
	for _, tt := range []struct {
		name, named, answered string
	}{
		{"named in upper case", strings.ToUpper(idOpen), idOpen},
		{"answered in upper case", idOpen, strings.ToUpper(idOpen)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld(t)
			w.srv.answerAs[idOpen] = tt.answered
			out, errOut, code := w.run(closeCmd, tt.named)
			if code != command.ExitOK || out != "3c90c3cc closed as resolved\n" {
				t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
			}
			if sent := w.srv.sent(); len(sent) != 1 || sent[0].Path != "/chat/sessions/"+idOpen {
				t.Errorf("sent %s", mustJSON(sent))
			}
			w.srv.answerAs[idOpen] = tt.answered
			out, errOut, code = w.run(redactCmd, "--yes", tt.named)
			if code != command.ExitOK || out != "3c90c3cc redacted (3 messages)\n" {
				t.Errorf("redact: exit %d, stdout %q, stderr %q", code, out, errOut)
			}
			if sent := w.srv.sent(); len(sent) != 2 || sent[1].Body["sessionId"] != idOpen {
				t.Errorf("sent %s", mustJSON(sent))
			}
		})
	}
}

// TestAConfirmationFromAnotherSessionIsNoConfirmation: the change was
// sent, but the GET after it answered another session: the line says the
// change is not confirmed, the exit is 7, and the audit log says the same,
// never "ok".
func TestAConfirmationFromAnotherSessionIsNoConfirmation(t *testing.T) {
	w := newWorld(t)
	w.srv.confirmAs[idOpen] = idResolved // closed as resolved, as the change asked: it must not pass for it
	out, errOut, code := w.run(closeCmd, idOpen)
	if code != command.ExitBadData || out != "3c90c3cc sent, not confirmed (the API answered another session)\n" {
		t.Errorf("exit %d, stdout %q", code, out)
	}
	if want := "cxi: sent, not confirmed: asked for 3c90c3cc, the API answered 9b1deb4d.\n"; errOut != want {
		t.Errorf("stderr %q\nwant   %q", errOut, want)
	}
	if sent := w.srv.sent(); len(sent) != 1 || sent[0].Path != "/chat/sessions/"+idOpen {
		t.Errorf("sent %s", mustJSON(sent))
	}
	if e := auditLog(t, w); len(e) != 1 || e[0].Outcome != "sent, not confirmed (the API answered another session)" || e[0].After != "" {
		t.Errorf("audit %+v", e)
	}
}

// TestRedactAnswered200Or201OrNothing: through cxi redact, a 200 and a
// 201 are both a redaction done; an empty 200 was sent but says nothing,
// and the command says that, exits 7 and records it so.
func TestRedactAnswered200Or201OrNothing(t *testing.T) {
	for _, status := range []int{200, 201} {
		w := newWorld(t)
		w.srv.redactStatus = status
		out, errOut, code := w.run(redactCmd, "--yes", idOpen)
		if code != command.ExitOK || out != "3c90c3cc redacted (3 messages)\n" {
			t.Errorf("HTTP %d: exit %d, stdout %q, stderr %q", status, code, out, errOut)
		}
		out, errOut, code = w.run(redactCmd, "--yes", "--message", "m-7", idOpen)
		if code != command.ExitOK || out != "3c90c3cc message m-7 redacted\n" {
			t.Errorf("HTTP %d, --message: exit %d, stdout %q, stderr %q", status, code, out, errOut)
		}
	}
	for _, args := range [][]string{{"--yes", idOpen}, {"--yes", "--message", "m-7", idOpen}} {
		w := newWorld(t)
		empty := ""
		w.srv.redactStatus, w.srv.redactBody = 200, &empty
		out, errOut, code := w.run(redactCmd, args...)
		subject := "3c90c3cc"
		op := "redact session 3c90c3cc"
		if len(args) > 2 {
			subject, op = "3c90c3cc message m-7", "redact message m-7"
		}
		if code != command.ExitBadData || out != subject+" sent, but whether anything was redacted is not known\n" {
			t.Errorf("%q: exit %d, stdout %q", args, code, out)
		}
		if want := "cxi: " + op + ": The API's answer could not be read: the API accepted it with an empty body, so whether anything was redacted is not known.\n"; errOut != want {
			t.Errorf("%q: stderr %q\nwant   %q", args, errOut, want)
		}
		if e := auditLog(t, w); len(e) != 1 || e[0].Outcome != "sent, but whether anything was redacted is not known" {
			t.Errorf("%q: audit %+v", args, e)
		}
	}
}

// TestUndeclaredNotFoundAndRateLimited: the published document declares
// no 404 or 429 for the GET, none for the redactions and no 429 for the
// PATCH; each is still handled as it always was. A 429 on the read is
// retried once after its Retry-After, twice stops with exit 5; a 404 on
// the write is "not found", exit 4; a redaction answered 429 twice is
// "rate limited", exit 5.
func TestUndeclaredNotFoundAndRateLimited(t *testing.T) {
	w := newWorld(t)
	w.srv.readLimited = 1
	out, errOut, code := w.run(closeCmd, idOpen)
	if code != command.ExitOK || out != "3c90c3cc closed as resolved\n" || len(w.waits) != 1 {
		t.Errorf("GET 429 once: exit %d, %q, stderr %q, waits %v", code, out, errOut, w.waits)
	}
	w = newWorld(t)
	w.srv.readLimited = 2
	out, _, code = w.run(reopenCmd, idResolved)
	if code != command.ExitRateLimited || out != "9b1deb4d rate limited (HTTP 429)\n" || len(w.srv.sent()) != 0 {
		t.Errorf("GET 429 twice: exit %d, %q, %d writes", code, out, len(w.srv.sent()))
	}
	for _, tt := range []struct {
		name string
		cmd  run
		args []string
		out  string
	}{
		{"PATCH", closeCmd, []string{idOpen}, "3c90c3cc not found\n"},
		{"redaction", redactCmd, []string{"--yes", idOpen}, "3c90c3cc not found\n"},
	} {
		w = newWorld(t)
		w.srv.writeFault[idOpen] = 404
		out, _, code = w.run(tt.cmd, tt.args...)
		if code != command.ExitNotFound || out != tt.out || len(w.srv.sent()) != 1 {
			t.Errorf("%s 404: exit %d, %q", tt.name, code, out)
		}
	}
	w = newWorld(t)
	w.srv.limited = 2
	out, _, code = w.run(redactCmd, "--yes", idOpen)
	if code != command.ExitRateLimited || out != "3c90c3cc rate limited (HTTP 429)\n" || len(w.srv.sent()) != 2 || len(w.waits) != 1 {
		t.Errorf("redaction 429 twice: exit %d, %q, %d writes", code, out, len(w.srv.sent()))
	}
}
