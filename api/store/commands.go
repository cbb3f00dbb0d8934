package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// CommandHistoryLimit is how many command lines the store keeps: enough
// for a shift's worth of ↑, small enough never to matter on disk.
const CommandHistoryLimit = 200

// AddCommand records a line run on the TUI's command line at time at, and
// drops the oldest beyond CommandHistoryLimit. A line that repeats the last
// one is not kept twice (as a shell's ignoredups), so ↑ reaches something
// new. A blank line is not kept. Like a note, it fails every time once the
// store has stopped remembering: the line is still in the TUI's memory.
func (s *Store) AddCommand(ctx context.Context, line string, at time.Time) error {
	line = strings.TrimSpace(line)
	if line == "" {
		return nil
	}
	return s.writeOwn(ctx, func(tx *sql.Tx) error {
		var last string
		err := tx.QueryRowContext(ctx, "SELECT line FROM command_history ORDER BY seq DESC LIMIT 1").Scan(&last)
		switch {
		case err == nil && last == line:
			return nil
		case err != nil && err != sql.ErrNoRows:
			return err
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO command_history(at_ns, line) VALUES (?, ?)", unixNano(at), line); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM command_history WHERE seq <=
			(SELECT seq FROM command_history ORDER BY seq DESC LIMIT 1 OFFSET ?)`, CommandHistoryLimit)
		return err
	})
}

// CommandHistory is the command lines kept, oldest first, at most
// CommandHistoryLimit. A nil *Store has none.
func (s *Store) CommandHistory(ctx context.Context) ([]string, error) {
	if s == nil {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, "SELECT line FROM command_history ORDER BY seq DESC LIMIT ?", CommandHistoryLimit)
	if err != nil {
		return nil, s.damaged(fmt.Errorf("read the command history: %w", err))
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return nil, s.damaged(fmt.Errorf("read the command history: %w", err))
		}
		out = append(out, line)
	}
	if err := rows.Err(); err != nil {
		return nil, s.damaged(fmt.Errorf("read the command history: %w", err))
	}
	// Read newest first so the limit keeps the newest; returned oldest first.
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out, nil
}
