package queue

import (
	"time"

	"github.com/opencx-tools/cxi/ui/render"
)

// windowName is the updated-within filter as the config file writes it:
// "last 24h", "last 7d".
func windowName(d time.Duration) string {
	if d == 0 {
		return "any time"
	}
	return "last " + render.Duration(d)
}
