package common_test

import (
	"testing"

	"github.com/opencx-tools/cxi/ui/common"
)

func TestSayMakesANoticeMsg(t *testing.T) {
	for _, bad := range []bool{false, true} {
		cmd := common.Say("Copied ZD-1", bad)
		if cmd == nil {
			t.Fatal("Say returned no command")
		}
		msg, ok := cmd().(common.NoticeMsg)
		if !ok || msg.Text != "Copied ZD-1" || msg.Bad != bad {
			t.Errorf("Say(…, %v)() = %#v", bad, msg)
		}
	}
}
