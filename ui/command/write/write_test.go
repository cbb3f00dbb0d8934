package write

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"go.uber.org/goleak"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/settings"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestCloseBatchWithMixedOutcomes(t *testing.T) {
	w := newWorld(t)
	w.srv.writeFault[idBroken] = 500
	args := []string{"--helpdesk", idOpen, idMissing, idResolved, idBroken}
	out, errOut, code := w.run(closeCmd, args...)
	golden.RequireEqual(t, transcript(append([]string{"close"}, args...), out, errOut, code))
	if code != command.ExitPartial {
		t.Errorf("exit %d, want %d", code, command.ExitPartial)
	}
	// Only the two sessions that could change got a PATCH, with the contract's body.
	sent := w.srv.sent()
	want := []request{
		{Method: "PATCH", Path: "/chat/sessions/" + idOpen, Body: map[string]any{"status": "closed_resolved", "reflect_status_change_for_integration": true}},
		{Method: "PATCH", Path: "/chat/sessions/" + idBroken, Body: map[string]any{"status": "closed_resolved", "reflect_status_change_for_integration": true}},
	}
	if mustJSON(sent) != mustJSON(want) {
		t.Errorf("sent %s\nwant %s", mustJSON(sent), mustJSON(want))
	}
	if w.srv.status[idOpen] != api.StatusClosedResolved {
		t.Errorf("status %s", w.srv.status[idOpen])
	}
	// Both writes are in the audit log, with what came of them.
	entries := auditLog(t, w)
	if len(entries) != 2 {
		t.Fatalf("audit log %+v", entries)
	}
	got := []store.AuditEntry{entries[0], entries[1]}
	for i := range got {
		got[i].At = t0
	}
	wantLog := []store.AuditEntry{
		{At: t0, SessionID: idOpen, Action: "close", Options: []string{"helpdesk"}, Before: api.StatusOpen, After: api.StatusClosedResolved, Outcome: "ok", Source: "command"},
		{At: t0, SessionID: idBroken, Action: "close", Options: []string{"helpdesk"}, Before: api.StatusOpen, Outcome: "failed (HTTP 500)", Source: "command"},
	}
	if mustJSON(got) != mustJSON(wantLog) {
		t.Errorf("audit log\n%s\nwant\n%s", mustJSON(got), mustJSON(wantLog))
	}
}

func auditLog(t *testing.T, w *world) []store.AuditEntry {
	t.Helper()
	st, _, err := store.Open(w.storeOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	entries, err := st.AuditLog(ctx(), t0.Add(-1))
	if err != nil {
		t.Fatal(err)
	}
	return entries
}

func TestCloseOptionsAndReopen(t *testing.T) {
	w := newWorld(t)
	out, _, code := w.run(closeCmd, "--unresolved", "--summary", idOpen)
	if code != 0 || out != "3c90c3cc closed as unresolved\n" {
		t.Errorf("close: exit %d, %q", code, out)
	}
	out, _, code = w.run(reopenCmd, idOpen, "--helpdesk")
	if code != 0 || out != "3c90c3cc reopened\n" {
		t.Errorf("reopen: exit %d, %q", code, out)
	}
	out, _, code = w.run(reopenCmd, idOpen)
	if code != 0 || out != "3c90c3cc already open, nothing sent\n" {
		t.Errorf("reopen again: exit %d, %q", code, out)
	}
	want := []map[string]any{
		{"status": "closed_unresolved", "generate_summary_and_sentiment_on_resolve": true},
		{"status": "open", "reflect_status_change_for_integration": true},
	}
	sent := w.srv.sent()
	if len(sent) != 2 || mustJSON(sent[0].Body) != mustJSON(want[0]) || mustJSON(sent[1].Body) != mustJSON(want[1]) {
		t.Errorf("sent %s", mustJSON(sent))
	}
}

func TestSessionsFromStdin(t *testing.T) {
	w := newWorld(t)
	w.stdin = idOpen + "\n\n  " + idOther + "  \n"
	out, errOut, code := w.run(closeCmd, "-")
	if code != 0 || out != "3c90c3cc closed as resolved\na1b2c3d4 closed as resolved\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if !strings.Contains(errOut, "cxi: 2 closed as resolved\n") {
		t.Errorf("summary: %q", errOut)
	}
	// Usage mistakes send nothing.
	w = newWorld(t)
	for _, args := range [][]string{{}, {"-"}, {"-", "-"}, {"--status", idOpen}} {
		w.stdin = ""
		if _, _, code := w.run(closeCmd, args...); code != command.ExitUsage || w.srv.count() != 0 {
			t.Errorf("%q: exit %d, %d requests", args, code, w.srv.count())
		}
	}
}

