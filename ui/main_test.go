package ui

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package's tests if any goroutine outlives them: a
// request or timer left running is a leak in a long-lived TUI.
func TestMain(m *testing.M) {
	// teatest leaves one goroutine per test model waiting for an interrupt
	// that never comes; it is the test harness's, not the program's.
	goleak.VerifyTestMain(m, goleak.IgnoreTopFunction("github.com/charmbracelet/x/exp/teatest.NewTestModel.func2"))
}
