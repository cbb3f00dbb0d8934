// Package api is the OpenCX REST client cxi uses: the contract's types, a
// client with one shared rate limiter and a body cap, and typed errors. It
// knows HTTP and the contract, nothing about terminals.
//
// The contract is api/testdata/opencx.openapi.yaml, the published OpenAPI
// document copied byte for byte; where the code and it disagree, it wins.
// The API is 1.0-beta, so the types expect what it may send: nullable
// fields are pointers, enums are open string types with Known, a
// ticket_number keeps its literal (Number), a session keeps the body it came
// in (Raw) and the fields cxi does not know yet, history events may have no
// id, and an error body may be a proxy's HTML page (Error with a Kind, a
// status and a short excerpt from which the key is scrubbed).
//
// The client does GetSession, ListSessions, History and Search, and the
// writes (the status PATCH and the redactions), and the read-only
// analytics (HandoffAnalytics, HandoffEvents and WalkHandoffReasons, CSAT,
// SLAAnalytics, SLABreakdown, SLATrend, OfficeHours and OfficeHoursByID,
// decoded leniently where the contract has only a page's example, a 403
// naming the scope the key lacks as a ScopeError), each with a context,
// through one rate limiter per process that keeps under the documented 100
// requests a minute. A request made with a Background context (prefetch,
// auto-refresh, paging ahead) holds no place in it and goes only when no
// request the user waits for is queued. ParseSessionID finds a session ID
// in any text.
//
// # The packages under api
//
// What the TUI and the commands share about the data:
//
//   - api/change: the one routine for a status change (read, check, PATCH,
//     confirming GET) and for a redaction (read, POST, erase the store's
//     copy), what their outcome is called and what follows from it (the 429
//     rule, what stops a batch), for the TUI, the commands and the audit log
//     alike; the status words every view says.
//   - api/filekind: what a path holds when it is not the regular file
//     expected (a link, a FIFO, a directory), named alike by the store and
//     the config and key files.
//   - api/packed: a session body deflated against a dictionary of what
//     every body repeats, at about two fifths of its size, for the queue's
//     rows and the store alike.
//   - api/filter: the queue's filters as values, the list endpoint's
//     parameters, the store's query and the local match, all built from one
//     Params, so the three cannot disagree; and View, what a saved view
//     sets (those filters, the ordering, team, text, changed & new), which
//     the config file, the tabs and the queue share.
//   - api/pulse: the shift's pulse (the handoff overview of a period, the
//     SLA's overview, breakdown and trend) read by one routine, Fetch, in
//     at most 4 requests, for the pulse view, cxi pulse and the handover;
//     the spans the picker and --since take.
//   - api/resolve: what the input and cxi get understand (an ID, a ticket
//     reference, an email, a phone, a name), resolved through the loaded
//     queue, the list and the search endpoint; an open or unresolved
//     session is looked for beyond the newest pages.
//   - api/resolve/lookup: one answer to "which sessions does this text
//     mean" from the loaded queue, the local store and the API, merged by
//     session ID (the freshest copy wins), each saying where it came from,
//     the open and unresolved first: the TUI's search and cxi get alike.
//   - api/lint: the integrity flags ("lint" for triage): named rules over a
//     session and what the store keeps of it (transcript, rating, handoff
//     reasons, the contact's other sessions) and the office hours, pure,
//     for the TUI's marker, filter and detail pane and cxi lint alike.
//   - api/lint/kept: what those rules read from the local store, gathered
//     for a list of sessions by one routine, the TUI's and cxi lint's.
//   - api/paging: the guard that ends a walk through pages when the server
//     repeats a cursor, goes round a cycle or sends empty pages without end.
//   - api/plural: a count with its noun, agreeing ("1 page", "2 pages").
//   - api/store: the local store: one SQLite file per organization (WAL,
//     append-only user_version migrations, damaged files moved aside, a nil
//     store that remembers nothing); sessions, what was seen and what changed
//     since, review marks, notes, transcripts, list syncs, lookups, full-text
//     search, the handover, the audit log, the command line's history,
//     why each session was handed off and its customer's rating, and
//     erasing what was redacted.
//   - api/store/internal/fill: a program that fills a store with N of the
//     demo's generated sessions through the client and the store, and
//     prints its size against the JSON it holds (go run ... -n 100000).
//   - api/watch: the watch rules (handed off and angry, angry, handed off;
//     a predicate each, so other checks plug in) and the Tracker that tells
//     a session that newly matches from one that matched already, for the
//     TUI's nudge and cxi watch alike.
//
// The fake server, which feeds --demo and the tests, and the checks that it
// keeps to the contract:
//
//   - api/fake: an in-process OpenCX server: routes, auth, cursors,
//     filters, search, writes, the analytics endpoints (handoffs, CSAT, SLA,
//     office hours: worked out from the sessions and their histories, with
//     missing scopes on request), the rate limit, injectable faults, a request
//     log, and a strict mode that fails a test on an unplanned request; it
//     serves whatever Catalog it is given.
//   - api/fake/demo: the demo's content: the showcase sessions and their
//     faults, generated sessions, odd list items, every session's history,
//     and Oddities, the listed departures from the contract.
//   - api/fake/faketest: the fake served for the length of a test.
//   - api/fake/internal/probe: what the tests of the fake and of the demo
//     both ask a server.
//   - api/fake/contract: the contract compiled (jsonschema, a validator that
//     is not ours) with one CheckResponse, which every answer of the fake is
//     held to.
//   - api/fake/prism: starting Stoplight Prism, in mock mode with a logged
//     seed and in proxy mode with --errors, and reading what it flags.
//   - api/contract: the tests that put Prism between the real client and the
//     fake (build tag prism).
//
// The TUI and the commands that use all this are under ui; see its package
// comment.
package api
