"""The load driver: a separate process that sends a bounded list of requests for one page.

Input (JSON on stdin): {"base": "http://127.0.0.1:PORT", "concurrency": 4, "time_limit": 20,
"warmup": 8, "requests": [{"method", "url", "body", "csrf_from"}], "setups": [[steps of worker 0], ...]}.
Each worker thread is one browser (own cookies); it runs its setup steps once, then takes the next request
from the shared list until the list is used up or the time limit passes. Output (JSON on stdout):
latencies in ms of the measured requests, status counts and the elapsed wall-clock time.
"""

import json
import sys
import threading
import time

from bench.http import Session


def run(plan: dict) -> dict:
    requests = plan["requests"]
    warmup = min(plan.get("warmup", 0), max(0, len(requests) - 1))
    deadline_holder = {}
    lock = threading.Lock()
    position = {"next": 0}
    latencies: list[float] = []
    statuses: dict[str, int] = {}
    failures: list[str] = []

    def take():
        with lock:
            index = position["next"]
            if index >= len(requests) or time.monotonic() > deadline_holder["at"]:
                return None
            position["next"] += 1
            return index

    def worker(number: int):
        session = Session(plan["base"], timeout=plan.get("timeout", 30))
        setups = plan.get("setups") or [[]]
        try:
            for step in setups[number % len(setups)]:
                _send(session, step)
        except Exception as exc:  # noqa: BLE001 - reported in the output
            with lock:
                failures.append(f"setup: {type(exc).__name__}: {exc}")
            return
        while (index := take()) is not None:
            try:
                for step in requests[index].get("before", ()):  # untimed, e.g. the POST a confirmation follows
                    _send(session, step)
                response = _send(session, requests[index])
            except Exception as exc:  # noqa: BLE001 - a failed request is counted, not fatal
                with lock:
                    statuses["error"] = statuses.get("error", 0) + 1
                    if len(failures) < 5:
                        failures.append(f"{type(exc).__name__}: {exc}")
                continue
            if index < warmup:
                continue
            with lock:
                latencies.append(response.ms)
                statuses[str(response.status)] = statuses.get(str(response.status), 0) + 1

    deadline_holder["at"] = time.monotonic() + plan.get("time_limit", 30)
    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(n,), daemon=True) for n in range(plan.get("concurrency", 4))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(plan.get("time_limit", 30) + plan.get("timeout", 30) + 5)
    elapsed = time.perf_counter() - started
    completed = position["next"]
    return {
        "latencies_ms": latencies,
        "statuses": statuses,
        "elapsed_s": elapsed,
        "completed": completed,
        "failures": failures,
    }


def _send(session: Session, step: dict):
    return session.send(step, headers={"Accept-Encoding": "gzip"})


if __name__ == "__main__":
    json.dump(run(json.load(sys.stdin)), sys.stdout)
