// Package fake is an in-process OpenCX server that speaks the
// GET /chat/sessions/{session_id} contract from embedded fixtures.
//
// It exists so that `cxi --demo` and the tests exercise the same data and the
// same misbehaviours (slow answers, gateway HTML, rate limits, truncated
// bodies): what the demo shows is what the tests check. Nothing here touches
// the network beyond a loopback listener.
package fake
