"""`make bench SIZE=small|medium|full`: seed, serve as in production, measure every page in one run.

Writes bench/results/latest.json and bench/results/latest.md. See docs/benchmark.md.
"""

import argparse
import gc
import html.parser
import json
import re
import statistics
import subprocess
import sys
import time
import urllib.parse
import uuid
from datetime import UTC, datetime

from bench.stack import ROOT, Stack

RESULTS = ROOT / "bench" / "results"
RUNS = {
    # size: (requests per page, concurrent connections, time limit per page in seconds)
    "tiny": (40, 2, 10),
    "small": (300, 4, 30),
    "medium": (600, 4, 45),
    "full": (1000, 4, 60),
    "national": (1000, 4, 60),
}
TARGETS = {
    # issue #18: staff pages and PDFs within 5x the floor, resident and public pages within 3x
    "p95_vs_floor": 5.0,
    "resident_p95_vs_floor": 3.0,
    "resident_bytes": 60 * 1024,
    "staff_bytes": 120 * 1024,
    "search_p95_ms": 50.0,
    "pdf_p95_ms": 150.0,
    "dashboard_ms": 100.0,
}
QUERY_SAMPLES = 5


class Context:
    """What the URL and body builders in bench/pages.py may use."""

    def __init__(self, *, slug: str, sample: list[dict], run_id: str, conversations: list[int] = (), base: str = ""):
        self.slug = slug
        self.sample = sample
        self.run_id = run_id
        self.conversations = list(conversations)
        self.base = base
        self._sessions: dict[str, dict] = {}

    def initiative(self, i: int) -> dict:
        return self.sample[i % len(self.sample)]

    def conversation(self, i: int) -> int:
        """The pk of a seeded initiative whose first conversation was held."""
        return self.conversations[i % len(self.conversations)]

    @property
    def workshop_code(self) -> str:
        from bench.seed import bench_workshop_code, municipality_slug

        # The running workshop is seeded in the largest municipality only.
        return bench_workshop_code(self.slug) or bench_workshop_code(municipality_slug(1))

    def idea_body(self, i: int) -> dict:
        return {
            "title": f"Proefidee {self.run_id}-{i}",
            "description": "Wij willen met de buren een moestuin maken op het grasveld.",
            "target_group": "Buren en kinderen",
            "neighbourhood": "onbekend",
            "location": "Kastanjelaan",
            "theme": "leefbaar",
            "support_types": ["materialen", "openbare_ruimte"],
            "name": "Fatima Bakker",
            "email": f"bewoner-{self.run_id}-{i}@example.org",
            "preferred_contact": "email",
            # Each request is a freshly opened form, so it has its own key.
            "submission_key": uuid.uuid5(uuid.NAMESPACE_URL, f"bench-{self.run_id}-{i}").hex,
        }

    def staff(self, role: str, i: int = 0):
        from burgeridee.accounts.models import Membership

        in_municipality = Membership.objects.filter(municipality__slug=self.slug).select_related("user")
        memberships = [membership for membership in in_municipality.order_by("pk") if membership.has_role(role)][:50]
        return memberships[i % len(memberships)].user

    def login_steps(self, user) -> list[dict]:
        """A step that gives a simulated browser the session of `user`, logged in over HTTP with the password
        and a real TOTP code. Each user logs in once per run: a TOTP code is accepted only once, as in
        production, and a browser keeps its session between pages."""
        if user.username not in self._sessions:
            from bench.http import Session
            from bench.seed import PASSWORD, bench_totp_key

            session = Session(self.base)
            session.login(user.username, PASSWORD, bench_totp_key(user.username))
            self._sessions[user.username] = dict(session.cookies)
        return [{"cookies": self._sessions[user.username]}]


# Page weight ---------------------------------------------------------------------------------
class AssetParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.assets: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if (
            tag == "link"
            and attrs.get("href")
            and {"stylesheet", "icon", "preload", "modulepreload"} & set((attrs.get("rel") or "").split())
        ):
            self.assets.append(attrs["href"])
        elif tag in {"script", "img", "source"} and attrs.get("src"):
            self.assets.append(attrs["src"])


CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


