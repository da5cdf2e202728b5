"""The pages the benchmark measures: one entry each, in one list.

Add a page with one line (a dict):

    name        label in the report
    audience    "floor", "resident" or "staff" (decides the page-weight target)
    method      "GET" or "POST"
    url         url(ctx, i) -> path of the i-th request
    body        body(ctx, i) -> form fields of the i-th POST (the CSRF token is added for you)
    csrf_from   csrf_from(ctx) -> path of the page whose form gives the CSRF token (POST only)
    setup       setup(ctx, worker) -> steps each simulated browser takes once before the timed requests,
                e.g. logging in; a step is {"method", "url", "body", "csrf_from"}
    before      before(ctx, i) -> untimed steps before the i-th request (e.g. submitting the idea whose
                one-time confirmation page is then timed)
    expect      the status codes that count as success (default (200,)); anything else is reported
    kind        "page" (default) or "pdf" (also reported under "pdf")

`ctx` (bench.run.Context) offers: ctx.slug (the largest seeded municipality), ctx.initiative(i)
(a seeded open initiative: {"pk", "slug", "token"}), ctx.idea_body(i), ctx.staff(role, i) (a seeded
staff member with that role in ctx.slug) and ctx.login_steps(user) (a setup step that gives the simulated
browser that user's session, logged in over HTTP with the password and a real TOTP code), ctx.conversation(i)
(a seeded initiative whose first conversation was held) and ctx.workshop_code (the seeded running workshop).
"""


def staff_setup(role: str):
    """Each simulated browser gets the session of its own staff member with `role`."""
    return lambda ctx, worker: ctx.login_steps(ctx.staff(role, worker))


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
        # The page shows the status link once (its cookie is deleted), so each view follows its own idea.
        "before": lambda ctx, i: [
            {
                "method": "POST",
                "url": f"/{ctx.slug}/idee/",
                "body": ctx.idea_body(10_000 + i),
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
    {
        "name": "resident: workshop participant page",
        "audience": "resident",
        "method": "GET",
        "url": lambda ctx, i: f"/doe-mee/{ctx.workshop_code}/",
        # Each simulated phone joins the running workshop once with a name.
        "setup": lambda ctx, worker: [
            {
                "method": "POST",
                "url": f"/doe-mee/{ctx.workshop_code}/",
                "body": {"display_name": f"Deelnemer {ctx.run_id}-{worker}"},
                "csrf_from": f"/doe-mee/{ctx.workshop_code}/",
            }
        ],
    },
    {
        "name": "staff: inbox with a filter",
        "audience": "staff",
        "method": "GET",
        "url": lambda ctx, i: f"/werkplek/{ctx.slug}/?tab=alle&phase={STAFF_PHASES[i % len(STAFF_PHASES)]}",
        "setup": staff_setup("contactpersoon"),
    },
    {
        "name": "staff: inbox search",
        "audience": "staff",
        "method": "GET",
        "url": lambda ctx, i: f"/werkplek/{ctx.slug}/?tab=alle&q={SEARCH_WORDS[i % len(SEARCH_WORDS)]}",
        "setup": staff_setup("contactpersoon"),
    },
    {
        "name": "staff: initiative page",
        "audience": "staff",
        "method": "GET",
        "url": lambda ctx, i: "/werkplek/{slug}/initiatieven/{pk}/".format(**ctx.initiative(i)),
        "setup": staff_setup("contactpersoon"),
    },
    {
        "name": "staff: conversation screen",
        "audience": "staff",
        "method": "GET",
        "url": lambda ctx, i: f"/werkplek/{ctx.slug}/initiatieven/{ctx.conversation(i)}/gesprek/",
        "setup": staff_setup("contactpersoon"),
    },
    {
        "name": "staff: insight dashboard",
        "audience": "staff",
        "method": "GET",
        "url": lambda ctx, i: f"/werkplek/{ctx.slug}/inzicht/",
        "setup": staff_setup("coordinator"),
    },
    {
        "name": "pdf: checklist",
        "audience": "staff",
        "kind": "pdf",
        "method": "GET",
        "url": lambda ctx, i: f"/werkplek/{ctx.slug}/gespreksmodel/checklist.pdf",
        "setup": staff_setup("contactpersoon"),
    },
    {
        "name": "pdf: conversation report",
        "audience": "staff",
        "kind": "pdf",
        "method": "GET",
        "url": lambda ctx, i: f"/werkplek/{ctx.slug}/initiatieven/{ctx.conversation(i)}/gesprek/verslag.pdf",
        "setup": staff_setup("contactpersoon"),
    },
]

# Words a civil servant searches for, and phases to filter on (a spread of cheap and expensive).
SEARCH_WORDS = ["buurt", "moestuin", "speelstraat", "bankje", "taalcaf%C3%A9", "schoon"]  # URL-encoded
STAFF_PHASES = ["verkennen", "uitvoering", "afgerond", "idee"]
