"""A simulated resident who sends an idea, shared by the load test's and the cluster test's drivers.

`send_idea` opens the form (and its CSRF token; during an outage the form still opens), types for a while,
sends, and on a 503 reads the message and presses the button again; then it opens the confirmation page,
refreshing it when it does not load. What the resident saw goes into `submission`.
"""

import re
import time

REFERENCE = re.compile(r"BI-\d{4}-\d{6}")
UNAVAILABLE_TEXT = "Het is niet gelukt uw idee op te slaan"


def idea(marker: str, email: str = "bewoner@example.org") -> dict:
    return {
        "title": marker,
        "description": "Wij willen met de buren een moestuin maken op het grasveld.",
        "target_group": "Buren en kinderen",
        "neighbourhood": "onbekend",
        "theme": "leefbaar",
        "support_types": ["materialen"],
        "name": "Fatima Bakker",
        "email": email,
        "preferred_contact": "email",
    }


def send_idea(*, plan, session, who, body, submission, rng, send, record, problems, lock, deadline) -> bool:
    """One idea from form to confirmation. False when the run ended before the form opened.

    `send(session, who, method, path, body)` sends a request and records it (None when the connection failed);
    `record(who, path, status, ms, at)` records a failed attempt to open the form."""
    form = f"/{plan['slug']}/idee/"
    while time.time() < deadline:
        try:
            session.form(form)
            break
        except Exception as exc:  # noqa: BLE001 - a refused connection is recorded as such
            record(who, form, f"csrf:{type(exc).__name__}", 0, time.time())
            time.sleep(1)
    else:
        return False
    time.sleep(rng.uniform(*plan.get("typing_s", (2, 5))))  # the resident types the idea
    response = None
    while time.time() < deadline:
        response = send(session, who, "POST", form, body)
        if response is None:
            submission["attempts"].append({"status": "error", "at": time.time()})
            time.sleep(1)
            continue
        attempt = {"status": response.status, "at": time.time()}
        if response.status == 503:
            text = response.text()
            attempt["typed_title_shown"] = submission["marker"] in text
            attempt["message_shown"] = UNAVAILABLE_TEXT in text
        submission["attempts"].append(attempt)
        if response.status != 503:
            break
        time.sleep(1 + rng.random())  # reads the message, presses the button again
    if response is None or response.status != 302:
        if response is not None and response.status != 503:
            with lock:
                problems.append(f"{submission['marker']}: HTTP {response.status} on submit")
        return True
    for _ in range(30):  # the confirmation page; a resident refreshes it when it does not load
        page = send(session, who, "GET", response.location)
        if page is not None and page.status == 200:
            match = REFERENCE.search(page.text())
            submission["confirmed_reference"] = match.group(0) if match else None
            break
        time.sleep(1)
    return True
