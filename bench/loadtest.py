"""`make loadtest` / `make loadtest-short`: residents submit ideas while staff browse; PostgreSQL stops
for 10 seconds in the middle. Checks: no server errors outside the outage, a clear 503 page (with the
typed idea) during it, /healthz 503 then 200 again without restarting the app, every confirmed
submission stored exactly once. Exit status 1 when a check fails. Writes bench/results/loadtest.json.
"""

import argparse
import json
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import UTC, datetime

from bench.stack import ROOT, Stack

RESULTS = ROOT / "bench" / "results"
RECOVERY_GRACE = 5.0  # seconds after PostgreSQL is back in which a 503 still counts as the outage


def run(*, duration: int, residents: int, staff: int, outage: float, outage_at: float, keep: bool) -> bool:
    stack = Stack(label="loadtest")
    if not stack.own_database:
        print("loadtest: BENCH_DATABASE_URL is set, but the load test must stop its own PostgreSQL; unset it")
        return False
    run_id = datetime.now(UTC).strftime("%H%M%S")
    try:
        print("loadtest: preparing PostgreSQL, migrations, static files and data")
        stack.configure()
        from bench.seed import municipality_slug, seed

        seed(size="loadtest", log=lambda line: None)
        slug = municipality_slug(1)
        browse = staff_pages(slug)
        logins = staff_logins(slug, staff)
        base = stack.start_server()
        print(
            f"loadtest: {residents} residents submit ideas, {staff} staff ({len(logins)} accounts, each logged in "
            f"with a TOTP code) browse {len(browse)} workspace pages for {duration} s; rate limiting off "
            f"(RATELIMIT_ENABLE=false), since every simulated resident comes from 127.0.0.1"
        )
        plan = {
            "base": base,
            "duration": duration,
            "residents": residents,
            "staff": staff,
            "slug": slug,
            "run_id": run_id,
            "browse": browse,
            "staff_logins": logins,
        }
        driver = subprocess.Popen(
            [sys.executable, "-m", "bench.loaddriver"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=ROOT,
            text=True,
        )
        outcome: dict = {}

        def communicate():
            outcome["stdout"], _ = driver.communicate(json.dumps(plan), timeout=duration + 300)

        reader = threading.Thread(target=communicate)
        reader.start()
        time.sleep(outage_at)
        print(f"loadtest: stopping PostgreSQL for {outage:.0f} s")
        down_at = time.time()
        stack.pg("stop")
        time.sleep(outage)
        stack.pg("start")
        up_at = time.time()
        print(f"loadtest: PostgreSQL is back after {up_at - down_at:.1f} s; the app was not restarted")
        reader.join()
        data = json.loads(outcome["stdout"])
        report = check(data, down_at=down_at, up_at=up_at, run_id=run_id, server_log=stack.server_log())
        report.update({"duration_s": duration, "residents": residents, "staff": staff, "outage_s": outage})
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "loadtest.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        print_report(report)
        return not report["failures"]
    finally:
        stack.stop(keep=keep)


def staff_pages(slug: str) -> list[str]:
    """What staff open during the test: the inbox (tabs, a filter, a search), initiative pages and conversation
    screens of seeded initiatives. (Coordinators also open the dashboard; see staff_logins.)"""
    from bench.seed import seeded_conversation_sample, seeded_sample

    initiatives = [f"/werkplek/{slug}/initiatieven/{row['pk']}/" for row in seeded_sample(count=10)]
    conversations = [f"/werkplek/{slug}/initiatieven/{pk}/gesprek/" for pk in seeded_conversation_sample(count=5)]
    return [
        f"/werkplek/{slug}/",
        f"/werkplek/{slug}/?tab=alle",
        f"/werkplek/{slug}/?tab=alle&phase=verkennen",
        f"/werkplek/{slug}/?tab=alle&q=buurt",
        *initiatives,
        *conversations,
    ]


def staff_logins(slug: str, count: int) -> list[dict]:
    """Up to `count` seeded contact people of `slug`, each with the secret of their authenticator app; the
    coordinators among them also open the insight dashboard, which only they may see."""
    from bench.seed import PASSWORD, bench_totp_key
    from burgeridee.accounts.constants import Role
    from burgeridee.accounts.models import Membership

    members = [
        m.user.username
        for m in Membership.objects.filter(municipality__slug=slug).select_related("user").order_by("pk")
        if m.has_role(Role.CONTACT)
    ]
    return [{"username": name, "password": PASSWORD, "totp_key": bench_totp_key(name)} for name in members[:count]]


def page_kind(who: str, path: str) -> str:
    """A label for the latency table: who asked, and which page (staff pages by their kind)."""
    person = who.split("-")[0]
    if path.startswith("/werkplek/inloggen"):
        return f"{person} login"
    if path.startswith("/werkplek/"):
        rest = path.split("/", 3)[3] if path.count("/") >= 3 else ""
        if rest.startswith("inzicht"):
            return f"{person} dashboard"
        if "/gesprek/" in rest:
            return f"{person} conversation screen"
        if rest.startswith("initiatieven/"):
            return f"{person} initiative page"
        return f"{person} inbox"
    return f"{person} {path.split('/')[2] if path.count('/') > 2 else path}"


def check(data: dict, *, down_at: float, up_at: float, run_id: str, server_log: str) -> dict:
    from django.db import connection

    from burgeridee.initiatives.models import Initiative

    connection.close()  # this process's connection did not survive the outage
    window_end = up_at + RECOVERY_GRACE
    failures: list[str] = []
    statuses = Counter()
    in_window = Counter()
    outside_errors = []
    health_during = Counter()
    health_after = []
    for at, finished, who, path, status, _ms in data["requests"]:
        statuses[str(status)] += 1
        during = at <= window_end and finished >= down_at  # the request overlapped the outage
        if during:
            in_window[str(status)] += 1
        if who == "health":
            if down_at + 1 <= at <= up_at:
                health_during[str(status)] += 1
            elif at > window_end:
                health_after.append(status)
        is_server_error = isinstance(status, int) and status >= 500
        if (is_server_error and not (status == 503 and during)) or (not isinstance(status, int) and not during):
            outside_errors.append([at, who, path, status])
    if outside_errors:
        failures.append(f"{len(outside_errors)} server errors or failed requests outside the outage window")
    if statuses.get("500"):
        failures.append(f"{statuses['500']} responses with HTTP 500")
    if not health_during.get("503"):
        failures.append(f"/healthz did not say 503 while PostgreSQL was down ({dict(health_during)})")
    if not health_after or any(status != 200 for status in health_after):
        failures.append("/healthz did not return to 200 after PostgreSQL came back")

    submissions = data["submissions"]
    five_o_threes = [a for s in submissions for a in s["attempts"] if a["status"] == 503]
    without_text = [a for a in five_o_threes if not (a["typed_title_shown"] and a["message_shown"])]
    if not five_o_threes:
        failures.append("no resident saw the 503 page during the outage")
    if without_text:
        failures.append(f"{len(without_text)} 503 answers to the idea form did not show the typed idea again")

    stored = Counter(Initiative.objects.filter(title__startswith=f"Loadtest {run_id} ").values_list("title", flat=True))
    references = dict(
        Initiative.objects.filter(title__startswith=f"Loadtest {run_id} ").values_list("title", "reference")
    )
    confirmed = [s for s in submissions if s["confirmed_reference"]]
    missing = [s["marker"] for s in confirmed if stored[s["marker"]] == 0]
    wrong_reference = [
        s["marker"] for s in confirmed if references.get(s["marker"]) not in (None, s["confirmed_reference"])
    ]
    twice = [title for title, count in stored.items() if count > 1]
    redirected_unconfirmed = [
        s["marker"]
        for s in submissions
        if s["attempts"] and s["attempts"][-1]["status"] == 302 and not s["confirmed_reference"]
    ]
    if missing:
        failures.append(f"{len(missing)} confirmed submissions are missing from the database: {missing[:3]}")
    if wrong_reference:
        failures.append(f"{len(wrong_reference)} confirmed submissions have another reference than shown")
    if twice:
        failures.append(f"{len(twice)} submissions are stored more than once: {twice[:3]}")
    if data["problems"]:
        failures.append(f"unexpected answers: {data['problems'][:5]}")
    if "Traceback" in server_log and "OperationalError" not in server_log:
        failures.append("the server logged a traceback that is not about the outage")
    first = min((row[0] for row in data["requests"]), default=down_at)
    by_kind: dict[str, list[float]] = {}
    statuses_by_kind: dict[str, Counter] = {}
    for _at, _finished, who, path, status, ms in data["requests"]:
        kind = page_kind(who, path)
        statuses_by_kind.setdefault(kind, Counter())[str(status)] += 1
        if isinstance(status, int):
            by_kind.setdefault(kind, []).append(ms)
    client_errors = [row for row in data["requests"] if isinstance(row[4], int) and 400 <= row[4] < 500]
    if client_errors:
        failures.append(f"{len(client_errors)} answers 4xx: {[(r[2], r[3], r[4]) for r in client_errors[:5]]}")
    latency = {
        kind: {"n": len(values), "p50_ms": round(sorted(values)[len(values) // 2], 1), "max_ms": round(max(values), 1)}
        for kind, values in sorted(by_kind.items())
    }
    server_503 = [row[1] for row in data["requests"] if row[4] == 503]
    return {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "timeline_s": {
            "postgresql_stopped": round(down_at - first, 1),
            "postgresql_started": round(up_at - first, 1),
            "first_503_answered": round(min(server_503) - first, 1) if server_503 else None,
            "last_503_answered": round(max(server_503) - first, 1) if server_503 else None,
            "last_request": round(max((row[0] for row in data["requests"]), default=first) - first, 1),
        },
        "requests": len(data["requests"]),
        "latency": latency,
        "statuses": dict(statuses),
        "statuses_in_outage_window": dict(in_window),
        "statuses_by_page": {kind: dict(counts) for kind, counts in sorted(statuses_by_kind.items())},
        "healthz_during_outage": dict(health_during),
        "submissions_started": len(submissions),
        "submissions_confirmed": len(confirmed),
        "submissions_redirected_but_confirmation_not_seen": len(redirected_unconfirmed),
        "idea_form_503_answers": len(five_o_threes),
        "stored": sum(stored.values()),
        "confirmed_missing": len(missing),
        "stored_twice": len(twice),
        "errors_outside_window": outside_errors[:20],
        "failures": failures,
    }


def print_report(report: dict) -> None:
    print(
        f"loadtest: {report['requests']} requests {report['statuses']}; during the outage window "
        f"{report['statuses_in_outage_window']}; /healthz during the outage {report['healthz_during_outage']}"
    )
    for kind, values in report["latency"].items():
        print(f"loadtest:   {kind}: {values} {report['statuses_by_page'].get(kind, {})}")
    print(f"loadtest: time line in seconds from the first request: {report['timeline_s']}")
    print(
        f"loadtest: {report['submissions_confirmed']} submissions confirmed, {report['stored']} stored, "
        f"{report['confirmed_missing']} confirmed but missing, {report['stored_twice']} stored twice, "
        f"{report['idea_form_503_answers']} idea-form 503 answers (typed idea shown again)"
    )
    if report["failures"]:
        print("loadtest: FAILED")
        for failure in report["failures"]:
            print(f"  - {failure}")
    else:
        print("loadtest: passed")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--duration", type=int, default=120)
    parser.add_argument("--residents", type=int, default=50)
    parser.add_argument("--staff", type=int, default=20)
    parser.add_argument("--outage", type=float, default=10.0)
    parser.add_argument("--outage-at", type=float, default=None, help="seconds after the start (default: a third)")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    ok = run(
        duration=args.duration,
        residents=args.residents,
        staff=args.staff,
        outage=args.outage,
        outage_at=args.outage_at if args.outage_at is not None else args.duration / 3,
        keep=args.keep,
    )
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
