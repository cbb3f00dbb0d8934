package root

// contractTopic is `cxi help contract`: what cxi asks of the OpenCX API,
// and what it assumes of the answers.
const contractTopic = `The OpenCX API, as cxi uses it

WHAT CXI CALLS

cxi calls these and nothing else, with a Bearer key, to the base URL only (a
redirect to another host loses the Authorization header):

  GET   /chat/sessions/{session_id}             a session
  GET   /chat/sessions                          the queue's pages
  GET   /chat/sessions/{session_id}/history     a transcript's pages
  GET   /chat/sessions/search                   contacts and messages by text
  PATCH /chat/sessions/{session_id}             close or reopen
  POST  /redaction/session                      redact a session
  POST  /redaction/message                      redact one message
  GET   /handoff-analytics                      the pulse: handoffs by reason
  GET   /handoff-analytics/events               why each session was handed off
  GET   /csat/scores/session/{session_id}       the customer's rating
  GET   /sla/analytics                          the pulse: SLA compliance
  GET   /sla/analytics/breakdown                … by team, channel or policy
  GET   /sla/analytics/trend                    … day by day
  GET   /office-hours                           office hours, for no_reply
  GET   /office-hours/{id}                      one schedule (the client has it;
                                                nothing in cxi asks it yet)

cxi doctor also sends a GET to the base URL itself, without the key, to see
whether anything answers there.

One rate limiter per process keeps it under the documented 100 requests a
minute; background work (prefetch, auto-refresh, the ranking) waits whenever
you asked for something. Bodies are read up to 4 MiB, and requests time out
after 15 seconds.

WHAT CXI ASSUMES OF THE ANSWERS

The API is 1.0-beta: everything may be null, enums grow, ticket_number may be
a float, history events may lack an id, errors may be HTML from a proxy. cxi
shows absent values as —, unknown enum values as sent (tagged new value),
unknown fields under "Other fields", and strips escape sequences, control and
bidi characters from every text before it reaches the screen.

HOW THE CONTRACT IS CHECKED

api/testdata/opencx.openapi.yaml is the contract, built from the published
reference pages and checked byte for byte against the shared original. It is
checked, not trusted: every go test validates each answer of the fake server
behind --demo against it, and .ci/run puts Stoplight Prism between the real
client and the fake (every request and answer must validate), then serves
random answers from the contract that must decode and render. Locally
(Node.js and npm needed), from a checkout:

  npm ci --prefix .ci
  CXI_PRISM=$PWD/.ci/node_modules/.bin/prism go test -tags prism -count=1 \
    -run 'Prism|Harness' ./api/contract/ ./api/ ./ui/detail/ ./ui/queue/ \
    ./ui/transcript/ ./ui/command/read/`
