// Package fake is an in-process OpenCX server: the routes of the
// GET /chat/sessions/{session_id} contract and of the read-only endpoints a
// triage queue needs next to it (the cursor-paged, filtered list; a
// session's history; the search), with their errors, cursors, rate limit,
// injected faults (slow, hanging, cut short, a gateway's HTML) and a log of
// what was asked; and the read-only analytics (handoff analytics and
// events, CSAT, SLA analytics, office hours), worked out from the same
// sessions and histories so that they agree with them, with a Catalog's
// Analytics for what no session says (why the AI handed off, office hours).
//
// What it serves comes from elsewhere: a Catalog (WithCatalog) or single
// bodies (WithSession). The demo's catalog is package demo, so that the data
// `cxi --demo` shows can grow without touching the server, and a test that
// needs three odd bodies builds a server without the demo's hundreds.
//
// By default a server answers anything, as --demo needs; Strict makes it fail
// a test on a request the test did not plan. Nothing here touches the network
// beyond a loopback listener.
package fake
