package ui

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package's tests if any goroutine outlives them: a
// request or timer left running is a leak in a long-lived TUI.
func TestMain(m *testing.M) {
	// teatest leaves one goroutine per test model waiting for an interrupt
	// that never comes; it is the test harness's, not the program's. And
	// bubbletea v1 runs a batch's commands to their end after the program
	// quit: a clock tick pending then (the TUI's, once a minute) holds its
	// batch until it fires. A golden run alone ends before it does.
	goleak.VerifyTestMain(m,
		goleak.IgnoreTopFunction("github.com/charmbracelet/x/exp/teatest.NewTestModel.func2"),
		goleak.IgnoreTopFunction("github.com/charmbracelet/bubbletea.Tick.func1"),
		goleak.IgnoreAnyFunction("github.com/charmbracelet/bubbletea.(*Program).execBatchMsg"))
}
