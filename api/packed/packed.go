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
	stdflate "compress/flate"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/klauspost/compress/flate"
)

// markerV1 starts a body packed against dictionaryV1. A JSON text never
// starts with this byte (it starts with '{', '[', a letter, a digit, a
// quote or white space), so a body kept before packing existed, or kept
// plain because packing did not shrink it, reads as itself.
const markerV1 = 0x01

// level is the deflate writer's (github.com/klauspost/compress/flate).
// Any deflate stream against the dictionary is the same format: the
// reader is the standard library's, and takes bodies an older cxi packed
// with compress/flate at level 6 (TestAnyWriterUnpacks).
//
// Why not compress/flate: on a body of a kilobyte its cost is fixed work,
// not matching. Every Reset clears 640 KB of hash chains and hashes the
// dictionary again (~20% of Pack), and Close builds the block's Huffman
// codes (~45%), so its level hardly matters: 31–38 µs of CPU a demo body
// at levels 2 to 9, 22 µs at 1, which ignores the dictionary (562 B a
// body). klauspost's writer resets by moving an offset and keeps its
// tables small: 15–19 µs at level 5 for 361 B a body, against 33–38 µs
// for 357 B with compress/flate at 6 (BenchmarkPackLevels, CPU time on
// two shared cores). Packing was most of making a page's rows.
const level = 5

// packer is a deflate writer with its dictionary and a scratch buffer to
// pack into, so that a packed body costs one allocation of its own size.
type packer struct {
	w       *flate.Writer
	scratch bytes.Buffer
}

// The packers and readers are pooled, not made per body or passed down:
// each holds tables of hundreds of kilobytes, more than a few hundred
// bodies, and bodies are packed on whichever goroutine fetched or saves
// them (a page's command, the store's save). A pool keeps one per
// goroutine at work and lets the collector take them back when packing
// stops.
var (
	packers = sync.Pool{New: func() any {
		w, err := flate.NewWriterDict(io.Discard, level, []byte(dictionaryV1))
		if err != nil {
			panic(err) // only a bad level fails, and level is a constant
		}
		return &packer{w: w}
	}}
	readers = sync.Pool{New: func() any {
		dict := []byte(dictionaryV1)
		return &unpacker{r: stdflate.NewReaderDict(bytes.NewReader(nil), dict), dict: dict}
	}}
)

// unpacker is an inflating reader, the dictionary as bytes, and a scratch
// buffer to inflate into, so that a body unpacked is one allocation of its
// size. Before, the dictionary was converted for every body (2.5 KB), and
// io.ReadAll, growing from 512 bytes, returned a body with room for up to
// twice itself, kept for as long as the session was.
type unpacker struct {
	r       io.ReadCloser
	dict    []byte
	src     bytes.Reader
	scratch bytes.Buffer
}

// Pack returns body packed, or body itself when packing would not make
// it smaller (an empty or tiny body). Unpack reverses either. A packed
// result shares no memory with body, with other packed bodies or with the
// pool; a body kept as itself is body.
func Pack(body []byte) []byte {
	if len(body) < 16 {
		return body
	}
	p := packers.Get().(*packer)
	defer packers.Put(p)
	b := &p.scratch
	b.Reset()
	b.WriteByte(markerV1)
	p.w.Reset(b)
	// A bytes.Buffer does not fail to write; a flate.Writer fails only
	// when its destination does.
	if _, err := p.w.Write(body); err != nil {
		return body
	}
	if err := p.w.Close(); err != nil {
		return body
	}
	if b.Len() >= len(body) {
		return body
	}
	return bytes.Clone(b.Bytes())
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
	u := readers.Get().(*unpacker)
	defer readers.Put(u)
	u.src.Reset(p[1:])
	if err := u.r.(stdflate.Resetter).Reset(&u.src, u.dict); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	u.scratch.Reset()
	if _, err := u.scratch.ReadFrom(u.r); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	return bytes.Clone(u.scratch.Bytes()), nil
}
