//go:build !unix

package store

// noFollow and nonBlocking are no flags where the system has none:
// checkNotLinked's look before each open refuses a link or a special file.
const (
	noFollow    = 0
	nonBlocking = 0
)
