/** Help texts, kept apart from the commands so that `--help` and `--version` load no engine code. */

export const HELP = `Usage: mentoring-journal <command> [options]

Checks and reviews a mentoring journal kept as Markdown files with YAML front
matter. Works offline: reads and writes local files only.

Commands:
  check [PATH...]   check journal files (for pre-commit hooks and CI)
  review [PATH]     print where each relationship stands: stage, goals, cadence
  actions [PATH]    list every open action item, by due date
  init [DIR]        create a relationship: agreement.md, goals/, sessions/
  calendar [PATH]   export next sessions and due dates as an iCalendar file

Options:
  -h, --help        show help; 'mentoring-journal <command> --help' for a command
  -v, --version     print the version

Environment:
  MENTORING_JOURNAL_TODAY=YYYY-MM-DD  the day every command takes as today
                    (--today still wins), for CI jobs that must give the same
                    answer on any day

Exit codes: 0 success, 1 problems found (or a file exists, for init),
2 usage or I/O error.
`;

export const CHECK_HELP = `Usage: mentoring-journal check [PATH|GLOB|!GLOB...] [options]

Checks journal files: front matter, schema, dates, goal ids, and the rules across
each relationship. PATH is a journal root folder (default: the current folder), a
folder inside a relationship, or a Markdown file; a file is checked within its
relationship (the nearest folder above it with an agreement.md). A quoted GLOB
('**/*.md', 'pair-*/sessions/*.md') selects files under the current folder; !GLOB
leaves files out. Files that .gitignore or the config's "ignores" globs leave out
are not checked. A front-matter comment "# mentoring-journal-disable CODE..."
turns rules off for its file.

Options:
  -f, --format FORMAT    text (default), json, github (workflow annotations) or
                         sarif (SARIF 2.1.0, for code scanning)
  -o, --output-file FILE write the report to FILE instead of standard output;
                         an existing FILE is replaced only when it is empty or
                         an earlier report
  -q, --quiet            report errors only (--max-warnings still counts warnings)
  --max-warnings N       exit 1 when there are more than N warnings (-1: no limit)
  --fix                  apply the fixes that have one safe outcome: the type a
                         folder implies, a misspelt key with one candidate, a
                         session's date from its file name; prints what changed
  --stdin                read the file to check from standard input; give its
  --stdin-filename PATH  path with --stdin-filename (it is checked within its
                         relationship there, in place of what is on disk)
  --today DATE           check as of DATE, YYYY-MM-DD (default: today, or
                         MENTORING_JOURNAL_TODAY): sessions dated later get
                         an info (session/after-today), and their progress
                         does not count yet (goal/achieved-incomplete)
  --no-unknown-keys      do not report front-matter keys the format does not define
  --rule CODE=SEVERITY   set a rule to error, warning, info or off (repeatable)
  --config FILE          read options from FILE instead of the nearest
                         .mentoring-journal.json
  -j, --jobs N           check on up to N threads (default: one per core, at
                         most 4, with 4 cores or more; else 1)
  -h, --help             show this help

Exit codes: 0 no errors, 1 errors (or more warnings than --max-warnings),
2 usage or I/O error.
`;

export const REVIEW_HELP = `Usage: mentoring-journal review [PATH] [options]

Prints where each mentoring relationship in the journal at PATH (default: the
current folder) stands: declared and inferred stage, goals with progress and due
dates, cadence health, open action items, signals, and what changed since the
last saved review. Inside a relationship (say in its sessions/ folder) it reviews
that relationship, as check does. Sessions dated after DATE are left out, with a
note saying so. In a git repository it also reads the history: how each goal's
status, progress, due date and success changed, and who first committed each
session's notes.

Options:
  -f, --format FORMAT    md (default), json, or text (plain terminal text)
  --summary              one table of all relationships: stages, next session,
                         goals active and achieved, signals by severity
  --fail-on SEVERITY     exit 1 when a signal of SEVERITY (warning or error) or
                         above is raised, for a scheduled CI job
  --today DATE           review as of DATE, YYYY-MM-DD (default: today)
  -r, --relationship ID  only this relationship: its folder relative to the
                         journal root, or the folder's name when only one has it
  --save                 write each review to <relationship>/reviews/DATE.md as
                         a type: review file; a second one that day becomes
                         DATE-2.md (a review file is never overwritten)
  --config FILE          read options from FILE instead of the nearest
                         .mentoring-journal.json
  --no-git               do not read the git history
  -h, --help             show this help

Exit codes: 0 success, 1 a signal at --fail-on's severity, 2 usage or I/O error.
`;

