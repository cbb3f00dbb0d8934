package root

// viewsTopic is `cxi help views`: the TUI's features a user configures
// in config.toml, which the README names in a few lines.
const viewsTopic = `Saved views, the command line, your own commands, several organizations

SAVED VIEWS

The tabs above the queue, each with its count (≥ N while pages remain).
{key:prev_view} and {key:next_view} or a view's own key switch, and each view keeps its filters,
cursor and selection. {key:reset_filters} puts the view's filters back; {key:save_view} saves those in
force to it, or as a new view, in config.toml (comments and layout kept).
Without [[views]] there are four: Needs attention (1), Open (2), Changed since
I looked (3), All (4). A view takes [queue]'s settings, and team, text and
changed_only (cxi help config). cxi list --view NAME prints a view for
scripts; cxi lint and cxi watch take --view NAME too.

THE COMMAND LINE

{key:command_line} opens it (as in k9s). Tab completes, ↑/↓ bring back earlier lines (kept
in the store). Each does what its key does: read-only, confirmation and the
audit log come with it.

  :open ID|#ticket|email         look a session up, as the input does
  :close [--unresolved]          close as resolved, or unresolved (asks first)
  :reopen                        reopen (asks first)
  :redact                        the session, or the transcript's top message
  :filter key=value… | reset     filter the queue: status, channel,
                                 handed_off, within, reason, flag, text
                                 (text= takes the rest of the line), e.g.
                                 :filter channel=email status=open within=24h;
                                 alone, or reset, every filter back
  :copy external_id|id|summary   copy a value, as {key:copy_external_id}, {key:copy_session_id} and the copy menu
  :view NAME                     switch to a saved view
  :profile NAME                  switch to another organization
  :run NAME                      run one of your own commands
  :pulse [today|7d|30d|on|off]   the pulse view; on/off, the header's line
  :newest                        the newest session that newly matched a
                                 [watch] rule, as {key:newest_match}
  :help                          every key
  :quit, :q                      quit

YOUR OWN COMMANDS

[[commands]] hand a session to your other tools: url opens a template in the
browser, run runs a program with its arguments, never through a shell.
Placeholders:

  {id} {external_id} {ticket_number} {status} {sentiment} {channel}
  {contact.email} {contact.phone} {contact.name} {contact.id} {team.id}
  {team.name} {assignee_id} {language} {custom_data.KEY}

API data is hostile by assumption: a value is one argument, percent-encoded
in a URL, and never changes its host; a missing value, or one with control or
invisible characters, refuses the command and names the field. {key:commands} opens the
menu of them, and a command with a key (key = "Z") has that key too. On a selection it runs once per
session, with progress; the pane shows the argv, the exit code and the
output ({key:copy_external_id} copies, {key:back} stops). write = true marks a command that changes
something: read-only refuses it; confirm = true asks first.

SEVERAL ORGANIZATIONS

One [profiles.NAME] each. Choose with --profile NAME, CXI_PROFILE, or
:profile NAME, which switches client, store, views and queue together
(refused while a write waits for its answer). Each profile has its own key
(cxi auth login --profile NAME) and its own store; the header names the
profile, and so does every write's confirmation. cxi auth status and
cxi doctor check every profile.

AN EXAMPLE

` // the example follows, indented: viewsExample

// viewsExample is the example of `cxi help views`, loaded by the tests.
const viewsExample = `mouse = true

[[views]]
name = "Billing email this week"
key = "5"
channel = "email"
updated_within = "7d"
team = "Billing"
text = "refund"

[[commands]]
name = "zendesk"
key = "Z"
url = "https://acme.zendesk.com/agent/tickets/{external_id}"

[[commands]]
name = "escalate"
key = "E"
run = [
  "zendesk-cli", "ticket", "escalate", "{external_id}",
  "--note=cxi session {id}",
]
write = true
confirm = true

[profiles.acme]
base_url = "https://api.acme.example"
session_url = "https://acme.example/dashboard/sessions/{id}"
`
