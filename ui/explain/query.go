package explain

import (
	"github.com/opencx-tools/cxi/api/resolve"
	"github.com/opencx-tools/cxi/ui/render"
)

// Query says what a search for text understood it as and where it will
// look, before anything is sent: the input's hint and the status line
// while the search runs say the same.
func Query(q resolve.Query) string {
	switch q.Kind {
	case resolve.KindTicket:
		return "ticket " + render.Line(q.Value) + " → the queue, local history and the API"
	case resolve.KindEmail, resolve.KindPhone:
		return q.Kind.String() + " → the queue, local history and the API's contacts"
	}
	return "name → the queue, local history and the API's contacts and messages"
}
