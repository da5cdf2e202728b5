"""The pages the benchmark measures: one entry each, in one list.

Add a page with one line (a dict):

    name        label in the report
    audience    "floor", "resident" or "staff" (decides the page-weight target)
    method      "GET" or "POST"
    url         url(ctx, i) -> path of the i-th request
    body        body(ctx, i) -> form fields of the i-th POST (the CSRF token is added for you)
    csrf_from   csrf_from(ctx) -> path of the page whose form gives the CSRF token (POST only)
    setup       setup(ctx, worker) -> steps each simulated browser takes once before the timed requests,
                e.g. logging in or submitting an idea; a step is {"method", "url", "body", "csrf_from"}
    expect      the status codes that count as success (default (200,)); anything else is reported
    kind        "page" (default) or "pdf" (also reported under "pdf")

`ctx` (bench.run.Context) offers: ctx.slug (the largest seeded municipality), ctx.initiative(i)
(a seeded open initiative: {"pk", "slug", "token"}), ctx.idea_body(i), ctx.staff(role, i) (a seeded
staff member with that role in ctx.slug) and ctx.login_steps(user) (steps that log that user in, for
`setup`, once a login page exists).
"""

PAGES = [
    {"name": "floor: /healthz", "audience": "floor", "method": "GET", "url": lambda ctx, i: "/healthz"},
    {
        "name": "resident: idea form",
        "audience": "resident",
        "method": "GET",
        "url": lambda ctx, i: f"/{ctx.slug}/idee/",
    },
    {
        "name": "resident: idea form POST",
        "audience": "resident",
        "method": "POST",
        "url": lambda ctx, i: f"/{ctx.slug}/idee/",
        "body": lambda ctx, i: ctx.idea_body(i),
        "csrf_from": lambda ctx: f"/{ctx.slug}/idee/",
        "expect": (302,),
    },
    {
        "name": "resident: confirmation",
        "audience": "resident",
        "method": "GET",
        "url": lambda ctx, i: f"/{ctx.slug}/idee/ontvangen/",
        "setup": lambda ctx, worker: [
            {
                "method": "POST",
                "url": f"/{ctx.slug}/idee/",
                "body": ctx.idea_body(10_000 + worker),
                "csrf_from": f"/{ctx.slug}/idee/",
            }
        ],
    },
    {
        "name": "resident: status page",
        "audience": "resident",
        "method": "GET",
        "url": lambda ctx, i: "/{slug}/mijn-initiatief/{token}/".format(**ctx.initiative(i)),
    },
    {
        "name": "resident: status message POST",
        "audience": "resident",
        "method": "POST",
        "url": lambda ctx, i: "/{slug}/mijn-initiatief/{token}/bericht/".format(**ctx.initiative(i)),
        "body": lambda ctx, i: {"body": f"Bericht {i} van de bewoner: wanneer kunnen we bellen?"},
        "csrf_from": lambda ctx: "/{slug}/mijn-initiatief/{token}/".format(**ctx.initiative(0)),
        "expect": (302,),
    },
    {
        "name": "resident: withdraw form",
        "audience": "resident",
        "method": "GET",
        "url": lambda ctx, i: "/{slug}/mijn-initiatief/{token}/intrekken/".format(**ctx.initiative(i)),
    },
    {
        "name": "public: municipality home",
        "audience": "resident",
        "method": "GET",
        "url": lambda ctx, i: f"/{ctx.slug}/",
    },
    # Staff pages, PDFs: add them here as they land, e.g.
    # {"name": "staff: inbox search", "audience": "staff", "method": "GET",
    #  "url": lambda ctx, i: f"/werkplek/{ctx.slug}/?q=moestuin",
    #  "setup": lambda ctx, w: ctx.login_steps(ctx.staff("coordinator", w))},
    # {"name": "pdf: checklist", "audience": "staff", "kind": "pdf", ...},
]

# Pages behind the staff login (TOTP), which the HTTP driver cannot pass yet; the report lists them as "not
# measured over HTTP yet". The dashboard, search and checklist PDF are timed in-process (run.py).
PLANNED = [
    "staff: inbox with a filter",
    "staff: inbox with a search over 200,000 initiatives",
    "staff: initiative page",
    "staff: conversation screen",
    "resident: workshop participant page",
    "pdf: checklist",
]
