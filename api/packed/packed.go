// Package packed is how cxi keeps a session's body, in memory and on
// disk, at about two fifths of its size: deflate against a preset dictionary
// of what every session body repeats (the contract's field names, its
// enum words, the shape of its timestamps and IDs), behind a marker byte.
//
// A body is a kilobyte of JSON, too short for deflate to find much to
// repeat within it; the dictionary gives it the repetition that is across
// bodies instead. The dictionary is part of the format: once released, it
// is never changed. A better one is a new marker.
package packed

import (
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"sync"
)

// markerV1 starts a body packed against dictionaryV1. A JSON text never
// starts with this byte (it starts with '{', '[', a letter, a digit, a
// quote or white space), so a body kept before packing existed, or kept
// plain because packing did not shrink it, reads as itself.
const markerV1 = 0x01

// level is deflate's: packing happens off the UI's goroutine, once per
// body, and higher levels gain a few bytes a body for twice the time.
const level = 6

// The writers and readers are pooled because each holds a window of
// tens of kilobytes: one per body would cost more than the body.
var (
	writers = sync.Pool{New: func() any {
		w, err := flate.NewWriterDict(io.Discard, level, []byte(dictionaryV1))
		if err != nil {
			panic(err) // only a bad level fails, and level is a constant
		}
		return w
	}}
	readers = sync.Pool{New: func() any {
		return flate.NewReaderDict(bytes.NewReader(nil), []byte(dictionaryV1))
	}}
)

// Pack returns body packed, or body itself when packing would not make
// it smaller (an empty or tiny body). Unpack reverses either.
func Pack(body []byte) []byte {
	if len(body) < 16 {
		return body
	}
	w := writers.Get().(*flate.Writer)
	defer writers.Put(w)
	var b bytes.Buffer
	b.Grow(len(body)/2 + 16)
	b.WriteByte(markerV1)
	w.Reset(&b)
	// A bytes.Buffer does not fail to write; a flate.Writer fails only
	// when its destination does.
	if _, err := w.Write(body); err != nil {
		return body
	}
	if err := w.Close(); err != nil {
		return body
	}
	if b.Len() >= len(body) {
		return body
	}
	return bytes.Clone(b.Bytes()) // Grow's guess may have left room to spare
}

// Packed reports whether p is a packed body (and not one kept as itself).
func Packed(p []byte) bool { return len(p) > 0 && p[0] == markerV1 }

// ErrDamaged is a packed body that does not inflate.
var ErrDamaged = errors.New("a packed session body is damaged")

// Unpack returns the body p holds: p itself when it was kept plain.
func Unpack(p []byte) ([]byte, error) {
	if !Packed(p) {
		return p, nil
	}
	r := readers.Get().(io.ReadCloser)
	defer readers.Put(r)
	if err := r.(flate.Resetter).Reset(bytes.NewReader(p[1:]), []byte(dictionaryV1)); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	body, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	return body, nil
}
