package transcript

import (
	"strings"
	"testing"
)

func TestOneEventIsCountedAsOne(t *testing.T) {
	m := New(theme(), DefaultKeyMap(), newBook(1, 50), "s1", now).SetSize(80, 20)
	m, cmd := m.Start()
	m = run(m, cmd)
	if v := m.View(); !strings.Contains(v, "end of the history: 1 event —") {
		t.Errorf("end not shown as one event:\n%s", v)
	}
}
