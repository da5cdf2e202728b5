"""Where a page's time goes: SQL, templates, PDF layout and the rest of Python, per request, in-process.

`page_breakdown(page, ctx)` sends a page's requests with Django's test client against the benchmark's
database (the same process, no HTTP, no concurrency) and splits each request's wall time into:

- sql: time inside the database driver (every query, wherever it runs, also from a template);
- templates: rendering Django and Jinja2 templates (outermost render only), minus the SQL run meanwhile;
- pdf: WeasyPrint laying out and writing the PDF (documents/rendering.py), minus SQL and templates;
- python: the rest (middleware, the view, building querysets and forms, the ORM turning rows into objects).

A second pass runs the same requests under cProfile and names the functions with the most own time
(`hotspots`), to tell which part of "python" or "templates" is heavy.

`python -m bench.profile --size small --only "inbox"` (with BENCH_DATABASE_URL for an already seeded database)
prints the breakdown without running the HTTP benchmark.
"""

import cProfile
import pstats
import statistics
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

RUNS = 8


class Clock:
    """Accumulates time in SQL, templates and PDF layout during one request."""

    def __init__(self):
        self.sql = 0.0
        self.template = 0.0
        self.pdf = 0.0
        self.sql_in_template = 0.0
        self.sql_in_pdf = 0.0
        self._template_depth = 0
        self._in_pdf = False

    def execute(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            spent = time.perf_counter() - started
            self.sql += spent
            if self._template_depth:
                self.sql_in_template += spent
            if self._in_pdf:
                self.sql_in_pdf += spent

    def wrap_template(self, render):
        clock = self

        def timed(*args, **kwargs):
            if clock._template_depth:
                return render(*args, **kwargs)
            clock._template_depth += 1
            started = time.perf_counter()
            try:
                return render(*args, **kwargs)
            finally:
                spent = time.perf_counter() - started
                clock._template_depth -= 1
                clock.template += spent

        return timed

    def wrap_pdf(self, write):
        clock = self

        def timed(*args, **kwargs):
            clock._in_pdf = True
            started = time.perf_counter()
            try:
                return write(*args, **kwargs)
            finally:
                clock.pdf += time.perf_counter() - started
                clock._in_pdf = False

        return timed


@contextmanager
def clocked(clock: Clock):
    """Patch the template engines and the PDF writer to report to `clock`, and time every query."""
    import jinja2
    from django.db import connections
    from django.template import base as django_template

    from burgeridee.documents import rendering

    patches = [
        (django_template.Template, "render"),
        (jinja2.Template, "render"),
    ]
    originals = {target: getattr(*target) for target in patches}
    pdf_writers = {name: getattr(rendering, name) for name in ("_write_pdf", "_write_pdf_own_css")}
    try:
        for (owner, name), original in originals.items():
            setattr(owner, name, clock.wrap_template(original))
        for name, original in pdf_writers.items():
            setattr(rendering, name, clock.wrap_pdf(original))
        with ExitStack() as stack:
            for alias in connections:
                stack.enter_context(connections[alias].execute_wrapper(clock.execute))
            yield clock
    finally:
        for (owner, name), original in originals.items():
            setattr(owner, name, original)
        for name, original in pdf_writers.items():
            setattr(rendering, name, original)


def _client_for(page: dict, ctx):
    from django.test import Client

    from bench.run import _client_send

    client = Client(HTTP_HOST="127.0.0.1")
    for step in page.get("setup", lambda c, w: [])(ctx, 998):
        _client_send(client, step)
    return client


def page_breakdown(page: dict, ctx, *, runs: int = RUNS, hotspots: int = 5) -> dict:
    """Median ms per request of the page's parts, and its heaviest functions (own time, under cProfile)."""
    from bench.run import _client_send, _step, client_before

    client = _client_for(page, ctx)
    expected = page.get("expect", (200,))
    # A POST changes data: each run is a fresh request of the same kind, as in the benchmark.
    steps = [_step(page, ctx, 200_000 + i) for i in range(2 * runs + 1)]
    client_before(client, steps[0])
    warm = _client_send(client, steps[0])
    if warm.status_code not in expected:
        raise RuntimeError(f"{page['name']}: in-process request gave HTTP {warm.status_code}")
    parts = {"total": [], "sql": [], "templates": [], "pdf": [], "python": []}
    for step in steps[1 : runs + 1]:
        client_before(client, step)
        clock = Clock()
        with clocked(clock):
            started = time.perf_counter()
            _client_send(client, step)
            total = time.perf_counter() - started
        templates = clock.template - clock.sql_in_template
        pdf = clock.pdf - clock.sql_in_pdf  # render_pdf renders its template before the writer runs
        for name, value in (
            ("total", total),
            ("sql", clock.sql),
            ("templates", templates),
            ("pdf", pdf),
            ("python", total - clock.sql - templates - pdf),
        ):
            parts[name].append(value * 1000)
    result = {name: round(statistics.median(values), 1) for name, values in parts.items()}
    profiler = cProfile.Profile()
    for step in steps[runs + 1 :]:
        client_before(client, step)
        profiler.enable()
        _client_send(client, step)
        profiler.disable()
    result["hotspots"] = _hotspots(profiler, runs, hotspots)
    return result


def _hotspots(profiler: cProfile.Profile, runs: int, count: int) -> list[dict]:
    stats = pstats.Stats(profiler)
    rows = []
    for (filename, line, function), (_cc, calls, own, _cumulative, _callers) in stats.stats.items():
        rows.append((own, calls, _label(filename, line, function)))
    rows.sort(reverse=True)
    return [
        {"function": label, "own_ms": round(own * 1000 / runs, 2), "calls": calls // runs}
        for own, calls, label in rows[:count]
    ]


def _label(filename: str, line: int, function: str) -> str:
    if filename == "~":
        return function  # a built-in (e.g. a C method of the database driver)
    path = Path(filename)
    parts = path.parts
    for anchor in ("site-packages", "src", "lib"):
        if anchor in parts:
            parts = parts[parts.index(anchor) + 1 :]
            break
    return f"{'/'.join(parts[-3:])}:{line}({function})"


def markdown_rows(entries: list[dict]) -> list[str]:
    """The per-page breakdown as a Markdown table for the benchmark report."""
    lines = [
        "| page | in-process ms | SQL | templates | PDF | other Python | heaviest own time |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for entry in entries:
        profile = entry.get("profile")
        if not profile:
            continue
        top = "; ".join(f"{spot['function']} {spot['own_ms']} ms" for spot in profile["hotspots"][:3])
        lines.append(
            f"| {entry['name']} | {profile['total']} | {profile['sql']} | {profile['templates']} | "
            f"{profile['pdf'] or '–'} | {profile['python']} | {top} |"
        )
    return lines


def main() -> None:
    import argparse
    import json

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", default="", help="profile only the pages whose name contains this")
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--json", help="also write the breakdown to this file")
    args = parser.parse_args()

    from bench.pages import PAGES
    from bench.run import Context
    from bench.stack import Stack

    stack = Stack(label="profile")
    try:
        stack.configure()
        from bench.seed import municipality_slug, seeded_conversation_sample, seeded_sample

        base = stack.start_server()  # staff log in over HTTP (a real TOTP code), as in the benchmark
        ctx = Context(
            slug=municipality_slug(1),
            sample=seeded_sample(),
            conversations=seeded_conversation_sample(),
            run_id=time.strftime("p%H%M%S"),
            base=base,
        )
        entries = []
        for page in PAGES:
            if page.get("audience") == "floor" or (args.only and args.only not in page["name"]):
                continue
            entries.append({"name": page["name"], "profile": page_breakdown(page, ctx, runs=args.runs)})
            print(markdown_rows(entries[-1:])[-1], flush=True)
        if args.json:
            Path(args.json).write_text(json.dumps(entries, indent=2, ensure_ascii=False) + "\n")
        print("\n".join(markdown_rows(entries)))
        for entry in entries:
            print(f"\n{entry['name']}:")
            for spot in entry["profile"]["hotspots"]:
                print(f"  {spot['own_ms']:7.2f} ms  {spot['calls']:6d}x  {spot['function']}")
    finally:
        stack.stop()


if __name__ == "__main__":
    main()
