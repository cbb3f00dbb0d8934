package fake_test

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package's tests if any goroutine outlives them: a
// request or timer left running is a leak in a long-lived TUI.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}
