// Package demo is the content `cxi --demo` serves: fifteen showcase sessions
// (embedded fixtures, each an edge case the inspector must render, three of
// them misbehaving on purpose), a few hundred sessions generated from a
// fixed seed and the server's clock, two deliberately malformed list items,
// and a history for every session, scripted or generated so that it tells
// the story its session's fields tell; and for the analytics endpoints, why
// the AI handed each session off (the star's by hand), ratings no history
// holds, and the organization's office hours (fake.Analytics).
//
// It hands all that to the fake server as a fake.Catalog, and owns nothing
// of how it is served: the routes, paging and faults are package fake's. The
// tests of other packages name the showcase sessions by the IDs here, so
// that what the demo shows is what the tests check.
package demo
