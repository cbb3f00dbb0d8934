package fake

import (
	"encoding/base64"
	"errors"
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
)

// A cursor is opaque to clients: base64url (no padding) of
// "v1.<offset>.<scope hash in hex>". The scope is what the offset counts
// into (the list under one set of filters, or one session's history); its
// hash lets the server refuse a cursor replayed against another scope,
// which would otherwise silently skip or repeat items. The index never
// changes once built, so an offset stays valid for the server's lifetime.

// cursorVersion prefixes every cursor, so the format can change visibly.
const cursorVersion = "v1"

// scopeHash hashes the canonical description of what a cursor pages through.
func scopeHash(scope string) uint64 {
	h := fnv.New64a()
	_, _ = h.Write([]byte(scope)) // a hash.Hash never fails to write
	return h.Sum64()
}

// encodeCursor returns the cursor for the page starting at offset.
func encodeCursor(offset int, scope string) string {
	raw := fmt.Sprintf("%s.%d.%016x", cursorVersion, offset, scopeHash(scope))
	return base64.RawURLEncoding.EncodeToString([]byte(raw))
}

// decodeCursor returns the offset a cursor points at. An empty cursor is
// the first page. The offset may equal total (an empty last page) but not
// exceed it.
func decodeCursor(cursor, scope string, total int) (int, error) {
	if cursor == "" {
		return 0, nil
	}
	raw, err := base64.RawURLEncoding.DecodeString(cursor)
	if err != nil {
		return 0, errors.New("is not a cursor this server issued")
	}
	parts := strings.Split(string(raw), ".")
	if len(parts) != 3 || parts[0] != cursorVersion {
		return 0, errors.New("is not a cursor this server issued")
	}
	offset, err := strconv.Atoi(parts[1])
	if err != nil || offset < 0 {
		return 0, errors.New("is not a cursor this server issued")
	}
	hash, err := strconv.ParseUint(parts[2], 16, 64)
	if err != nil {
		return 0, errors.New("is not a cursor this server issued")
	}
	if hash != scopeHash(scope) {
		return 0, errors.New("belongs to a different query; start again without a cursor")
	}
	if offset > total {
		return 0, errors.New("points past the end")
	}
	return offset, nil
}

// pageBody renders {"items":[…],"next":…} from items that are already JSON.
func pageBody(items [][]byte, next string) []byte {
	n := 32 + len(next)
	for _, it := range items {
		n += len(it) + 1
	}
	b := make([]byte, 0, n)
	b = append(b, `{"items":[`...)
	for i, it := range items {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, it...)
	}
	b = append(b, `],"next":`...)
	if next == "" {
		b = append(b, "null"...)
	} else {
		b = strconv.AppendQuote(b, next) // base64url needs no escaping
	}
	return append(b, '}')
}

// page cuts one page out of items, starting at offset, and returns it with
// the cursor of the next page ("" on the last).
func page[T any](items []T, offset, size int, scope string) ([]T, string) {
	end := min(offset+size, len(items))
	next := ""
	if end < len(items) {
		next = encodeCursor(end, scope)
	}
	return items[offset:end], next
}
