package fake

import (
	"fmt"
	"testing"
	"time"
)

func TestScratchSearch(t *testing.T) {
	s := newTestServer()
	t0 := time.Now()
	idx := s.searchIndexNow()
	fmt.Println("build", time.Since(t0), len(idx.contacts), len(idx.messages))
	for _, q := range []string{"dana.whitfield@example.com", "whitf", "4155550134", "+1 (415) 555-0134", "山田", "анна", "zzzz", "1418 Alder Lane", "example", "Alder", "chargeback", "unbelievable", "Γιώργος"} {
		a := s.searchAnswer(q)
		fmt.Printf("%q %d %.400s\n\n", q, a.status, a.body)
	}
}
