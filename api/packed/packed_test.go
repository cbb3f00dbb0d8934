package packed

import (
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"testing"
	"time"

	kflate "github.com/klauspost/compress/flate"

	"github.com/opencx-tools/cxi/api/fake/demo"
)

func TestPackRoundTrips(t *testing.T) {
	bodies := [][]byte{nil, {}, []byte("{}"), []byte(`{"id":"x"}`), []byte(" {\"a\":1}"), bytes.Repeat([]byte("é\x00\xff"), 500)}
	for _, s := range demo.Catalog(demo.WithGenerated(200)).Sessions(time.Now()) {
		bodies = append(bodies, s.Body)
	}
	for _, b := range bodies {
		p := Pack(b)
		got, err := Unpack(p)
		if err != nil || !bytes.Equal(got, b) {
			t.Fatalf("Unpack(Pack(%.40q)) = %.40q, %v", b, got, err)
		}
		if len(p) > len(b) {
			t.Errorf("Pack made %.40q longer: %d > %d", b, len(p), len(b))
		}
	}
}

// TestPackedIsUnderHalf measures what the dictionary gains over plain
// deflate on the demo's generated sessions (whose names and texts the
// dictionary does not hold), and fails if the format stops shrinking
// bodies to under half.
func TestPackedIsUnderHalf(t *testing.T) {
	var plain, deflated, packed int
	for _, s := range demo.Catalog(demo.WithGenerated(2000), demo.WithoutShowcase(), demo.WithoutOddItems()).Sessions(time.Now()) {
		plain += len(s.Body)
		packed += len(Pack(s.Body))
		var b bytes.Buffer
		w, _ := flate.NewWriter(&b, flate.DefaultCompression)
		w.Write(s.Body)
		w.Close()
		deflated += b.Len()
	}
	t.Logf("%d bodies: %d B of JSON, %.0f%% deflated alone, %.0f%% packed", 2000, plain, 100*float64(deflated)/float64(plain), 100*float64(packed)/float64(plain))
	if packed*2 > plain {
		t.Errorf("packed bodies are %d B of %d: more than half", packed, plain)
	}
}

func TestPlainBodiesReadAsThemselves(t *testing.T) {
	for _, b := range []string{`{"id":"a"}`, ` {}`, `[]`} {
		if got, err := Unpack([]byte(b)); err != nil || string(got) != b {
			t.Errorf("Unpack(%q) = %q, %v", b, got, err)
		}
	}
}

func TestADamagedBodyIsAnError(t *testing.T) {
	p := Pack(demo.Catalog(demo.WithGenerated(1)).Sessions(time.Now())[0].Body)
	p = p[:len(p)/2]
	if _, err := Unpack(p); !errors.Is(err, ErrDamaged) {
		t.Errorf("a truncated body: %v, want ErrDamaged", err)
	}
}

func BenchmarkPack(b *testing.B) {
	body := demo.Catalog(demo.WithGenerated(10)).Sessions(time.Now())[5].Body
	for b.Loop() {
		Pack(body)
	}
	b.ReportMetric(float64(len(Pack(body)))/float64(len(body)), "ratio")
}

