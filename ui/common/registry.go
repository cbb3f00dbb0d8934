package common

// Registry is the names the TUI's command line completes and checks for
// the commands whose arguments are not the API's: the saved views
// (:view), the profiles (:profile) and the user-defined actions (:run).
// The root fills it from what it runs with; the command line does not
// know what the names do, only that they exist.
type Registry struct {
	Views    []string
	Profiles []string
	Actions  []string
}
