package root

// whyTopic is `cxi help why`: why sessions were handed off, the ratings,
// the integrity flags, the pulse of the shift and the nudge.
const whyTopic = `Why, and how the shift is going

Read-only, and inside the 100-requests-a-minute budget: what runs in the
background stands back for what you asked for.

THE PULSE

The header's line says open handoffs, the oldest, the angry share of today
and today's handoff rate against the last 7 days (from the loaded queue, plus
one background request a refresh, at most one a minute; {key:pulse_line}, :pulse off or
pulse = false hides it). {key:pulse} or :pulse [today|7d|30d] opens the pulse
view: handoffs by reason, sentiment and day (GET /handoff-analytics), and SLA
compliance, percentiles, a breakdown by team or channel and the daily trend
(/sla/analytics*, which take no date range), as bar charts and sparklines
with the numbers beside them (4 requests). cxi pulse [--since 7d] [--by team]
[--json] prints the same; cxi handover --pulse adds it to the handover. A key
without handoff-analytics:read or sla-analytics:read is told which scope it
lacks, and cxi doctor checks both.

WHY EACH SESSION WAS HANDED OFF

Read in the background for the queue's window (GET /handoff-analytics/events:
4 requests for the demo's 7 days, then 1 a refresh) and kept, so it shows
offline. The ⇄ column adds a code: RQ asked for a human, KN knowledge, TL
tools, UC unclear instructions, BI by instructions, PT prohibited topic, ? a
reason the contract does not list yet, + more than one. The Handoff panel and the preview give the reasons and the
AI's explanation. {key:reason} or :filter reason=insufficient_knowledge keeps one reason.

THE CUSTOMER'S RATING, AND THEIR OTHER SESSIONS

The rating (★★★★☆ 4/5, the comment, or "no rating") is asked once per
session opened when the budget allows, then kept. The customer's other
sessions come from the queue and the store, found through one search by
email or phone ("1 other session in 30 days · 1 still open"); {key:others} lists them
to open one.

INTEGRITY FLAGS

Five named rules a lead checks by eye mark the queue's rows with !N:

  no_ticket         handed off, no helpdesk ticket
  assumed_angry     assumed_resolved while the customer is angry
  resolved_unhappy  closed as resolved, angry or rated low (low_rating)
  no_reply          handed off and no human reply in no_reply_after, in
                    office hours when GET /office-hours has a schedule
  back_soon         the same contact back within back_within

{key:flagged} or :filter flag=NAME narrows the queue to them, and the detail pane says
what each rule saw. A rule that needs kept data (the transcript, the rating)
says nothing until cxi has kept it: a flag is something seen, never a guess.
cxi lint [--view NAME] [--since 7d] [--json] prints the flagged sessions for
a cron job: exit 0 none, 1 some (the list's pages plus one request).

THE NUDGE

With auto-refresh on, a session that newly matches a [watch] rule rings the
bell or sends a desktop notification (OSC 9 / OSC 777; inside tmux only with
over_tmux = true and tmux's allow-passthrough), and the header shows ⚑ N new
until you open it; {key:newest_match} or :newest opens the newest. It costs no request. The
rules:

  handed_off_angry  handed off and angry (the default)
  angry             the customer is angry
  handed_off        handed off to a human
  flagged           any integrity rule the session trips on its own

cxi watch [--json] [--every 30s] [--view NAME] prints each new match as it
arrives, for a status bar or a chat hook.

THE SETTINGS

` // the example follows, indented: whyExample

// whyExample is the example of `cxi help why`, loaded by the tests.
const whyExample = `[lint]
# resolved_unhappy: a rating at or below it is low
low_rating = 2
# no_reply: a handoff waiting for a human this long (office hours when known)
no_reply_after = "4h"
# back_soon: the same contact back within this
back_within = "7d"
office_hours = true
# rules not checked, e.g. ["back_soon"]
off = []

[watch]
rules = ["handed_off_angry", "flagged"]   # also "angry", "handed_off"
notify = "bell"                # "osc9", "osc777" or "off"
over_tmux = false
`
