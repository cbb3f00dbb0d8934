package common

import (
	"time"

	"github.com/opencx-tools/cxi/api"
)

// Fact is what one loaded session says of the shift, for the header's
// pulse: counted over every row at the end of a load, so the queue hands
// over these few fields and decodes no session.
type Fact struct {
	Status    api.Status
	HandedOff bool      // a handoff, or closed by the AI as handed off
	Angry     bool      // the sentiment is angry
	Created   time.Time // zero when created_at did not parse
}
