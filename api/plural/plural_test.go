package plural

import "testing"

func TestCount(t *testing.T) {
	for n, want := range map[int]string{0: "0 pages", 1: "1 page", 2: "2 pages", -1: "-1 pages"} {
		if got := Count(n, "page"); got != want {
			t.Errorf("Count(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestCountAgreesWithItsNoun(t *testing.T) {
	for _, tt := range []struct {
		n    int
		want string
	}{{0, "0 loaded sessions match"}, {1, "1 loaded session matches"}, {2, "2 loaded sessions match"}} {
		got := CountAs(tt.n, "loaded session", "loaded sessions") + " " + Form(tt.n, "matches", "match")
		if got != tt.want {
			t.Errorf("%d: %q, want %q", tt.n, got, tt.want)
		}
	}
}
