package root

// performanceTopic is `cxi help performance`: what a large organization's
// sessions cost, and how to measure it. The figures are issue 19's,
// measured against a floor in the same run; the lead fills the table in.
const performanceTopic = `Large organizations: what 100,000 sessions cost

HOW CXI KEEPS THEM

A session body is kept once in the local store, packed (deflate against a
dictionary of the contract's own words), so the store is about the size of
the JSON it holds (100,000 sessions: 91 MB). The queue keeps each loaded
session as a row of its cells and its packed body, about 740 B of heap
(100,000 loaded: 147–156 MiB resident in four runs), and decodes a session only when it is
opened, previewed, acted on or matched by a search. Start-up reads a screen's
worth of the store before the first frame, the rest just after.

THE FIGURES

TODO(issue 19): the lead fills in the before/after table at 1k, 10k and 100k
sessions (resident memory, a filter keystroke, a page arriving, j, the first
frame against a bare bubbletea program, the store's size against its JSON,
store lookups against C SQLite), each with its floor from the same run.

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
