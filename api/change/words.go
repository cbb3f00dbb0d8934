package change

import "github.com/opencx-tools/cxi/api"

// StatusWord is a session status in the one vocabulary cxi speaks to a
// person, everywhere one reads it (the queue, the panes, the "since you
// last looked" lines, the handover, cxi log, the commands' result lines):
// "open", "resolved", "unresolved". A status the contract does not list
// yet is the API's value as sent, for the caller to sanitize. JSON keeps
// the API's words.
func StatusWord(s api.Status) string {
	switch s {
	case api.StatusClosedResolved:
		return "resolved"
	case api.StatusClosedUnresolved:
		return "unresolved"
	}
	return string(s)
}

// Done is a change to status s once made, in the words of the menu that
// offers it ("close as resolved"): "closed as resolved", "closed as
// unresolved", "reopened".
func Done(s api.Status) string {
	switch s {
	case api.StatusOpen:
		return "reopened"
	case api.StatusClosedResolved, api.StatusClosedUnresolved:
		return "closed as " + StatusWord(s)
	}
	return "set to " + StatusWord(s)
}

// LeftAlone is what a change to status s does to a session already in it,
// counted by the caller ("2 already resolved, left alone"): the
// confirmation, the summary and the undo of a batch say it in these words.
func LeftAlone(s api.Status) string { return "already " + StatusWord(s) + ", left alone" }
