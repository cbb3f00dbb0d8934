package runtimemem

import (
	"runtime/debug"
	"testing"
)

// policy is the collector's GOGC and memory limit now.
func policy() (percent int, limit int64) {
	percent = debug.SetGCPercent(100)
	debug.SetGCPercent(percent)
	return percent, debug.SetMemoryLimit(-1) // a negative limit reads it
}

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestTuneSetsThePolicyAndRestoresIt(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(137)) // a start no default could be
	_, limit := policy()
	restore := Tune(env(nil))
	if p, l := policy(); p != gcPercent || l != limit {
		t.Errorf("after Tune: GOGC %d, memory limit %d; want GOGC %d and the limit left at %d", p, l, gcPercent, limit)
	}
	restore()
	if p, _ := policy(); p != 137 {
		t.Errorf("after restore: GOGC %d, want the 137 it was", p)
	}
}

func TestTuneLeavesTheUsersChoiceAlone(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(137))
	for _, vars := range []map[string]string{
		{"GOGC": "200"},
		{"GOGC": "off"},
		{"GOMEMLIMIT": "1GiB"},
		{"GOGC": "100", "GOMEMLIMIT": "512MiB"},
	} {
		restore := Tune(env(vars))
		if p, _ := policy(); p != 137 {
			t.Errorf("with %v: Tune set GOGC %d, want it left at 137", vars, p)
		}
		restore()
		if p, _ := policy(); p != 137 {
			t.Errorf("with %v: restore set GOGC %d, want it left at 137", vars, p)
		}
	}
}
