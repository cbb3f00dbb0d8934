//go:build unix

package privatefile

import "syscall"

// nonBlocking makes opening a FIFO return at once; a regular file reads
// the same with it.
const nonBlocking = syscall.O_NONBLOCK