def page_weight(session, path: str) -> dict:
    """HTML plus every stylesheet, script, image and font it loads, as served and decompressed."""
    headers = {"Accept-Encoding": "br, gzip"}
    response = session.request("GET", path, headers=headers)
    compressed = len(response.body)
    text = response.text()
    uncompressed = len(text.encode())
    parser = AssetParser()
    parser.feed(text)
    seen: set[str] = set()
    queue = [urllib.parse.urljoin(path, asset) for asset in parser.assets]
    while queue:
        asset = queue.pop(0)
        if asset in seen or asset.startswith("data:") or "://" in asset:
            continue
        seen.add(asset)
        asset_response = session.request("GET", asset, headers=headers)
        compressed += len(asset_response.body)
        body = asset_response.text() if asset_response.headers.get("content-encoding") else None
        uncompressed += len(body.encode()) if body is not None else len(asset_response.body)
        if asset_response.headers.get("content-type", "").startswith("text/css"):
            css = body if body is not None else asset_response.body.decode("utf-8", "replace")
            queue.extend(
                urllib.parse.urljoin(asset, url) for url in CSS_URL.findall(css) if not url.startswith("data:")
            )
    return {"bytes_compressed": compressed, "bytes_uncompressed": uncompressed, "requests": 1 + len(seen)}


# SQL queries, counted in-process against the same database -------------------------------------
def queries_per_request(page: dict, ctx: Context) -> float:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    for step in page.get("setup", lambda c, w: [])(ctx, 999):
        _client_send(client, step)
    counts = []
    for i in range(QUERY_SAMPLES):
        step = _step(page, ctx, 100_000 + i)
        client_before(client, step)
        with CaptureQueriesContext(connection) as captured:
            response = _client_send(client, step)
        if response.status_code not in page.get("expect", (200,)):
            raise RuntimeError(f"{page['name']}: in-process request gave HTTP {response.status_code}")
        counts.append(len(captured.captured_queries))
    return statistics.mean(counts)


def client_before(client, step) -> None:
    """The untimed steps a request needs first (a page's `before`)."""
    for before in step.get("before", ()):
        _client_send(client, before)


def _client_send(client, step):
    if "cookies" in step:  # the session of a member of staff, logged in over HTTP (same database)
        for name, value in step["cookies"].items():
            client.cookies[name] = value
        return None
    if step.get("method", "GET") == "POST":
        return client.post(step["url"], step.get("body") or {})
    return client.get(step["url"])


def _step(page: dict, ctx: Context, i: int) -> dict:
    step = {"method": page.get("method", "GET"), "url": page["url"](ctx, i)}
    if step["method"] == "POST":
        step["body"] = page["body"](ctx, i)
        step["csrf_from"] = page["csrf_from"](ctx) if page.get("csrf_from") else None
    if page.get("before"):
        step["before"] = page["before"](ctx, i)
    return step


def percentile(values: list[float], q: int) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def measure(page: dict, ctx: Context, base: str, size: str) -> dict:
    count, concurrency, time_limit = RUNS[size]
    plans = [page.get("setup", lambda c, w: [])(ctx, worker) for worker in range(concurrency)]
    plan = {
        "base": base,
        "concurrency": concurrency,
        "time_limit": time_limit,
        "warmup": concurrency * 2,
        "requests": [_step(page, ctx, i) for i in range(count)],
        # Each simulated browser runs its own setup (its own cookies, its own submitted idea).
        "setups": plans,
    }
    result = json.loads(
        subprocess.run(
            [sys.executable, "-m", "bench.driver"],
            input=json.dumps(plan),
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=True,
            timeout=time_limit + 120,
        ).stdout
    )
    latencies = result["latencies_ms"]
    expected = {str(code) for code in page.get("expect", (200,))}
    unexpected = {code: n for code, n in result["statuses"].items() if code not in expected}
    return {
        "name": page["name"],
        "audience": page.get("audience", "resident"),
        "kind": page.get("kind", "page"),
        "method": page.get("method", "GET"),
        "measured_requests": len(latencies),
        "rps": round(result["completed"] / result["elapsed_s"], 1) if result["elapsed_s"] else 0,
        "p50_ms": round(percentile(latencies, 50), 1),
        "p95_ms": round(percentile(latencies, 95), 1),
        "p99_ms": round(percentile(latencies, 99), 1),
        "unexpected_statuses": unexpected,
        "failures": result["failures"],
    }