func BenchmarkUnpack(b *testing.B) {
	p := Pack(demo.Catalog(demo.WithGenerated(10)).Sessions(time.Now())[5].Body)
	for b.Loop() {
		if _, err := Unpack(p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPackLevels packs the demo's generated bodies against the
// dictionary with each writer and level, reporting the time and size a
// body: what chose the writer and level (the format reads any of them).
// "std" is compress/flate, which cxi packed with until it measured this.
func BenchmarkPackLevels(b *testing.B) {
	sessions := demo.Catalog(demo.WithGenerated(2000), demo.WithoutShowcase(), demo.WithoutOddItems()).Sessions(time.Now())
	for _, wr := range writers(b) {
		b.Run(wr.name, func(b *testing.B) {
			var buf bytes.Buffer
			pack := func(body []byte) int {
				buf.Reset()
				buf.WriteByte(markerV1)
				wr.reset(&buf)
				wr.w.Write(body)
				wr.w.Close()
				return buf.Len()
			}
			size := 0
			for _, s := range sessions {
				size += pack(s.Body)
				if got, err := Unpack(buf.Bytes()); err != nil || !bytes.Equal(got, s.Body) {
					b.Fatalf("%s does not read back: %v", wr.name, err)
				}
			}
			i := 0
			for b.Loop() {
				pack(sessions[i%len(sessions)].Body)
				i++
			}
			b.ReportMetric(float64(size)/float64(len(sessions)), "B/body")
		})
	}
}

// TestAnyWriterUnpacks: the writer and its level are the packer's choice,
// not the format's. Bodies an older cxi packed with compress/flate at
// level 6, or packed with any writer at any level, read back the same.
func TestAnyWriterUnpacks(t *testing.T) {
	sessions := demo.Catalog(demo.WithGenerated(20)).Sessions(time.Now())
	for _, wr := range writers(t) {
		for _, s := range sessions {
			var b bytes.Buffer
			b.WriteByte(markerV1)
			wr.reset(&b)
			wr.w.Write(s.Body)
			wr.w.Close()
			if got, err := Unpack(b.Bytes()); err != nil || !bytes.Equal(got, s.Body) {
				t.Fatalf("a body packed by %s reads %.40q, %v", wr.name, got, err)
			}
		}
	}
}

// aWriter is a deflate writer against the dictionary, and its name.
type aWriter struct {
	name  string
	w     io.WriteCloser
	reset func(io.Writer)
}

// writers are compress/flate's and klauspost's at every level that uses
// the dictionary, and level 1 (which compress/flate packs without it).
func writers(tb testing.TB) []aWriter {
	var out []aWriter
	for lvl := flate.BestSpeed; lvl <= flate.BestCompression; lvl++ {
		std, err := flate.NewWriterDict(io.Discard, lvl, []byte(dictionaryV1))
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, aWriter{fmt.Sprintf("std-level=%d", lvl), std, std.Reset})
		k, err := kflate.NewWriterDict(io.Discard, lvl, []byte(dictionaryV1))
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, aWriter{fmt.Sprintf("klauspost-level=%d", lvl), k, k.Reset})
	}
	return out
}

// TestPackIsDeterministic: the store tells an unchanged session by its
// packed bytes, so a body packs the same whatever the pooled writer packed
// before it, and the same as a new writer packs it.
func TestPackIsDeterministic(t *testing.T) {
	sessions := demo.Catalog(demo.WithGenerated(300)).Sessions(time.Now())
	first := make([][]byte, len(sessions))
	for i, s := range sessions {
		first[i] = Pack(s.Body)
	}
	for i := len(sessions) - 1; i >= 0; i-- {
		if again := Pack(sessions[i].Body); !bytes.Equal(again, first[i]) {
			t.Fatalf("session %d packs to other bytes after other bodies", i)
		}
		if !Packed(first[i]) {
			continue
		}
		var b bytes.Buffer
		w, err := kflate.NewWriterDict(&b, level, []byte(dictionaryV1))
		if err != nil {
			t.Fatal(err)
		}
		w.Write(sessions[i].Body)
		w.Close()
		if !bytes.Equal(b.Bytes(), first[i][1:]) {
			t.Fatalf("session %d packs to other bytes with a new writer", i)
		}
	}
}

// TestUnpackedBodyIsItsOwnSize: an unpacked body is kept as long as its
// session is (a preview, the detail's cache), so it has no room beyond
// its allocation's size class (at most a sixth), and shares nothing
// with the next body unpacked.
func TestUnpackedBodyIsItsOwnSize(t *testing.T) {
	var prev, prevWant []byte
	for _, s := range demo.Catalog(demo.WithGenerated(50)).Sessions(time.Now()) {
		got, err := Unpack(Pack(s.Body))
		if err != nil || !bytes.Equal(got, s.Body) {
			t.Fatalf("Unpack(Pack(%.40q)) = %.40q, %v", s.Body, got, err)
		}
		if c, n := cap(got), len(got); c > n+n/4+16 {
			t.Errorf("a body of %d B is kept in %d B", n, c)
		}
		if prev != nil && !bytes.Equal(prev, prevWant) {
			t.Fatalf("unpacking a body changed the one unpacked before it")
		}
		prev, prevWant = got, bytes.Clone(got)
	}
}
