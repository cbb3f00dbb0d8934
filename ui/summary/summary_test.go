package summary

import (
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/render"
)

// TestTextWrapsCJK: Chinese and Japanese have no spaces to break at, so a
// long summary in them used to come out as one line as wide as the text.
func TestTextWrapsCJK(t *testing.T) {
	summary := strings.Repeat("客户两次被收取年度会员续费，要求退还重复扣款并取消会员资格。お客様は関税の請求について問い合わせています。", 4)
	team := "国际配送团队（亚洲）—— 海关、关税以及发往日本、韩国和台湾的国际货件处理小组"
	name := "山田 花子"
	s := &api.Session{
		ID: "3f9c2a71-8d4e-4b6a-9f13-5c2e7d8a1b04", Status: api.StatusClosedUnresolved,
		Contact: &api.Contact{ID: "c", Name: &name}, Team: &api.Team{ID: "t", Name: team},
		Handoff: &api.Handoff{Summary: summary},
	}
	for _, width := range []int{80, 50} {
		out := Text(s, time.Now(), width)
		for _, l := range strings.Split(out, "\n") {
			if render.Width(l) > width {
				t.Errorf("width %d: a line of %d cells: %q", width, render.Width(l), l)
			}
		}
		flat := strings.ReplaceAll(strings.ReplaceAll(out, "\n", ""), " ", "")
		for _, whole := range []string{summary, team} {
			if !strings.Contains(flat, strings.ReplaceAll(whole, " ", "")) {
				t.Errorf("width %d: text lost in wrapping:\n%s", width, out)
			}
		}
		if !strings.Contains(out, "Status      unresolved") {
			t.Errorf("status not in the queue's words:\n%s", out)
		}
	}
}