def _timed(fn, runs: int) -> dict:
    """p50/p95 in ms of `fn` run `runs` times after one warm-up call."""
    fn()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return {"runs": runs, "p50_ms": round(percentile(times, 50), 1), "p95_ms": round(percentile(times, 95), 1)}


def in_process_timings(slug: str, *, runs: int = 20) -> list[dict]:
    """The work behind three pages alone, timed in-process against the same database: the insight
    dashboard's figures, the inbox search query and the checklist PDF rendering (no HTTP, no page template),
    to tell the cost of the work from the cost of serving it under load."""
    from burgeridee.accounts.models import User
    from burgeridee.conversations import selectors as conversation_selectors
    from burgeridee.conversations.services import conversation_model_ensure_default
    from burgeridee.documents.rendering import render_pdf
    from burgeridee.insights.selectors import Filters, dashboard
    from burgeridee.municipalities.models import Municipality
    from burgeridee.workspace.selectors import InboxFilters, inbox_page

    municipality = Municipality.objects.get(slug=slug)
    user = User.objects.filter(memberships__municipality=municipality).first()
    model = conversation_model_ensure_default(municipality=municipality)
    window = Filters.default()
    # The dashboard shows the last year by default: the size that counts is the initiatives submitted in it.
    in_year = municipality.initiatives.filter(
        submitted_at__date__gte=window.date_from, submitted_at__date__lte=window.date_to
    ).count()

    def search():
        inbox_page(municipality=municipality, user=user, filters=InboxFilters(tab="alle", q="buurt"), size=25)

    def checklist():
        render_pdf(
            "conversations/pdf/checklist.html",
            {
                "municipality": municipality,
                "model": model,
                "checklist": conversation_selectors.checklist_by_moment(model=model),
                "phases": conversation_selectors.phases_active(model=model),
            },
        )

    return [
        {
            "name": f"insight dashboard, a year of {in_year:,} initiatives",
            "target_ms": TARGETS["dashboard_ms"],
            **_timed(lambda: dashboard(municipality=municipality, filters=Filters.default()), runs),
        },
        {"name": "inbox search 'buurt', first page", "target_ms": TARGETS["search_p95_ms"], **_timed(search, runs)},
        {"name": "checklist PDF (WeasyPrint)", "target_ms": TARGETS["pdf_p95_ms"], **_timed(checklist, runs)},
    ]


