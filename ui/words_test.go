package ui

import (
	"strings"
	"testing"
	"time"
)

// TestAutoRefreshReadsAsWritten: a refresh of 1m is "1m" on the status
// line, not time.Duration's "1m0s".
func TestAutoRefreshReadsAsWritten(t *testing.T) {
	m := startedModel(t, &stubClient{sessions: stubSessions(3)}, func(o *Options) { o.AutoRefresh = time.Minute })
	v := m.View()
	if !strings.Contains(v, "auto-refresh 1m") {
		t.Errorf("status line lacks \"auto-refresh 1m\":\n%s", v)
	}
	if strings.Contains(v, "1m0s") {
		t.Errorf("status line says 1m0s:\n%s", v)
	}
}
