package demo

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"time"
)

// stampLayout is how the API writes a session's times: UTC, milliseconds, Z.
const stampLayout = "2006-01-02T15:04:05.000Z"

// stamp formats t as the API does.
func stamp(t time.Time) string { return t.UTC().Format(stampLayout) }

// newUUID returns a version 4 UUID (RFC 9562 variant) drawn from rng, so
// that generated IDs are the same in every run and match the schema.
func newUUID(rng *rand.Rand) string {
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], rng.Uint64())
	binary.BigEndian.PutUint64(b[8:], rng.Uint64())
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

// rngFor returns a generator seeded from a hash of parts. What is derived
// from a session ID (its transcript, its order number) is then the same in
// every server and every run, without storing it.
func rngFor(parts ...string) *rand.Rand {
	h := fnv.New128a()
	for _, p := range parts {
		_, _ = h.Write([]byte(p)) // a hash.Hash never fails to write
		_, _ = h.Write([]byte{0})
	}
	sum := h.Sum(nil)
	return rand.New(rand.NewPCG(binary.BigEndian.Uint64(sum[:8]), binary.BigEndian.Uint64(sum[8:])))
}

// pick returns a random element of xs, which must not be empty.
func pick[T any](rng *rand.Rand, xs []T) T { return xs[rng.IntN(len(xs))] }

// weighted is a choice with a relative weight.
type weighted[T any] struct {
	value  T
	weight int
}

// pickWeighted returns a value with probability proportional to its weight.
func pickWeighted[T any](rng *rand.Rand, choices []weighted[T]) T {
	total := 0
	for _, c := range choices {
		total += c.weight
	}
	n := rng.IntN(total)
	for _, c := range choices {
		if n < c.weight {
			return c.value
		}
		n -= c.weight
	}
	return choices[len(choices)-1].value
}

// chance reports true with probability p.
func chance(rng *rand.Rand, p float64) bool { return rng.Float64() < p }

// logUniform returns a duration between lo and hi whose logarithm is
// uniform: as many sessions a few minutes old as a few days old, so that
// every age the queue prints ("5m", "3h", "2d", "3w") occurs.
func logUniform(rng *rand.Rand, lo, hi time.Duration) time.Duration {
	if hi <= lo {
		return lo
	}
	l, h := math.Log(float64(lo)), math.Log(float64(hi))
	return time.Duration(math.Exp(l + rng.Float64()*(h-l)))
}

// digits returns n random decimal digits.
func digits(rng *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + rng.IntN(10))
	}
	return string(b)
}

// fromAlphabet returns n random characters of alphabet (ASCII).
func fromAlphabet(rng *rand.Rand, alphabet string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[rng.IntN(len(alphabet))]
	}
	return string(b)
}