export const ACTIONS_HELP = `Usage: mentoring-journal actions [PATH] [options]

Lists every open action item (a task-list item "- [ ] @owner text (due DATE)" in
a session) of the journal at PATH (default: the current folder), grouped as
Overdue, This week (due within 7 days), Later and No date, sorted by due date with
undated items last. An item carried over from session to session is listed once,
at its newest session. Inside a relationship it lists that relationship's
actions. Relationships whose closure is in force (dated today or earlier) are
left out. Files that .gitignore or the config's "ignores" globs leave out are
not read.

Options:
  --owner NAME           only the actions of NAME (repeatable): @owner equal to
                         NAME, or a person of the agreement NAME names (by full
                         name, handle, or a name of theirs no other person of
                         the agreement has); case and accents do not matter,
                         and juergen is jürgen
  -r, --relationship ID  only this relationship: its folder relative to the
                         journal root (priya-and-sam, teams/ana-and-li), or the
                         folder's name when only one relationship has it
  --today DATE           as of DATE, YYYY-MM-DD (default: today)
  -f, --format FORMAT    text (default) or json: {"today", "actions": [{
                         "relationship", "file", "line", "owner", "text", "due",
                         "invalidDue", "daysOverdue", "goals"}]}, file relative
                         to the current folder, daysOverdue 0 when not overdue
  --config FILE          read options from FILE instead of the nearest
                         .mentoring-journal.json
  -h, --help             show this help

Exit codes: 0 success, 2 usage or I/O error.
`;

export const INIT_HELP = `Usage: mentoring-journal init [DIR] --mentor NAME --mentee NAME [options]

Creates a mentoring relationship in DIR (default: a new folder named after the
partners, like priya-and-sam): an agreement.md at stage creating, and the goals/
and sessions/ folders. Never overwrites a file: if one exists, nothing is written.

Options:
  --mentor NAME      the mentor's name (required)
  --mentee NAME      the mentee's name (required)
  --cadence C        weekly, biweekly (default; or fortnightly), monthly or a
                     duration like P10D
  --started DATE     first day of the partnership, YYYY-MM-DD (default: today)
  --ends DATE        last day, YYYY-MM-DD (default: six months after --started)
  -h, --help         show this help

Exit codes: 0 created, 1 a file already exists, 2 usage or I/O error.
`;

export const CALENDAR_HELP = `Usage: mentoring-journal calendar [PATH] [options]

Writes the dates of the journal at PATH (default: the current folder) as an
iCalendar file (RFC 5545) that calendar applications import: each relationship's
next planned session (the earliest agenda written ahead, else the latest
session's next:, else the last held session plus the cadence), each open action
item's due date, each active goal's due date, and the end of the partnership.
Events are all-day. Each event's UID comes from the relationship's folder and
what the event is about, never from its date, so importing a newer export moves
events instead of adding them twice; only DTSTAMP (the time of the export)
differs between two exports of the same journal.
Inside a relationship (say in its sessions/ folder) it exports that relationship.

Options:
  -o, --out FILE         write to FILE instead of standard output; an existing
                         FILE is replaced only when it is empty or an earlier
                         export of this command
  --today DATE           as of DATE, YYYY-MM-DD (default: today): which actions
                         are open and which sessions count
  -r, --relationship ID  only this relationship: its folder relative to the
                         journal root (priya-and-sam, teams/ana-and-li), or the
                         folder's name when only one relationship has it
  --config FILE          read options from FILE instead of the nearest
                         .mentoring-journal.json
  -h, --help             show this help

Exit codes: 0 written, 2 usage or I/O error.
`;
