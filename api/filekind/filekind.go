// Package filekind names what a path holds when it is not the regular
// file cxi expected there (a link, a FIFO, a directory), in the words of
// one sentence: the store, the config file and the key file say it alike.
package filekind

import "io/fs"

// Of names what a file of mode m is: "a symbolic link", "a named pipe
// (FIFO)", "a directory", …; "a regular file" for one.
func Of(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return "a regular file"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}
