package actions

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/change"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/common"
)

// failingAPI answers every PATCH with patchErr and every GET with getErr
// (else the session, in the status last sent).
type failingAPI struct {
	patchErr, getErr error
	status           api.Status
}

func (f *failingAPI) SetStatus(_ context.Context, _ string, ch api.StatusChange) error {
	if f.patchErr == nil {
		f.status = ch.Status
	}
	return f.patchErr
}

func (f *failingAPI) GetSession(_ context.Context, id string) (*api.Session, error) {
	if f.getErr != nil {
		return nil, f.getErr
	}
	return &api.Session{ID: id, Status: f.status}, nil
}

// TestAWriteWithoutAnAnswerIsNotCalledUnchanged: a PATCH that got no
// answer (timeout, dropped connection) may have been applied: the status
// line does not say "Status not changed", the audit log records it as cxi
// close does, and the session stays selected to check.
func TestAWriteWithoutAnAnswerIsNotCalledUnchanged(t *testing.T) {
	for _, tt := range []struct {
		kind  api.Kind
		words string
	}{{api.KindTimeout, change.NoAnswer}, {api.KindDropped, change.Dropped}} {
		var log auditLog
		f := &failingAPI{patchErr: &api.Error{Kind: tt.kind, Op: "change the status of 0d322df5", Err: errors.New("no answer within 15s")}}
		d := &driver{t: t, m: New(testCtx(), f, common.WriteSettings{Audit: &log})}
		d.run(d.update(ConfirmedMsg{Change: api.StatusChange{Status: api.StatusClosedResolved}, Sessions: opened(idAsked)}))
		said := d.last()
		if !strings.HasPrefix(said.Text, "Sent, result unknown (it may or may not have happened): ") || strings.Contains(said.Text, "not changed") {
			t.Errorf("%s: said %q", tt.words, said.Text)
		}
		if ev := d.finished(); ev == nil || fmt.Sprint(ev.Failed) != "["+idAsked+"]" {
			t.Errorf("%s: finished %+v", tt.words, ev)
		}
		if len(log) != 1 || log[0].Outcome != tt.words {
			t.Errorf("%s: audit log %+v", tt.words, log)
		}
	}
}

// TestAChangeTakenButNotReadBackIsNotAFailure: the API took the PATCH
// (2xx) and only the GET after it failed: the change was made. It is not
// counted failed nor kept selected, and the audit log says ok, not
// confirmed, as cxi close does.
func TestAChangeTakenButNotReadBackIsNotAFailure(t *testing.T) {
	var log auditLog
	f := &failingAPI{getErr: &api.Error{Kind: api.KindServer, Status: 500, Op: "get session 0d322df5"}}
	d := &driver{t: t, m: New(testCtx(), f, common.WriteSettings{Audit: &log})}
	d.run(d.update(ConfirmedMsg{Change: api.StatusChange{Status: api.StatusClosedResolved}, Sessions: opened(idAsked, idAsked2)}))
	if want := "2 closed as resolved, not confirmed (failed (HTTP 500))"; !strings.HasPrefix(d.last().Text, want) || d.last().Bad {
		t.Errorf("said %+v\nwant %q", d.last(), want)
	}
	if ev := d.finished(); ev == nil || len(ev.Failed) != 0 {
		t.Errorf("finished %+v: a change made is not a failure to retry", ev)
	}
	if len(log) != 2 || log[0].Outcome != "ok, not confirmed: failed (HTTP 500)" {
		t.Errorf("audit log %+v", log)
	}
}

// fullAudit is an audit log on a disk that filled up.
type fullAudit struct{}

func (fullAudit) Audit(context.Context, store.AuditEntry) error {
	return &store.NotRememberingError{Path: "/tmp/org.sqlite", Err: errors.New("database or disk is full (13)")}
}

// TestAWriteTheAuditLogCouldNotRecordIsSaid: the audit log is a promise
// ("every write is recorded"); when it cannot keep one, the status line
// says so, for a status change and for a redaction alike.
func TestAWriteTheAuditLogCouldNotRecordIsSaid(t *testing.T) {
	d := &driver{t: t, m: New(testCtx(), &failingAPI{}, common.WriteSettings{Audit: fullAudit{}})}
	d.run(d.update(ConfirmedMsg{Change: api.StatusChange{Status: api.StatusClosedResolved}, Sessions: opened(idAsked)}))
	found := false
	for _, n := range d.said {
		if strings.HasPrefix(n.Text, "Not recorded in the audit log (0d322df5): ") && strings.Contains(n.Text, "disk is full") && n.Bad {
			found = true
		}
	}
	if !found {
		t.Errorf("the lost audit entry is not said: %+v", d.said)
	}

	m := New(testCtx(), &failingAPI{}, common.WriteSettings{Audit: fullAudit{}})
	_, _, cmd := m.Update(RedactedMsg{SessionID: idAsked, Result: &api.Redaction{Success: true, MessagesRedacted: 3}, Unlogged: fullAudit{}.Audit(context.Background(), store.AuditEntry{})})
	said, _ := cmd().(common.NoticeMsg)
	if !strings.Contains(said.Text, "Redacted 3 messages of 0d322df5") || !strings.Contains(said.Text, "Not recorded in the audit log: ") || !said.Bad {
		t.Errorf("redaction: said %+v", said)
	}
}
