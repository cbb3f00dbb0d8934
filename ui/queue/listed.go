package queue

import "github.com/opencx-tools/cxi/api"

// Listed returns the sessions the page brought, and whether it refreshes
// rows already loaded (auto-refresh, r, the first page over the store's
// rows) rather than loading the queue afresh or an older page: for the
// root's nudge, which decides with it what is news.
func (msg PageLoadedMsg) Listed() ([]api.Session, bool) {
	if msg.page == nil {
		return nil, false
	}
	return msg.page.Items, msg.refresh
}