def run(size: str, *, keep: bool = False, only: str = "", number: int = 1) -> dict:
    from bench.pages import PAGES

    if only:
        PAGES = [page for page in PAGES if page.get("audience") == "floor" or only in page["name"]]  # noqa: N806

    stack = Stack(label="bench")
    started = time.monotonic()
    try:
        print(f"bench: size {size}; preparing PostgreSQL, migrations and static files")
        stack.configure()
        from bench.seed import municipality_slug, seed, seeded_conversation_sample, seeded_sample
        from burgeridee.municipalities.models import Municipality

        if Municipality.objects.filter(slug=municipality_slug(1)).exists():
            print("bench: the database is already seeded; seeding skipped")
            seeded = {"counts": {}, "notes": ["already seeded"], "seconds": 0, "size": "existing"}
        else:
            print("bench: seeding")
            seeded = seed(size=size)
        seeded["counts"] = _table_counts()
        # Seeding leaves millions of objects behind in this process (a gunicorn worker has none of them); a full
        # garbage-collection pass over them lands inside whichever function runs and made single calls of the
        # in-process profile look like hotspots. Collect once and freeze what is left out of later passes.
        gc.collect()
        gc.freeze()
        base = stack.start_server()
        ctx = Context(
            slug=municipality_slug(number),
            sample=seeded_sample(number=number),
            conversations=seeded_conversation_sample(number=number),
            run_id=datetime.now(UTC).strftime("%H%M%S"),
            base=base,
        )

        entries = []
        for page in PAGES:
            print(f"bench: {page['name']}")
            entry = measure(page, ctx, base, size)
            entry["queries_per_request"] = round(queries_per_request(page, ctx), 1)
            if entry["audience"] != "floor":
                from bench.profile import page_breakdown

                entry["profile"] = page_breakdown(page, ctx)
            if entry["method"] == "GET" and entry["audience"] != "floor":
                from bench.http import Session

                session = Session(base)
                for step in page.get("setup", lambda c, w: [])(ctx, 500):
                    session.send(step)
                for step in _step(page, ctx, 300_000).get("before", ()):
                    session.send(step)
                if entry["kind"] == "pdf":
                    size_bytes = len(session.request("GET", page["url"](ctx, 300_000)).body)
                    entry.update({"bytes_compressed": size_bytes, "bytes_uncompressed": size_bytes, "requests": 1})
                else:
                    entry.update(page_weight(session, page["url"](ctx, 300_000)))
            else:
                entry.update({"bytes_compressed": None, "bytes_uncompressed": None, "requests": None})
            entries.append(entry)
        floor = next(entry for entry in entries if entry["audience"] == "floor")
        for entry in entries:
            entry["p95_vs_floor"] = round(entry["p95_ms"] / floor["p95_ms"], 2) if floor["p95_ms"] else None
        print("bench: in-process timings (dashboard, search, PDF)")
        timings = in_process_timings(ctx.slug)
        server_errors = "[ERROR]" in stack.server_log() or "Traceback" in stack.server_log()
        import os

        result = {
            "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "size": size,
            "municipality": {"slug": ctx.slug, "initiatives": _initiatives_of(ctx.slug)},
            "cpus": os.cpu_count(),
            "gunicorn_workers": int(os.environ.get("BENCH_WORKERS", 2 * (os.cpu_count() or 1) + 1)),
            "requests_per_page": RUNS[size][0],
            "concurrency": RUNS[size][1],
            "pages": entries,
            "pdf": [
                {"name": e["name"], "p50_ms": e["p50_ms"], "p95_ms": e["p95_ms"], "bytes": e["bytes_compressed"]}
                for e in entries
                if e["kind"] == "pdf"
            ],
            "in_process": timings,
            "seeded": seeded,
            "server_errors_logged": server_errors,
            "targets": TARGETS,
            "total_seconds": round(time.monotonic() - started, 1),
        }
        RESULTS.mkdir(parents=True, exist_ok=True)
        # The national size is recorded beside the regular run, not over it.
        stem = "national" if size == "national" else "latest"
        if number != 1:
            stem += f"-{ctx.slug}"
        (RESULTS / f"{stem}.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
        (RESULTS / f"{stem}.md").write_text(markdown(result))
        print(markdown(result))
        return result
    finally:
        stack.stop(keep=keep)


def _initiatives_of(slug: str) -> int:
    from burgeridee.initiatives.models import Initiative

    return Initiative.objects.filter(municipality__slug=slug).count()


def _table_counts() -> dict:
    from django.apps import apps

    wanted = [
        "municipalities.Municipality",
        "municipalities.Neighbourhood",
        "accounts.User",
        "accounts.Membership",
        "initiatives.Initiative",
        "initiatives.Initiator",
        "initiatives.SupportRequest",
        "records.TimelineEvent",
        "initiatives.Message",
        "records.ProcessingLogEntry",
    ]
    counts = {label: apps.get_model(label).objects.count() for label in wanted}
    for model in apps.get_models():
        if model.__name__ in {"Conversation", "Agreement", "Workshop", "WorkshopParticipant"}:
            counts[model._meta.label] = model.objects.count()
    return counts


def ratio_target(entry: dict) -> float | None:
    """The p95 a page may take, as a multiple of the floor: pages residents open 3x; staff pages, PDFs and the
    forms residents send (a write, a mail queued, the processing log) 5x."""
    if entry["audience"] == "floor":
        return None
    if entry["audience"] == "resident" and entry["kind"] != "pdf" and entry["method"] == "GET":
        return TARGETS["resident_p95_vs_floor"]
    return TARGETS["p95_vs_floor"]


def target_misses(entry: dict) -> list[str]:
    misses = []
    ratio = ratio_target(entry)
    if ratio and entry.get("p95_vs_floor") and entry["p95_vs_floor"] > ratio:
        misses.append(f"p95 is {entry['p95_vs_floor']}x the floor (target {ratio:g}x)")
    limit = TARGETS.get(f"{entry['audience']}_bytes")
    if limit and entry.get("bytes_compressed") and entry["bytes_compressed"] > limit:
        over = entry["bytes_compressed"] - limit
        misses.append(f"{entry['bytes_compressed'] / 1024:.1f} KB, {over / 1024:.1f} KB over {limit // 1024} KB")
    if "search" in entry["name"] and entry["p95_ms"] > TARGETS["search_p95_ms"]:
        limit = TARGETS["search_p95_ms"]
        misses.append(f"search p95 {entry['p95_ms']} ms, {entry['p95_ms'] - limit:.0f} ms over {limit:g} ms")
    if entry["kind"] == "pdf" and entry["p95_ms"] > TARGETS["pdf_p95_ms"]:
        limit = TARGETS["pdf_p95_ms"]
        misses.append(f"PDF p95 {entry['p95_ms']} ms, {entry['p95_ms'] - limit:.0f} ms over {limit:g} ms")
    if entry.get("unexpected_statuses"):
        misses.append(f"unexpected HTTP statuses {entry['unexpected_statuses']}")
    return misses


def allowed_p95(entry: dict, floor_p95: float) -> float | None:
    """The p95 over HTTP the strictest of a page's time targets allows."""
    limits = []
    ratio = ratio_target(entry)
    if ratio and floor_p95:
        limits.append(ratio * floor_p95)
    if "search" in entry["name"]:
        limits.append(TARGETS["search_p95_ms"])
    if entry["kind"] == "pdf":
        limits.append(TARGETS["pdf_p95_ms"])
    return min(limits) if limits else None


def miss_analysis(entry: dict, floor_p95: float) -> dict | None:
    """For a page over its time target: by how much, what serving it costs on top of its own work in this run
    (p95 over HTTP divided by the in-process median), so to how many in-process milliseconds its work must fall,
    its largest part, and what would close the gap (bench/levers.py)."""
    from bench.levers import lever_for

    allowed = allowed_p95(entry, floor_p95)
    if allowed is None or entry["p95_ms"] <= allowed:
        return None
    analysis = {
        "name": entry["name"],
        "allowed_ms": round(allowed, 1),
        "over_ms": round(entry["p95_ms"] - allowed, 1),
        "lever": lever_for(entry["name"]),
    }
    profile = entry.get("profile")
    if profile and profile.get("total"):
        serving = entry["p95_ms"] / profile["total"]
        parts = {"SQL": profile["sql"], "templates": profile["templates"], "PDF": profile.get("pdf") or 0,
                 "other Python": profile["python"]}  # fmt: skip
        largest = max(parts, key=parts.get)
        analysis.update(
            {
                "serving_factor": round(serving, 1),
                "in_process_ms": profile["total"],
                "needed_in_process_ms": round(allowed / serving, 1),
                "largest": f"{largest} {parts[largest]} ms",
            }
        )
    return analysis


def miss_rows(result: dict) -> list[str]:
    floor = next((entry for entry in result["pages"] if entry["audience"] == "floor"), None)
    analyses = [miss_analysis(entry, floor["p95_ms"] if floor else 0) for entry in result["pages"]]
    analyses = [analysis for analysis in analyses if analysis]
    figures = [t for t in result.get("in_process", []) if t.get("target_ms") and t["p95_ms"] > t["target_ms"]]
    if not analyses and not figures:
        return []
    from bench.levers import lever_for

    lines = [
        "What each miss needs. The allowed p95 is the strictest time target of the page in this run; the page's p95 "
        "over HTTP divided by its in-process median is what serving it cost on top of its own work here (4 "
        "connections on 2 cores), so its own work must fall to about the allowed p95 divided by that factor:",
        "",
        "| page | allowed p95 ms | over by ms | HTTP p95 ÷ in-process | in-process ms now → needed | largest part "
        "| what would close it |",
        "|---|---:|---:|---:|---:|---|---|",
    ]
    for analysis in analyses:
        measured = "serving_factor" in analysis
        lines.append(
            f"| {analysis['name']} | {analysis['allowed_ms']} | {analysis['over_ms']} | "
            f"{analysis['serving_factor'] if measured else '–'} | "
            + (f"{analysis['in_process_ms']} → {analysis['needed_in_process_ms']}" if measured else "–")
            + f" | {analysis.get('largest', '–')} | {analysis['lever']} |"
        )
    for figure in figures:
        lines.append(
            f"| in-process: {figure['name']} | {figure['target_ms']:g} | "
            f"{figure['p95_ms'] - figure['target_ms']:.1f} | – | – | – | {lever_for(figure['name'])} |"
        )
    return ["", *lines]


def profile_rows(entries: list[dict]) -> list[str]:
    from bench.profile import markdown_rows

    return markdown_rows(entries)


def markdown(result: dict) -> str:
    counts = result["seeded"]["counts"]
    lines = [
        f"# Benchmark ({result['size']}, {result['generated_at']})",
        "",
        *(
            [
                f"Pages of {result['municipality']['slug']} "
                f"({result['municipality']['initiatives']:,} initiatives in the municipality).",
                "",
            ]
            if result.get("municipality")
            else []
        ),
        f"{result['cpus']} CPUs, gunicorn {result['gunicorn_workers']} sync workers, production settings; "
        f"{result['requests_per_page']} requests per page over {result['concurrency']} connections from a "
        "separate process on 127.0.0.1.",
        "",
        "| page | rps | p50 ms | p95 ms | p99 ms | p95 / floor | queries | KB compressed | KB raw | requests "
        "| targets |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for entry in result["pages"]:
        kb = lambda value: f"{value / 1024:.1f}" if value else "–"  # noqa: E731
        misses = target_misses(entry)
        lines.append(
            f"| {entry['name']} | {entry['rps']} | {entry['p50_ms']} | {entry['p95_ms']} | {entry['p99_ms']} "
            f"| {entry['p95_vs_floor']} | {entry['queries_per_request']} | {kb(entry['bytes_compressed'])} "
            f"| {kb(entry['bytes_uncompressed'])} | {entry['requests'] or '–'} | "
            f"{'; '.join(misses) if misses else 'met'} |"
        )
    lines += [
        "",
        "Targets: p95 of the pages residents open within 3x the floor (/healthz), of staff pages, PDFs and the "
        "forms residents send within 5x; resident pages under 60 KB and staff pages under 120 KB compressed "
        "including CSS and JS; inbox search p95 under 50 ms; a PDF under 150 ms; the dashboard's work under 100 ms "
        "for a year of 25,000 initiatives.",
        "",
        "Staff pages and PDFs are fetched by staff members logged in over HTTP with their password and a real "
        "TOTP code, once per simulated browser.",
        "",
        "Where each page's time goes, in-process (Django's test client, one request at a time, same database; "
        "median ms of 8 requests; `python -m bench.profile`): SQL is time in the database driver, templates the "
        "rendering minus the SQL it runs, PDF WeasyPrint's layout, other Python the rest (middleware, view, ORM, "
        "forms). The heaviest functions by own time come from a second pass under cProfile.",
        "",
        *profile_rows(result["pages"]),
        "",
        "In-process timings (the work behind a page alone, without HTTP and templates, same database):",
        "",
        "| figure | runs | p50 ms | p95 ms | target |",
        "|---|---:|---:|---:|---|",
        *[
            f"| {t['name']} | {t['runs']} | {t['p50_ms']} | {t['p95_ms']} | "
            + (
                ("met" if t["p95_ms"] <= t["target_ms"] else f"missed by {t['p95_ms'] - t['target_ms']:.0f} ms")
                if t["target_ms"]
                else "–"
            )
            + " |"
            for t in result.get("in_process", [])
        ],
        "",
        *miss_rows(result),
        "",
        "Seeded rows: " + ", ".join(f"{label} {count:,}" for label, count in counts.items()) + ".",
        f"Seeding took {result['seeded']['seconds']} s; the whole run {result['total_seconds']} s.",
    ]
    lines += [f"- {note}" for note in result["seeded"].get("notes", [])]
    if result["server_errors_logged"]:
        lines.append("\n**The server logged errors during the run** (see the gunicorn log).")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", choices=sorted(RUNS), default="small")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (logs)")
    parser.add_argument("--only", default="", help="measure only the pages whose name contains this (and the floor)")
    parser.add_argument(
        "--municipality",
        type=int,
        default=1,
        help="measure the pages of the municipality with this rank by size (1: the largest; the results go to "
        "latest-proefstad-NNN.md, or national-proefstad-NNN.md)",
    )
    args = parser.parse_args()
    run(args.size, keep=args.keep, only=args.only, number=args.municipality)


if __name__ == "__main__":
    main()
