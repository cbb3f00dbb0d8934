//go:build cgosqlite && sqlite_fts5

package store

import (
	"database/sql"
	"testing"

	_ "github.com/mattn/go-sqlite3" // the "sqlite3" driver: C SQLite, through cgo
)

// cSQLite opens the store's file at path read-only through C SQLite
// (github.com/mattn/go-sqlite3), the floor of a lookup's SQL: build with
//
//	go test -tags 'cgosqlite sqlite_fts5' -run '^$' -bench 'FindTicket|Search' ./api/store/
//
// (FTS5, which the search index is, needs the second tag). CI does not:
// cxi itself stays pure Go.
func cSQLite(b *testing.B, path string) *sql.DB {
	b.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	if err := db.Ping(); err != nil {
		b.Fatal(err)
	}
	return db
}
