"""A tiny HTTP/1.1 client on the standard library, with a cookie jar and Django's CSRF dance.

Used by the load driver (in its own process) and by the page-weight measurement. Loopback only.
"""

import gzip
import hashlib
import hmac
import html
import http.client
import re
import struct
import time
import urllib.parse
from dataclasses import dataclass, field

LOGIN_PATH = "/werkplek/inloggen/"
CODE_PATH = "/werkplek/inloggen/code/"


def totp(key_hex: str, *, at: float | None = None, step: int = 30, digits: int = 6) -> str:
    """The code an authenticator app shows (RFC 6238: HMAC-SHA1 over the 30-second counter)."""
    counter = int((time.time() if at is None else at) // step)
    digest = hmac.new(bytes.fromhex(key_hex), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 10**digits:0{digits}d}"


HIDDEN_INPUT = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')


@dataclass
class Response:
    status: int
    headers: dict
    body: bytes
    ms: float

    @property
    def location(self) -> str:
        return self.headers.get("location", "")

    def text(self) -> str:
        body = self.body
        if self.headers.get("content-encoding") == "gzip":
            body = gzip.decompress(body)
        elif self.headers.get("content-encoding") == "br":
            import brotli

            body = brotli.decompress(body)
        return body.decode("utf-8", "replace")


@dataclass
class Session:
    """One simulated browser: its own cookies and CSRF token."""

    base: str
    timeout: float = 30.0
    cookies: dict = field(default_factory=dict)
    hidden_fields: dict = field(default_factory=dict)
    source: str | None = None  # a loopback address to send from (127.x.y.z): one resident, one address
    extra_headers: dict = field(default_factory=dict)  # sent with every request (e.g. X-Forwarded-For)

    def __post_init__(self):
        parsed = urllib.parse.urlsplit(self.base)
        if parsed.hostname not in {"127.0.0.1", "localhost", "::1"}:
            raise ValueError("the load driver only talks to loopback")
        if self.source is not None and not self.source.startswith("127."):
            raise ValueError("the load driver only sends from loopback addresses")
        self.host, self.port = parsed.hostname, parsed.port or 80

    def request(self, method: str, path: str, body: dict | None = None, headers: dict | None = None) -> Response:
        send_headers = {"Host": f"{self.host}", "User-Agent": "burgeridee-bench", "Connection": "close"}
        send_headers.update(self.extra_headers)
        send_headers.update(headers or {})
        if self.cookies:
            send_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        data = None
        if body is not None:
            data = urllib.parse.urlencode(body, doseq=True).encode()
            send_headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.perf_counter()
        connection = http.client.HTTPConnection(
            self.host, self.port, timeout=self.timeout, source_address=(self.source, 0) if self.source else None
        )
        try:
            connection.request(method, path, body=data, headers=send_headers)
            raw = connection.getresponse()
            payload = raw.read()
            ms = (time.perf_counter() - started) * 1000
            response_headers = {}
            for name, value in raw.getheaders():
                name = name.lower()
                if name == "set-cookie":
                    self._store_cookie(value)
                response_headers[name] = value
        finally:
            connection.close()
        return Response(status=raw.status, headers=response_headers, body=payload, ms=ms)

    def _store_cookie(self, header: str) -> None:
        pair = header.split(";", 1)[0]
        if "=" in pair:
            name, value = pair.split("=", 1)
            if value in ("", '""'):
                self.cookies.pop(name.strip(), None)
            else:
                self.cookies[name.strip()] = value.strip()

    def form(self, form_path: str) -> dict:
        """The hidden fields (CSRF token, form key) of the form at `form_path`, fetched once per session."""
        if form_path not in self.hidden_fields:
            response = self.request("GET", form_path)
            fields = dict(HIDDEN_INPUT.findall(response.text()))
            if "csrfmiddlewaretoken" not in fields:
                raise RuntimeError(f"no CSRF token on {form_path} (HTTP {response.status})")
            self.hidden_fields[form_path] = {k: html.unescape(v) for k, v in fields.items()}
        return self.hidden_fields[form_path]

    def submit(self, path: str, body: dict, csrf_from: str | None = None) -> Response:
        """POST like a browser would: the form's hidden fields first, then what was typed."""
        return self.request("POST", path, body={**self.form(csrf_from or path), **body})

    def send(self, step: dict, headers: dict | None = None) -> Response | None:
        """Take one step of a page plan: {"cookies"} (a session logged in beforehand, see
        bench.run.Context.login_steps; returns None), a POST through its form, or a GET."""
        if "cookies" in step:
            self.cookies.update(step["cookies"])
            return None
        if step.get("method", "GET") == "POST":
            return self.submit(step["url"], step.get("body") or {}, csrf_from=step.get("csrf_from"))
        return self.request("GET", step["url"], headers=headers)

    def login(self, username: str, password: str, totp_key: str) -> None:
        """Log in as a member of staff the way a browser does: password, then the code from the app."""
        response = self.submit(LOGIN_PATH, {"username": username, "password": password})
        if response.status != 302 or CODE_PATH not in response.location:
            raise RuntimeError(f"login of {username}: HTTP {response.status} to {response.location or 'nowhere'}")
        response = self.submit(CODE_PATH, {"token": totp(totp_key)}, csrf_from=response.location)
        if response.status != 302:
            raise RuntimeError(f"second factor of {username}: HTTP {response.status}")
