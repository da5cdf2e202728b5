"""Real servers on loopback for tests: an SMTP server that can refuse mail for a while, and Redis.

Plain context managers (no fixtures, no app imports), so a test of any layer may use them. Each server
listens on a free port on 127.0.0.1 and stops when the block ends.
"""

import shutil
import socket
import subprocess  # nosec B404 - starts a fixed redis-server binary for tests
import tempfile
import threading
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class SmtpRecorder:
    """What the SMTP server received. It refuses (451) until `refuse_until` (monotonic clock) and for the
    first `refuse_first` messages, then accepts."""

    refuse_until: float = 0.0
    refuse_first: int = 0
    refused: int = 0
    messages: list = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        with self.lock:
            if time.monotonic() < self.refuse_until or self.refused < self.refuse_first:
                self.refused += 1
                return "451 4.3.0 Try again later"
            self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"

    def message_ids(self) -> Counter:
        with self.lock:
            return Counter(" ".join(str(message["Message-ID"]).split()) for message in self.messages)


@contextmanager
def smtp_server(*, refuse_for: float = 0.0, refuse_first: int = 0):
    """An SMTP server (aiosmtpd) on loopback; yields (port, recorder)."""
    from aiosmtpd.controller import Controller  # a test-only dependency

    recorder = SmtpRecorder(refuse_until=time.monotonic() + refuse_for, refuse_first=refuse_first)
    port = free_port()
    controller = Controller(recorder, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, recorder
    finally:
        controller.stop()


@contextmanager
def redis_server():
    """A private redis-server (Debian's package) on loopback without persistence; yields its URL."""
    binary = shutil.which("redis-server")
    if binary is None:
        raise RuntimeError("redis-server is missing: bin/ensure-system-packages installs it")
    port = free_port()
    workdir = tempfile.mkdtemp(prefix="burgeridee-redis-")
    process = subprocess.Popen(  # noqa: S603  # nosec B603 - a fixed binary with fixed arguments
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", workdir],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2) as connection:
                    connection.sendall(b"PING\r\n")
                    if connection.recv(16).startswith(b"+PONG"):
                        break
            except OSError:
                pass
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)
