package store

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

func TestCommandHistoryKeepsLinesInOrderWithoutRepeats(t *testing.T) {
	s := fresh(t)
	for i, line := range []string{"close", "  filter channel=email ", "filter channel=email", "", "open #4411", "close"} {
		if err := s.AddCommand(ctx, line, t0.Add(time.Duration(i)*time.Second)); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.CommandHistory(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The repeat right after is dropped, the blank line too; a line
	// that comes back later is kept again, as ↑ would reach it.
	want := []string{"close", "filter channel=email", "open #4411", "close"}
	if !slices.Equal(got, want) {
		t.Errorf("history = %q, want %q", got, want)
	}
}

func TestCommandHistoryKeepsTheNewestUpToTheLimit(t *testing.T) {
	s := fresh(t)
	n := CommandHistoryLimit + 25
	for i := range n {
		if err := s.AddCommand(ctx, fmt.Sprintf("open #%d", i), t0); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.CommandHistory(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != CommandHistoryLimit {
		t.Fatalf("%d lines kept, want %d", len(got), CommandHistoryLimit)
	}
	if got[0] != "open #25" || got[len(got)-1] != fmt.Sprintf("open #%d", n-1) {
		t.Errorf("kept %q … %q, want the newest %d", got[0], got[len(got)-1], CommandHistoryLimit)
	}
	var rows int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM command_history").Scan(&rows); err != nil {
		t.Fatal(err)
	}
	if rows != CommandHistoryLimit {
		t.Errorf("%d rows on disk, want %d: the table is not trimmed", rows, CommandHistoryLimit)
	}
}

func TestCommandHistorySurvivesReopening(t *testing.T) {
	dir := stateDir(t)
	s := mustOpen(t, options(dir))
	if err := s.AddCommand(ctx, "filter status=open", t0); err != nil {
		t.Fatal(err)
	}
	s.Close()
	again := mustOpen(t, options(dir))
	got, err := again.CommandHistory(ctx)
	if err != nil || !slices.Equal(got, []string{"filter status=open"}) {
		t.Errorf("after reopening: %q, %v", got, err)
	}
}

func TestNilStoreHasNoCommandHistory(t *testing.T) {
	var s *Store
	if err := s.AddCommand(ctx, "close", t0); err != nil {
		t.Errorf("AddCommand on nil: %v", err)
	}
	if got, err := s.CommandHistory(ctx); got != nil || err != nil {
		t.Errorf("CommandHistory on nil = %q, %v", got, err)
	}
}
