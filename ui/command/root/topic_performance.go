package root

// performanceTopic is `cxi help performance`: what a large organization's
// sessions cost, and how to measure it. The figures are issue 19's,
// measured against a floor in the same run.
const performanceTopic = `Large organizations: what 100,000 sessions cost

HOW CXI KEEPS THEM

A session body is kept once in the local store, packed (deflate against a
dictionary of the contract's own words), so the store is about the size of
the JSON it holds (100,000 sessions: 92 MB for 91 MB of JSON). The queue
keeps each loaded session as a row of its cells and its packed body, about
745 B of heap, and decodes a session only when it is opened, previewed,
acted on or matched by a search. While the TUI runs, the collector runs at
GOGC 35 (unless you set GOGC or GOMEMLIMIT), so memory stays near what the
queue holds. The store opens while the screen starts; its first screen of
rows is read before the first frame, the rest just after.

The text filter reads a dense signature of each row (40 B: its bytes, a
hashed set of its byte pairs, its kind) before any text, keeps the results
of the last few texts for a backspace, and splits a scan of many rows
across two cores. Acting on a selection (S, X, :close, R, x, y) decodes
each session only in the command that acts on it.

THE FIGURES

Measured on a two-core machine, each against its floor in the same run
(-count 3, ranges); a keystroke is Update, a move Update and View.

  measure                       1,000       10,000      100,000
  resident, queue loaded        -           -           111-118 MiB (12 before)
  filter keystroke, worst [1]   0.02-0.05   0.16-0.21   1.40-1.53 ms
  first character ("x", "e")    0.02-0.03   0.05-0.10   0.33-0.66 ms
  backspace (typed, pasted)     0.01-0.02   0.01-0.06   0.03-0.37 ms
  a page of 1,000 arriving      0.32-0.38   0.26-0.31   0.58-0.75 ms
    in needs-attention order    0.65-0.73   0.66-0.74   1.11-1.17 ms
  j                             67-81       63-80       66-73 us [2]
  space, half selected          0.18-0.20   0.34-0.41   0.71-0.88 ms [3]
  S, every row selected         0.10-0.12   0.25-0.26   1.98-2.12 ms
  first frame / bare program    1.01-1.02x  1.01-1.07x  1.02-1.03x

  [1] a word every row holds, so every row's text is read: "e" then
      "er", "0" then "00", "customer 0" then "customer 00".
  [2] the floor, a bare list that only moves a cursor: 10-15 us.
  [3] two keys (space, k), each with its view and header.

Before this work, at 100,000: 483 MiB resident; a keystroke 14.7 ms;
a page 15.6 ms and growing with the rows; j 0.43 ms; the first frame
1.71x; S on 100,000 selected 1.3-4.1 s.

Making a page's rows (in the command that fetched it, not in Update):
34.8-35.3 ms for 1,000, against 19.4-21.0 ms to decode the page.

The store against C SQLite running the same SQL on the same file
(100,000 sessions; the search over 10,000 kept transcripts):

  lookup                   cxi            C SQLite       ratio
  a ticket reference       103-104 us     38-47 us       2.2-2.7x
  an email (50 hits)       9.1-9.3 ms     4.4-4.8 ms     1.9-2.1x
  "refund charged"         6.0-6.6 ms     3.2-3.5 ms     1.7-2.1x

Of a ticket lookup, the SQL in modernc's pure-Go SQLite is 56-63 us; the
rest is decoding the hit.

HOW TO MEASURE (from a checkout)

Timings on a shared machine are noisy: read each benchmark against its floor
measured in the same run, with -count 3 -cpu 1, and quote ranges.

  go test ./ui/... ./api/... -run '^$' -bench . -benchmem

The floors: BareCursorDown in ./ui/queue/, the floor cases of
BenchmarkFirstScreen and BenchmarkFindTicket in ./api/store/, and the bare
program of BenchmarkFirstFrame in ./ui/command/tui/. CI runs each benchmark
once (-benchtime=1x), outside its pass/fail gate, so that none can rot.

  go test -run TestHeapPerSession -v ./ui/queue/

loads 100,000 sessions and reports the heap a session and the resident
memory; it fails above a generous bound, never on a timing.

  go test -tags 'cgosqlite sqlite_fts5' -run '^$' \
    -bench 'FindTicket|Search' ./api/store/

runs the store's lookups beside C SQLite (needs cgo).

  go run ./api/store/internal/fill -n 100000 -dir /tmp/cxi-fill

fills a store through cxi's own client and store and prints its size against
the JSON it holds.`
