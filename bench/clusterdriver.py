"""The cluster test's driver: residents and staff through the load balancer, in a process of its own.

Input (JSON on stdin): {"base", "duration", "residents", "slug", "run_id", "browse": [paths], "health": path,
"staff": [{"username", "cookies"}] (sessions logged in beforehand with password and TOTP code),
"typing_s": [min, max], "reading_s": [min, max]}. Each resident sends every idea from a loopback address
of its own (127.10.N.M), as residents behind one load balancer come from many addresses, with an email
address of its own, so its confirmation mail can be told apart at the SMTP sink. Every thread stops by
itself when `duration` seconds have passed. Output (JSON on stdout): every request (wall-clock start
and end, who, path, status, ms, the app server that answered, who wrote a 5xx page) and per submission
what the resident saw.
"""

import json
import random
import sys
import threading
import time

from bench.http import Session
from bench.resident import idea, send_idea


def resident_address(number: int, count: int) -> str:
    """A loopback address of its own for each idea of each resident (the whole of 127/8 is this machine)."""
    return f"127.10.{number % 250 + 1}.{count % 250 + 1}"


def written_by(response) -> str:
    """Who wrote a 5xx answer: the load balancer (nginx's own page) or the app (its own Dutch page)."""
    text = response.text()
    return "nginx" if "<center>nginx" in text else "app"


def run(plan: dict) -> dict:
    deadline = time.time() + plan["duration"]
    lock = threading.Lock()
    requests: list[list] = []  # [started, finished, who, path, status, ms, upstream, writer]
    submissions: list[dict] = []
    problems: list[str] = []

    def record(who, path, status, ms, at, upstream="", writer=""):
        with lock:
            requests.append([round(at, 3), round(time.time(), 3), who, path, status, round(ms, 1), upstream, writer])

    def send(session: Session, who: str, method: str, path: str, body=None):
        at = time.time()
        try:
            response = session.submit(path, body) if method == "POST" else session.request("GET", path)
        except Exception as exc:  # noqa: BLE001 - a refused connection is recorded as such
            record(who, path, f"error:{type(exc).__name__}", 0, at)
            return None
        writer = written_by(response) if response.status >= 500 else ""
        record(who, path, response.status, response.ms, at, response.headers.get("x-upstream", ""), writer)
        return response

    def resident(number: int) -> None:
        rng = random.Random(number)
        count = 0
        while time.time() < deadline and count < 250:
            count += 1
            marker = f"Cluster {plan['run_id']} bewoner {number} idee {count}"
            email = f"bewoner-{plan['run_id']}-{number}-{count}@example.org"
            submission = {"marker": marker, "email": email, "attempts": [], "confirmed_reference": None}
            with lock:
                submissions.append(submission)
            session = Session(plan["base"], timeout=60, source=resident_address(number, count))
            if not send_idea(
                plan=plan, session=session, who=f"resident-{number}", body=idea(marker, email),
                submission=submission, rng=rng, send=send, record=record, problems=problems, lock=lock,
                deadline=deadline,
            ):  # fmt: skip
                return
            time.sleep(rng.random() * 0.5)

    def staff(number: int) -> None:
        rng = random.Random(1000 + number)
        login = plan["staff"][number % len(plan["staff"])]
        session = Session(plan["base"], timeout=60, cookies=dict(login["cookies"]))
        who = f"staff-{number}"
        while time.time() < deadline:
            path = rng.choice(plan["browse"])
            response = send(session, who, "GET", path)
            if response is not None and response.status == 302 and "/inloggen/" in response.location:
                with lock:
                    problems.append(f"{who}: logged out on {path} at {time.time():.1f}")
                return
            time.sleep(rng.uniform(*plan.get("reading_s", (0.5, 2))))

    def health() -> None:
        session = Session(plan["base"], timeout=20)
        while time.time() < deadline:
            send(session, "health", "GET", plan["health"])
            time.sleep(0.5)

    threads = [threading.Thread(target=resident, args=(n,), daemon=True) for n in range(plan["residents"])]
    threads += [threading.Thread(target=staff, args=(n,), daemon=True) for n in range(len(plan["staff"]))]
    threads.append(threading.Thread(target=health, daemon=True))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(max(1, deadline - time.time()) + 90)
    return {"requests": requests, "submissions": submissions, "problems": problems}


if __name__ == "__main__":
    json.dump(run(json.load(sys.stdin)), sys.stdout)
