"""The load-test driver: a separate process with residents submitting ideas and staff browsing.

Input (JSON on stdin): {"base", "duration", "residents", "staff", "slug", "run_id", "browse": [paths],
"typing_s": [min, max] seconds a resident types, "reading_s": [min, max] seconds staff read a page,
"staff_logins": [{"username", "password", "totp_key", "extra_pages"}] one per member of staff}. Each member
of staff logs in once, with the password and a real TOTP code, then browses "browse" plus their extra pages.
Every thread stops by itself when `duration` seconds have passed. Output (JSON on stdout): every
request with its wall-clock time and status, and per submission what the resident saw.
"""

import json
import random
import sys
import threading
import time

from bench.http import Session
from bench.resident import idea, send_idea


def run(plan: dict) -> dict:
    deadline = time.time() + plan["duration"]
    lock = threading.Lock()
    requests: list[list] = []  # [started, finished, who, path, status, ms] (wall-clock seconds)
    submissions: list[dict] = []
    problems: list[str] = []

    def record(who: str, path: str, status, ms: float, at: float) -> None:
        with lock:
            requests.append([round(at, 3), round(time.time(), 3), who, path, status, round(ms, 1)])

    def send(session: Session, who: str, method: str, path: str, body=None, csrf_from=None):
        at = time.time()
        try:
            if method == "POST":
                response = session.submit(path, body, csrf_from=csrf_from)
            else:
                response = session.request("GET", path)
        except Exception as exc:  # noqa: BLE001 - a refused connection is recorded as such
            record(who, path, f"error:{type(exc).__name__}", 0, at)
            return None
        record(who, path, response.status, response.ms, at)
        return response

    def resident(number: int) -> None:
        rng = random.Random(number)
        count = 0
        while time.time() < deadline:
            count += 1
            marker = f"Loadtest {plan['run_id']} bewoner {number} idee {count}"
            submission = {"marker": marker, "attempts": [], "confirmed_reference": None}
            with lock:
                submissions.append(submission)
            session = Session(plan["base"], timeout=60)
            if not send_idea(
                plan=plan, session=session, who=f"resident-{number}", body=idea(marker), submission=submission,
                rng=rng, send=send, record=record, problems=problems, lock=lock, deadline=deadline,
            ):  # fmt: skip
                return
            time.sleep(rng.random() * 0.5)

    def staff(number: int) -> None:
        rng = random.Random(1000 + number)
        session = Session(plan["base"], timeout=60)
        who = f"staff-{number}"
        login = plan["staff_logins"][number % len(plan["staff_logins"])]
        while time.time() < deadline:
            at = time.time()
            try:
                session.login(login["username"], login["password"], login["totp_key"])
            except Exception as exc:  # noqa: BLE001 - e.g. during the outage; try again, as a person would
                record(who, "/werkplek/inloggen/", f"login:{type(exc).__name__}", 0, at)
                session = Session(plan["base"], timeout=60)
                time.sleep(2)
                continue
            record(who, "/werkplek/inloggen/", 302, (time.time() - at) * 1000, at)
            break
        while time.time() < deadline:
            path = rng.choice(plan["browse"] + login.get("extra_pages", []))
            response = send(session, who, "GET", path)
            if response is not None and response.status == 302 and "/inloggen/" in response.location:
                with lock:
                    problems.append(f"{who}: logged out on {path}")
            time.sleep(rng.uniform(*plan.get("reading_s", (0.5, 2))))  # reads the page

    def health() -> None:
        session = Session(plan["base"], timeout=20)
        while time.time() < deadline:
            send(session, "health", "GET", "/healthz")
            time.sleep(0.5)

    threads = [threading.Thread(target=resident, args=(n,), daemon=True) for n in range(plan["residents"])]
    threads += [threading.Thread(target=staff, args=(n,), daemon=True) for n in range(plan["staff"])]
    threads.append(threading.Thread(target=health, daemon=True))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(max(1, deadline - time.time()) + 90)
    return {"requests": requests, "submissions": submissions, "problems": problems}


if __name__ == "__main__":
    json.dump(run(json.load(sys.stdin)), sys.stdout)
