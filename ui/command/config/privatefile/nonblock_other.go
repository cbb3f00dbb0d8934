//go:build !unix

package privatefile

// nonBlocking is no flag where the system has no FIFOs to block on:
// Open's look before the open refuses what is not a file.
const nonBlocking = 0