func TestForbiddenStopsTheBatch(t *testing.T) {
	w := newWorld(t)
	w.srv.allWrites = 403
	args := []string{idOpen, idBroken, idOther}
	out, errOut, code := w.run(closeCmd, args...)
	golden.RequireEqual(t, transcript(append([]string{"close"}, args...), out, errOut, code))
	if code != command.ExitAuth {
		t.Errorf("exit %d, want %d", code, command.ExitAuth)
	}
	if n := len(w.srv.sent()); n != 1 {
		t.Errorf("%d writes sent, want 1", n)
	}
	if w.srv.count() != 2 { // the first session's GET and its PATCH
		t.Errorf("%d requests", w.srv.count())
	}
}

// TestCloseByTicketUsesTheSessionResolved: a SESSION given as a ticket is
// resolved from the list, whose answer is the session's status now: it is
// not fetched again before the change, only after it, to confirm.
func TestCloseByTicketUsesTheSessionResolved(t *testing.T) {
	w := newWorld(t)
	out, errOut, code := w.run(closeCmd, "ZD-3c90c3cc", "ZD-9b1deb4d")
	if code != command.ExitOK || out != "3c90c3cc closed as resolved\n9b1deb4d already resolved, nothing sent\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	var got []string
	for _, r := range w.srv.requests {
		got = append(got, r.Method+" "+r.Path)
	}
	want := []string{"GET /chat/sessions", "PATCH /chat/sessions/" + idOpen, "GET /chat/sessions/" + idOpen, "GET /chat/sessions"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("requests\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestRefusedWriteQuotesAProxysPage: a 403 from a proxy, with a page
// rather than the API's JSON, is said as a key that may not write, with the
// start of the page as any other error shows it.
func TestRefusedWriteQuotesAProxysPage(t *testing.T) {
	w := newWorld(t)
	w.srv.allWrites, w.srv.proxyPage = 403, "<html><body><h1>Access denied</h1> by policy</body></html>"
	_, errOut, code := w.run(closeCmd, idOpen)
	want := "cxi: change the status of 3c90c3cc: refused (HTTP 403): this API key may read but not write. Body began: Access denied by policy\n"
	if code != command.ExitAuth || errOut != want {
		t.Errorf("exit %d, stderr %q; want %q", code, errOut, want)
	}
}

func TestExitCodes(t *testing.T) {
	w := newWorld(t)
	if _, _, code := w.run(closeCmd, idMissing, "7d0e6b0a-0000-4000-8000-000000000000"); code != command.ExitNotFound {
		t.Errorf("all not found: exit %d", code)
	}
	w.srv.writeFault[idOpen] = 502
	if _, _, code := w.run(closeCmd, idMissing, idOpen); code != command.ExitError {
		t.Errorf("not found and 502: exit %d", code)
	}
	if _, _, code := w.run(closeCmd, idResolved); code != command.ExitOK {
		t.Errorf("already closed: exit %d", code)
	}
}

func TestRateLimitedWriteIsRetriedOnce(t *testing.T) {
	w := newWorld(t)
	w.srv.limited = 1
	out, errOut, code := w.run(closeCmd, idOpen)
	if code != 0 || out != "3c90c3cc closed as resolved\n" || len(w.waits) != 1 || len(w.srv.sent()) != 2 {
		t.Errorf("exit %d, %q, stderr %q, waits %v, %d writes", code, out, errOut, w.waits, len(w.srv.sent()))
	}
	// A second 429 is not retried again, and stops the batch.
	w = newWorld(t)
	w.srv.limited = 2
	out, _, code = w.run(closeCmd, idOpen, idOther)
	if code != command.ExitRateLimited || len(w.srv.sent()) != 2 || !strings.Contains(out, "a1b2c3d4 not sent (stopped after HTTP 429)") {
		t.Errorf("exit %d, %q, %d writes", code, out, len(w.srv.sent()))
	}
}

func TestUnconfirmedChange(t *testing.T) {
	w := newWorld(t)
	w.srv.ignore = true
	out, _, code := w.run(closeCmd, idOpen)
	if code != command.ExitError || out != "3c90c3cc sent, but the API says open\n" {
		t.Errorf("exit %d, %q", code, out)
	}
	if e := auditLog(t, w); len(e) != 1 || e[0].Outcome != "not confirmed: the API says open" || e[0].After != api.StatusOpen {
		t.Errorf("audit %+v", e)
	}
}

func TestReadOnlySendsNothing(t *testing.T) {
	for _, src := range []string{"flag", "env", "config"} {
		for _, cmd := range []struct {
			name string
			run  run
			args []string
		}{
			{"close", closeCmd, []string{idOpen}},
			{"reopen", reopenCmd, []string{idResolved}},
			{"redact", redactCmd, []string{"--yes", idOpen}},
		} {
			t.Run(src+"/"+cmd.name, func(t *testing.T) {
				w := newWorld(t)
				args := cmd.args
				want := "--read-only"
				switch src {
				case "flag":
					args = append([]string{"--read-only"}, args...)
				case "env":
					w.vars["CXI_READ_ONLY"] = "1"
					want = "CXI_READ_ONLY=1"
				case "config":
					path := filepath.Join(w.config, "cxi", "config.toml")
					if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, []byte("read_only = true\n"), 0o600); err != nil {
						t.Fatal(err)
					}
					want = "read_only = true in " + path
				}
				out, errOut, code := w.run(cmd.run, args...)
				if code != command.ExitUsage || out != "" || w.srv.count() != 0 || w.dials != 0 {
					t.Errorf("exit %d, stdout %q, %d requests, %d dials", code, out, w.srv.count(), w.dials)
				}
				if errOut != "cxi: read-only ("+want+"): refused, nothing was sent\n" {
					t.Errorf("stderr %q", errOut)
				}
			})
		}
	}
}

func TestRedact(t *testing.T) {
	w := newWorld(t)
	// Without a terminal and without --yes: refused, nothing sent.
	_, errOut, code := w.run(redactCmd, idOpen)
	if code != command.ExitUsage || w.srv.count() != 0 || !strings.Contains(errOut, "pass --yes") {
		t.Errorf("no tty: exit %d, %d requests, %q", code, w.srv.count(), errOut)
	}
	// On a terminal, anything but the word cancels after the one GET.
	w.tty, w.stdin = true, "yes\n"
	out, errOut, code := w.run(redactCmd, idOpen)
	if code != command.ExitError || out != "" || len(w.srv.sent()) != 0 ||
		errOut != "Redact every message of session 3c90c3cc (attachments deleted) — permanent, cannot be undone.\nType redact to confirm: cxi: cancelled: nothing was sent\n" {
		t.Errorf("cancel: exit %d, %q, %q, %d writes", code, out, errOut, len(w.srv.sent()))
	}
	w.stdin = "redact\n"
	t.Run("confirmed", func(t *testing.T) {
		out, errOut, code := w.run(redactCmd, "--reason", "GDPR request \x1b[31m", idOpen)
		golden.RequireEqual(t, transcript([]string{"redact", "--reason", "'GDPR request \\e[31m'", idOpen}, out, errOut, code))
	})
	w.tty = false
	out, _, code = w.run(redactCmd, "--yes", "--message", "m-7", idOther)
	if code != 0 || out != "a1b2c3d4 message m-7 redacted\n" {
		t.Errorf("message: exit %d, %q", code, out)
	}
	sent := w.srv.sent()
	want := []request{
		{Method: "POST", Path: "/redaction/session", Body: map[string]any{"sessionId": idOpen, "reason": "GDPR request \x1b[31m"}},
		{Method: "POST", Path: "/redaction/message", Body: map[string]any{"messageId": "m-7"}},
	}
	if mustJSON(sent) != mustJSON(want) {
		t.Errorf("sent %s\nwant %s", mustJSON(sent), mustJSON(want))
	}
	// A --message that names nothing would redact the whole session: refused.
	n := w.srv.count()
	if _, _, code := w.run(redactCmd, "--yes", "--message", " ", idOpen); code != command.ExitUsage || w.srv.count() != n {
		t.Errorf("empty --message: exit %d", code)
	}
	if _, _, code := w.run(redactCmd, "--yes", "-"); code != command.ExitUsage {
		t.Errorf("redact -: exit %d", code)
	}
	if _, _, code := w.run(redactCmd, "--yes", idMissing); code != command.ExitNotFound || len(w.srv.sent()) != 2 {
		t.Errorf("missing: exit %d", code)
	}

	// The log shows both, the reason sanitized in text and escaped in JSON.
	t.Run("log", func(t *testing.T) {
		out, errOut, code := w.log()
		golden.RequireEqual(t, transcript([]string{"log"}, out, errOut, code))
	})
	t.Run("log_json", func(t *testing.T) {
		out, errOut, code := w.log("--json", "--since", "1h")
		golden.RequireEqual(t, transcript([]string{"log", "--json", "--since", "1h"}, out, errOut, code))
	})
}

func TestLog(t *testing.T) {
	w := newWorld(t)
	// No store yet: nothing, said on stderr, and none made.
	out, errOut, code := w.log()
	if code != 0 || out != "" || errOut != "cxi: no write recorded in the last 24h\n" {
		t.Errorf("exit %d, %q, %q", code, out, errOut)
	}
	if _, err := os.Stat(w.dir); !os.IsNotExist(err) {
		t.Errorf("log made the store: %v", err)
	}
	w.srv.writeFault[idBroken] = 500
	w.run(closeCmd, idOpen, idBroken)
	w.run(reopenCmd, "--helpdesk", idOpen)
	out, errOut, code = w.log("--since", "2h")
	golden.RequireEqual(t, transcript([]string{"log", "--since", "2h"}, out, errOut, code))
	if _, _, code := w.log("--since", "soon"); code != command.ExitUsage {
		t.Errorf("bad --since: exit %d", code)
	}
}

// TestLogWithNoPlaceForTheStore: no home directory and no CXI_STATE_DIR is
// no mistake on the command line: exit 1, as cxi store and handover exit,
// and nothing made.
func TestLogWithNoPlaceForTheStore(t *testing.T) {
	w := newWorld(t)
	delete(w.vars, "CXI_STATE_DIR")
	var out, errOut bytes.Buffer
	env := w.env(&out, &errOut)
	env.UserConfigDir = nil // macOS and Windows keep the store there
	code := logCmd(ctx(), []string{"--demo"}, env, settings.NewDeps(env))
	if code != command.ExitError || out.Len() != 0 || !strings.HasPrefix(errOut.String(), "cxi: the local store has no place: no home directory") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out.String(), errOut.String())
	}
}

