package paging

import (
	"errors"
	"testing"
)

func TestGuardEndsRepeatsCyclesAndEmptyRuns(t *testing.T) {
	tests := []struct {
		name  string
		pages [][2]any // cursor asked, next given; items are 1 unless the cursor starts with "e"
		stop  int      // the page (1-based) that ends the walk; 0 when none
		want  string
	}{
		{"a normal walk", [][2]any{{"", "2"}, {"2", "3"}, {"3", ""}}, 0, ""},
		{"the same cursor again", [][2]any{{"", "2"}, {"2", "2"}}, 2, "the server repeated a page cursor; stopped after 2 pages"},
		{"back to the first page", [][2]any{{"", "2"}, {"2", ""}}, 0, ""},
		{"a cycle of cursors", [][2]any{{"", "a"}, {"a", "b"}, {"b", "a"}}, 3, "the server repeated a page cursor; stopped after 3 pages"},
		{"a cycle back to the start", [][2]any{{"", "a"}, {"a", ""}}, 0, ""},
		{"a walk that starts where it is sent back", [][2]any{{"a", "a"}}, 1, "the server repeated a page cursor; stopped after 1 page"},
		{"empty pages forever", [][2]any{{"", "e1"}, {"e1", "e2"}, {"e2", "e3"}, {"e3", "e4"}, {"e4", "e5"}, {"e5", "e6"}}, 6, "the server sent 5 empty pages in a row; stopped after 6 pages"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var g Guard
			for i, p := range tt.pages {
				cursor, next := p[0].(string), p[1].(string)
				items := 1
				if len(cursor) > 0 && cursor[0] == 'e' {
					items = 0
				}
				err := g.Page(cursor, items, next)
				if i+1 != tt.stop {
					if err != nil {
						t.Fatalf("page %d: %v", i+1, err)
					}
					continue
				}
				var stop *StopError
				if !errors.As(err, &stop) || err.Error() != tt.want {
					t.Fatalf("page %d: %v, want %q", i+1, err, tt.want)
				}
				return
			}
			if tt.stop != 0 {
				t.Fatal("the walk was never stopped")
			}
		})
	}
}
