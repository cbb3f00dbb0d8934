package ui

import (
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api/fake/demo"
)

// TestRawJSONShowsTheAnswerAsSent: v shows the session as the API sent it,
// indented, with what a terminal would act on escaped; esc goes back.
func TestRawJSONShowsTheAnswerAsSent(t *testing.T) {
	hostile := fetchFrom(t, demo.IDHostile)
	if len(hostile.Raw) == 0 {
		t.Fatal("GetSession kept no raw body")
	}
	m := newTestModel(t, &stubClient{})
	m = loaded(send(typeText(m, hostile.ID), enter), hostile)
	m = press(m, "v")
	v := m.View()
	if !strings.Contains(v, "as the API sent it") || !strings.Contains(v, `"id": "`+demo.IDHostile+`"`) {
		t.Fatalf("no raw JSON:\n%s", v)
	}
	if strings.ContainsAny(v, "\x1b\u202e\u009b") {
		t.Errorf("the raw view lets a control or bidi character through:\n%q", v)
	}
	if !strings.Contains(v, `\u202e`) {
		t.Errorf("the bidi override is not shown escaped:\n%s", v)
	}
	assertFits(t, v, 120, 40)
	before := v
	m = press(m, "G")
	if m.View() == before {
		t.Error("G does not scroll the raw view")
	}
	m = press(m, "esc")
	if v := m.View(); strings.Contains(v, "as the API sent it") || !strings.Contains(v, "Sentiment") {
		t.Errorf("esc did not go back to the panels:\n%s", v)
	}
	// A session without a kept body (the stub's are made by hand; in life,
	// one kept by an older cxi) shows its decoded form, and says so.
	m = startedModel(t, &stubClient{sessions: stubSessions(2)})
	m = send(m, enter)
	m = press(m, "v")
	if !strings.Contains(m.View(), "as cxi decoded it") {
		t.Errorf("a session without its body: the raw view does not say what it shows:\n%s", m.View())
	}
}
