package common

import tea "github.com/charmbracelet/bubbletea"

// NoticeMsg puts a notice on the status line. Any component may have
// something to say; the status line is only the one that shows it, so the
// message lives here rather than in the status line: saying something must
// not make a view import another component (views are leaves).
type NoticeMsg struct {
	Text string
	Bad  bool // a warning or an error, drawn as one
}

// Say is the command that shows text on the status line for a few seconds.
func Say(text string, bad bool) tea.Cmd {
	return func() tea.Msg { return NoticeMsg{Text: text, Bad: bad} }
}
