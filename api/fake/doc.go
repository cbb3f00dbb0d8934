// Package fake is an in-process OpenCX server. It speaks the
// GET /chat/sessions/{session_id} contract from embedded fixtures, and the
// neighbouring read-only endpoints a triage queue needs: GET /chat/sessions
// (the list, cursor-paged, filtered) and GET /chat/sessions/{id}/history
// (a session's events), over the demo fixtures plus a few hundred sessions
// generated deterministically from a fixed seed and the server's clock.
//
// It exists so that `cxi --demo` and the tests exercise the same data and the
// same misbehaviours (slow answers, gateway HTML, rate limits, truncated
// bodies, malformed list items): what the demo shows is what the tests
// check. Nothing here touches the network beyond a loopback listener.
package fake
