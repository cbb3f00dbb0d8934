package cmdmenu

import (
	"strings"
	"testing"

	"go.uber.org/goleak"

	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/clipboard"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/internal/keytest"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/useraction"
)

// TestMain fails the package's tests when one leaves a goroutine behind.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func menu(t *testing.T, readOnly string, targets int) Model {
	t.Helper()
	as, err := useraction.Build([]useraction.Spec{
		{Name: "zendesk", Key: "Z", URL: "https://acme.zendesk.com/agent/tickets/{external_id}"},
		{Name: "escalate", Run: []string{"zendesk-cli", "escalate", "{external_id}"}, Write: true},
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx := common.Context{Theme: styles.Plain(), Keys: keys.Default()}.WithDefaults()
	return New(ctx, useraction.NewSet(as, readOnly, useraction.Runner{}, clipboard.Copier{}), targets)
}

// ran is the command's name the menu asked to run, or "".
func ran(t *testing.T, m Model, ks ...string) string {
	t.Helper()
	o, cmd := keytest.Press(t, m, ks...)
	if cmd == nil {
		return ""
	}
	if o != nil {
		t.Error("the menu stayed open after a choice")
	}
	return keytest.Run(cmd)[0].(useraction.RunMsg).Name
}

func TestChoose(t *testing.T) {
	m := menu(t, "", 1)
	for _, tc := range []struct {
		keys []string
		want string
	}{
		{[]string{"enter"}, "zendesk"},
		{[]string{"down", "enter"}, "escalate"},
		{[]string{"down", "down", "enter"}, "zendesk"}, // round the end
		{[]string{"2"}, "escalate"},
		{[]string{"9"}, ""},
	} {
		if got := ran(t, m, tc.keys...); got != tc.want {
			t.Errorf("%q ran %q, want %q", tc.keys, got, tc.want)
		}
	}
	for _, k := range []string{"esc", "x"} {
		if o, cmd := keytest.Press(t, m, k); o != nil || cmd != nil {
			t.Errorf("%s did not just close the menu", k)
		}
	}
}

func TestViewMarks(t *testing.T) {
	v := menu(t, "--read-only", 3).View(100, 10)
	for _, want := range []string{"on each of 3 selected sessions", "1  zendesk   Z    opens https://acme.zendesk.com/agent/tickets/{external_id}", "2  escalate       (read-only) runs zendesk-cli escalate {external_id}"} {
		if !strings.Contains(v, want) {
			t.Errorf("the menu lacks %q:\n%s", want, v)
		}
	}
	if v := menu(t, "", 1).View(100, 10); !strings.Contains(v, "(writes) runs zendesk-cli") || strings.Contains(v, "read-only") {
		t.Errorf("not read-only:\n%s", v)
	}
}