// TestAKeyStoreThatCannotBeReadExitsOne: a key file that cannot be read
// (here a symlink loop; as a keyring that does not answer) stops close and
// cxi log with exit 1, the error's own code, as cxi auth status exits, not
// the 2 of a mistake on the command line.
func TestAKeyStoreThatCannotBeReadExitsOne(t *testing.T) {
	w := newWorld(t)
	delete(w.vars, "OPENCX_API_KEY")
	dir := filepath.Join(w.config, "cxi")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "key"), filepath.Join(dir, "key")); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range []struct {
		name string
		run  func([]string, command.Env) int
		args []string
	}{
		{"close", func(args []string, env command.Env) int { return closeCmd(ctx(), args, env, settings.NewDeps(env)) }, []string{idOpen}},
		{"log", func(args []string, env command.Env) int { return logCmd(ctx(), args, env, settings.NewDeps(env)) }, nil},
	} {
		var out, errOut bytes.Buffer
		code := cmd.run(cmd.args, w.env(&out, &errOut))
		if code != command.ExitError || !strings.HasPrefix(errOut.String(), "cxi: read the key file: ") || w.srv.count() != 0 {
			t.Errorf("%s: exit %d, stderr %q, %d requests; want 1", cmd.name, code, errOut.String(), w.srv.count())
		}
	}
}

// TestARedactionAnsweredNotDoneFails: 201 with success:false is no
// redaction: the line says it failed, with the API's words, the exit is an
// error and the audit log does not record it as done.
func TestARedactionAnsweredNotDoneFails(t *testing.T) {
	w := newWorld(t)
	w.srv.notRedacted = "Session is locked by a legal hold"
	out, errOut, code := w.run(redactCmd, "--yes", idOpen)
	if code != command.ExitError || !strings.HasPrefix(out, "3c90c3cc ") || strings.Contains(out, "redacted (") ||
		!strings.Contains(out+errOut, "legal hold") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if log, _, _ := w.log("--since", "1h"); strings.Contains(log, " ok ") || !strings.Contains(log, "redact") {
		t.Errorf("audit log: %q", log)
	}
}
