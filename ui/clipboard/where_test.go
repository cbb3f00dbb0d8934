package clipboard

import "testing"

// TestOverSSHTakesAnyOfTheThreeVariables: a session in which only one of
// them survived, SSH_CLIENT among them, is SSH too.
func TestOverSSHTakesAnyOfTheThreeVariables(t *testing.T) {
	for _, name := range []string{"SSH_CONNECTION", "SSH_TTY", "SSH_CLIENT"} {
		getenv := func(k string) string {
			if k == name {
				return "10.0.0.1 52000 22"
			}
			return ""
		}
		if !OverSSH(getenv) {
			t.Errorf("%s alone: not over SSH", name)
		}
	}
	if OverSSH(func(string) string { return "" }) {
		t.Error("no SSH variable: over SSH")
	}
}
