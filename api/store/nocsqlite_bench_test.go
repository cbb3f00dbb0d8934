//go:build !(cgosqlite && sqlite_fts5)

package store

import (
	"database/sql"
	"testing"
)

// cSQLite is nil without C SQLite (see csqlite_bench_test.go): the
// lookups' benchmarks then run only on the store's own SQLite.
func cSQLite(*testing.B, string) *sql.DB { return nil }
