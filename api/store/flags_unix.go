//go:build unix

package store

import "syscall"

// noFollow makes an open fail on a symlink instead of opening its target;
// nonBlocking makes opening a FIFO return at once instead of waiting for a
// writer. A regular file opens the same with both.
const (
	noFollow    = syscall.O_NOFOLLOW
	nonBlocking = syscall.O_NONBLOCK
)
