"""What would close each missed target: the analysis behind the benchmark report's last table.

The report computes, per missed page, how far the page is over and how much in-process work it may take at the
measured cost of serving it; what cannot be measured is what would close the gap. That is written here, per page
name of bench/pages.py (and per in-process figure), from the profiles and the levers tried (docs/benchmark.md tells
the measurements behind each line). Keep it true: when a lever is taken, say what is left.
"""

FIXED_RESIDENT = (
    "what every request pays is most of it (middleware, the municipality, the base template: /healthz pays the same "
    "middleware, so only the page's own work narrows the ratio); the base template's header and footer as a "
    "fragment per municipality and language, or a whole cached response for an anonymous GET"
)
FIXED_STAFF = (
    "every staff request pays the session, user, second-factor device and membership reads (about 4 queries, a "
    "third of a light page): the user with the membership in one query (branch perf-staffbase, not merged: it "
    "repeats part of Django's auth by hand) or sessions read from Redis with a safe fallback"
)

LEVERS: dict[str, str] = {
    "resident: idea form": FIXED_RESIDENT + ".",
    "resident: withdraw form": FIXED_RESIDENT + ".",
    "public: municipality home": FIXED_RESIDENT + ".",
    "resident: workshop participant page": (
        "4 queries (Django's session row, the session with its agenda item, the participant) and its template; "
        "the session and the current agenda item in one joined query, then " + FIXED_RESIDENT + "."
    ),
    "resident: confirmation": (
        "4 queries; the time line's template and the base page are the rest: the time line in one Jinja2 "
        "template (as the inbox rows), then " + FIXED_RESIDENT + "."
    ),
    "resident: status page": (
        "two thirds rendering, the rest 7 queries (10 with a conversation): the conversation section cached in "
        "the fragments cache on one annotated key query (report version, last agreement step, day, language, "
        "token); the time line, messages and events as one Jinja2 template."
    ),
    "resident: status message POST": (
        "reads only the initiative's row now; the rest is the write (message, event, staff notice, outbox mail, "
        "processing log in one transaction and its commit): the staff notice and the event in one statement."
    ),
    "resident: idea form POST": (
        "16 statements, most of them writes the idea needs (initiative, initiator, help asked, events, processing "
        "log, outbox mail): next_deadline set in the INSERT (1 query), the two events as one bulk insert (1), the "
        "webhook and case-system checks from a per-municipality version in the shared cache (2)."
    ),
    "staff: inbox with a filter": (
        "Django building SQL is most of the view (the page query with its deadline subqueries 37 %, five capped "
        "counts 16 %, rows 9 %, filter form 9 %): the counts' and page query's SQL built once per municipality "
        "and day with the user and cursor as parameters (or as plain SQL), then " + FIXED_STAFF + "."
    ),
    "staff: inbox search": (
        "the search query alone meets 50 ms in-process (it reads backwards along the newest-first index and stops "
        "at 26 matches); the page's five capped counts and its page query each carry the search condition, and "
        "building them is most of its Python: the same lever as the filter page (their SQL built once, the user, "
        "cursor and words as parameters); a rare word in a very large municipality scans until 26 match: an "
        "index on (municipality, search text) with btree_gin would bound it."
    ),
    "staff: initiative page": (
        "about 45 % is outside the page's sections (" + FIXED_STAFF + "; the view's 17–20 queries; two "
        "processing-log inserts); then the phase and first-conversation panels (6 ms each: its 3 queries folded "
        "into the page's prefetch), the time line and messages in Jinja2, and the main column as a fragment keyed "
        "on the initiative's newest event, message and note with language and role."
    ),
    "staff: conversation screen": (
        "the model's outline and controls are drawn by Jinja2 and kept per published version; what is left is its "
        "10 queries (the participation ladder per municipality could be cached, the initiator read for the "
        "processing log joined to the initiative), the knowledge links built once per page instead of once per "
        "pitfall, and " + FIXED_STAFF + "."
    ),
    "staff: insight dashboard": (
        "the figures are computed once per 10 minutes and the page serves their HTML; what is left is the page's "
        "6–7 queries and " + FIXED_STAFF + "."
    ),
    "pdf: checklist": "served from the cache by content; what is left is " + FIXED_STAFF + ".",
    "pdf: conversation report": (
        "WeasyPrint's own layout and drawing per box and glyph (about 45–50 ms; fonts, options and styles are not "
        "where it goes) plus the view's 13 queries and processing-log write: a PDF kept per report version in the "
        "configured cache (refused today for personal data; needs a retention rule), or table-layout: fixed "
        "(−9 %, the report looks different)."
    ),
}

# The in-process figures of bench/run.py in_process_timings, by the start of their name.
FIGURE_LEVERS: dict[str, str] = {
    "insight dashboard": (
        "one visit per initiative of the year and per child row (help asked, conversations joined whole): summary "
        "rows per municipality, day, phase, theme, stop reason, neighbourhood and overdue state, kept exact by a "
        "database trigger or a daily rebuild with a drift test; short of that, a worker that recomputes the "
        "default view every 10 minutes so no visitor waits."
    ),
    "checklist PDF": (
        "WeasyPrint's layout and drawing of about 60 boxes with their borders; over HTTP the checklist is served "
        "from the cache by content. Checkboxes as a background image measured −8 % (the file +40 %)."
    ),
}


def lever_for(name: str) -> str:
    if name in LEVERS:
        return LEVERS[name]
    for start, text in FIGURE_LEVERS.items():
        if name.startswith(start):
            return text
    return "not analysed yet (bench/levers.py)"
