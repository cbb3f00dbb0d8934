package demo

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package's tests if any goroutine outlives them: the
// demo's server runs inside a long-lived TUI.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}
