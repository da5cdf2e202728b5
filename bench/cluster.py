"""`make cluster-test` / `make cluster-test-short`: production on one machine, with faults.

Starts, as real processes on loopback: a private PostgreSQL (bin/pg-private), Redis (redis-server), three
gunicorn app servers (deploy/bin/web, the image's start script), nginx as the load balancer, two workers
(deploy/bin/worker) and an SMTP server (aiosmtpd, in this process). Migrations run through deploy/bin/migrate
and the scheduled jobs through deploy/bin/jobs, so the container image's start scripts are exercised here.

Staff are created with `manage.py staff_create` and set up their authenticator app through the emailed
one-time link, through the load balancer, as a person would. Then:
1. throughput: the same mix of resident and staff pages through nginx with one app server, then with three;
2. the run: residents submit ideas (each from a loopback address of its own) and staff browse for a fixed
   time, while one app server and one worker are killed (SIGKILL; both come back after a while, as the
   orchestrator would bring them back), the scheduled jobs are started twice at once, Redis is restarted,
   the SMTP server refuses mail for a while, and the idea form's rate limit is reached through one app
   server and tried on the others.

Passes only if: no confirmed idea is missing or stored twice; every stored idea's confirmation mail and every
due daily digest arrives exactly once at the SMTP server; no staff member is logged out (also not after their
app server died); the rate limit reached through one app server holds on the others; no 5xx other than the
app's own 503 page while Redis was down. Prints the figures; writes bench/results/cluster.json. Exit 1 on a
failed check.
"""

import argparse
import base64
import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from datetime import UTC, datetime
from email import message_from_bytes
from email.policy import default as default_policy
from pathlib import Path

from bench.http import LOGIN_PATH, Session, totp
from bench.stack import free_port

ROOT = Path(__file__).resolve().parent.parent
DEPLOY_BIN = ROOT / "deploy" / "bin"
PG_PRIVATE = ROOT / "bin" / "pg-private"
RESULTS = ROOT / "bench" / "results"
APP_SERVERS = 3
WORKERS = 2
IDEA_LIMIT = 3  # RATELIMIT_IDEA_FORM per hour in this test: small enough to reach, residents use one address per idea
DEPENDENCY_GRACE = 5.0  # seconds after a dependency is back in which a 503 still counts as its outage
LINK = re.compile(r"https?://\S+/werkplek/inloggen/link/\S+/")
SECRET = re.compile(r"data-totp-secret>([A-Z2-7 ]+)<")
REFERENCE = re.compile(r"BI-\d{4}-\d{6}")


def log(line: str) -> None:
    print(f"cluster: {line}", flush=True)


# Processes ------------------------------------------------------------------------------------------------
class Process:
    """One long-running process in a session of its own, so a SIGKILL takes it with its children (gunicorn's
    workers), as when a container or machine dies."""

    def __init__(self, name: str, argv: list[str], *, env: dict, logdir: Path):
        self.name, self.argv, self.env = name, argv, env
        self.log_path = logdir / f"{name}.log"
        self.popen: subprocess.Popen | None = None

    def start(self) -> "Process":
        log_file = open(self.log_path, "a")  # noqa: SIM115 - handed to the child, closed with it
        self.popen = subprocess.Popen(  # noqa: S603 - our own scripts and Debian's binaries
            self.argv, cwd=ROOT, env=self.env, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True
        )
        log_file.close()
        return self

    @property
    def alive(self) -> bool:
        return self.popen is not None and self.popen.poll() is None

    def signal(self, number: int) -> None:
        if self.alive:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.popen.pid, number)

    def kill(self) -> None:
        self.signal(signal.SIGKILL)
        if self.popen:
            self.popen.wait(10)

    def stop(self, timeout: float = 15) -> None:
        if not self.alive:
            return
        self.signal(signal.SIGTERM)
        try:
            self.popen.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


class SmtpSink:
    """A real SMTP server on loopback that stores what it receives, and can refuse mail for a while
    (451, a temporary failure: a sender must try again later)."""

    def __init__(self):
        from aiosmtpd.controller import Controller

        self.lock = threading.Lock()
        self.messages: list[dict] = []
        self.refused = 0
        self.refusing = False
        self.port = free_port(int(os.environ.get("CLUSTER_SMTP_PORT", "8625")))
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        if self.refusing:
            with self.lock:
                self.refused += 1
            return "451 4.3.0 Mail server busy; try again later"
        message = message_from_bytes(envelope.content, policy=default_policy)
        body = message.get_body(preferencelist=("plain",))
        with self.lock:
            self.messages.append(
                {
                    "to": sorted(envelope.rcpt_tos),
                    "subject": str(message["subject"]),
                    "body": body.get_content() if body else "",
                    "at": time.time(),
                }
            )
        return "250 OK"

    def start(self) -> None:
        self.controller.start()

    def stop(self) -> None:
        self.controller.stop()

    def snapshot(self) -> list[dict]:
        with self.lock:
            return list(self.messages)


class Cluster:
    def __init__(self, *, keep: bool):
        self.keep = keep
        self.workdir = Path(tempfile.mkdtemp(prefix="burgeridee-cluster."))
        os.chmod(self.workdir, 0o755)  # noqa: S103 - the postgres user must reach pg/
        self.logs = self.workdir / "logs"
        self.logs.mkdir()
        self.pg_dir = self.workdir / "pg"
        self.pg_port = free_port(int(os.environ.get("CLUSTER_PGPORT", "54500")))
        self.redis_port = free_port(int(os.environ.get("CLUSTER_REDIS_PORT", "8637")))
        self.lb_port = free_port(int(os.environ.get("CLUSTER_HTTP_PORT", "8280")))
        self.lb1_port = free_port(self.lb_port + 1)
        self.app_ports: list[int] = []
        for _ in range(APP_SERVERS):
            self.app_ports.append(free_port((self.app_ports[-1] + 1) if self.app_ports else self.lb1_port + 20))
        self.smtp = SmtpSink()
        self.apps: list[Process] = []
        self.workers: list[Process] = []
        self.redis: Process | None = None
        self.nginx: Process | None = None
        self.pg_started = False
        self.env: dict = {}

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.lb_port}"

    # Dependencies -------------------------------------------------------------------------------------
    def start_postgres(self) -> str:
        subprocess.run([str(PG_PRIVATE), "start", str(self.pg_dir), str(self.pg_port)], check=True)
        self.pg_started = True
        subprocess.run(
            ["psql", "-h", "127.0.0.1", "-p", str(self.pg_port), "-U", "postgres", "-q", "-c",
             "CREATE DATABASE burgeridee"],
            check=True,
        )  # fmt: skip
        return f"postgres://postgres@127.0.0.1:{self.pg_port}/burgeridee"

    def start_redis(self) -> None:
        (self.workdir / "redis").mkdir(exist_ok=True)
        # Append-only persistence: counters (rate limits) and locks survive a restart, as in production.
        self.redis = Process(
            "redis",
            ["redis-server", "--port", str(self.redis_port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "yes", "--dir", str(self.workdir / "redis"), "--protected-mode", "no"],
            env=dict(os.environ),
            logdir=self.logs,
        ).start()  # fmt: skip
        wait_for(lambda: redis_ping(self.redis_port), "Redis", 20)

    def configure(self) -> None:
        database_url = self.start_postgres()
        self.start_redis()
        self.smtp.start()
        path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
        self.env = {
            "PATH": path,
            "HOME": os.environ.get("HOME", "/tmp"),  # noqa: S108
            "LANG": "C.UTF-8",
            "BURGERIDEE_ENV": "production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",  # plain HTTP on loopback; TLS is the ingress's job
            "SITE_URL": self.base,
            "DATABASE_URL": database_url,
            "DATABASE_CONN_MAX_AGE": "60",
            "REDIS_URL": f"redis://127.0.0.1:{self.redis_port}/0",
            "TRUSTED_PROXIES": "127.0.0.1",
            # Until every release reads TRUSTED_PROXIES: nginx sets X-Forwarded-For to the client's address.
            "RATELIMIT_IP_META_KEY": "HTTP_X_FORWARDED_FOR",
            "RATELIMIT_IDEA_FORM": f"{IDEA_LIMIT}/h",
            "STATIC_ROOT": str(self.workdir / "static"),
            "BURGERIDEE_VAR_DIR": str(self.workdir / "var"),
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(self.smtp.port),
            "EMAIL_TIMEOUT": "5",
            "LOG_FORMAT": "json",
            "LOG_LEVEL": "WARNING",
            "METRICS_TOKEN": secrets.token_urlsafe(20),
            "GUNICORN_WORKERS": os.environ.get("CLUSTER_GUNICORN_WORKERS", "2"),
            "GUNICORN_TIMEOUT": "60",
            # The scheduled jobs are due from this local time: from midnight, so at any hour of a test run.
            "SCHEDULED_JOBS_AT": "00:00",
        }
        log("migrations (deploy/bin/migrate) and static files (collectstatic, as the image build does)")
        self.run_script("migrate")
        if not (ROOT / "src/burgeridee/static/dist/burgeridee.css").exists():
            subprocess.run(["node", "assets/build.mjs"], cwd=ROOT, check=True)
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"], cwd=ROOT, env=self.env, check=True
        )
        os.environ.update(self.env)
        os.environ["DJANGO_SETTINGS_MODULE"] = "burgeridee.settings"
        sys.path.insert(0, str(ROOT / "src"))
        import django

        django.setup()

    def run_script(self, name: str, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
        result = subprocess.run(
            [str(DEPLOY_BIN / name), *args], cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=timeout
        )
        if result.returncode != 0:
            raise RuntimeError(f"deploy/bin/{name} failed ({result.returncode}): {result.stdout}{result.stderr}")
        return result

    # App servers, load balancer, workers --------------------------------------------------------------
    def app_server(self, number: int) -> Process:
        env = {
            **self.env,
            "GUNICORN_BIND": f"127.0.0.1:{self.app_ports[number]}",
            # Several app servers on one machine: each its own metrics files.
            "PROMETHEUS_MULTIPROC_DIR": str(self.workdir / f"metrics-{number + 1}"),
        }
        return Process(f"app-{number + 1}", [str(DEPLOY_BIN / "web")], env=env, logdir=self.logs)

    def start_app(self, number: int, *, wait: bool = True) -> None:
        process = self.app_server(number).start()
        if number < len(self.apps):
            self.apps[number] = process
        else:
            self.apps.append(process)
        if wait:
            self.wait_ready(number)

    def wait_ready(self, number: int) -> None:
        url = f"http://127.0.0.1:{self.app_ports[number]}{health_path()}"
        wait_for(lambda: http_ok(url), self.apps[number].name, 90)

    def start_worker(self, number: int) -> None:
        process = Process(
            f"worker-{number + 1}", [str(DEPLOY_BIN / "worker")], env=self.worker_env(number), logdir=self.logs
        )
        process.start()
        if number < len(self.workers):
            self.workers[number] = process
        else:
            self.workers.append(process)

    def worker_env(self, number: int) -> dict:
        return {**self.env, "WORKER_HEARTBEAT_FILE": str(self.workdir / f"worker-{number + 1}.heartbeat")}

    def worker_alive(self, number: int, max_age: int = 4) -> int:
        """The worker's liveness probe (deploy/bin/worker-alive): its exit code."""
        result = subprocess.run(
            [str(DEPLOY_BIN / "worker-alive"), "--max-age", str(max_age)],
            cwd=ROOT, env=self.worker_env(number), capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        return result.returncode

    def start_nginx(self) -> None:
        folder = self.workdir / "nginx"
        folder.mkdir(exist_ok=True)
        os.chmod(folder, 0o777)  # noqa: S103 - nginx's worker processes write their temporary files here
        servers = "\n".join(f"    server 127.0.0.1:{port} max_fails=1 fail_timeout=10s;" for port in self.app_ports)
        (folder / "nginx.conf").write_text(
            NGINX_CONF.format(
                user="user root;" if os.geteuid() == 0 else "",
                prefix=folder,
                servers=servers,
                first=f"    server 127.0.0.1:{self.app_ports[0]};",
                lb_port=self.lb_port,
                lb1_port=self.lb1_port,
            )
        )
        self.nginx = Process(
            "nginx", ["nginx", "-p", str(folder), "-c", str(folder / "nginx.conf"), "-e", str(folder / "error.log")],
            env=dict(os.environ), logdir=self.logs,
        ).start()  # fmt: skip
        wait_for(lambda: http_ok(f"{self.base}{health_path()}"), "nginx", 20)

    def stop(self) -> None:
        for process in [*self.workers, *self.apps, self.nginx, self.redis]:
            if process:
                process.stop()
        with contextlib.suppress(Exception):  # it may not have started
            self.smtp.stop()
        with contextlib.suppress(Exception):  # Django may not be set up yet
            from django.db import connections

            connections.close_all()
        if self.pg_started:
            subprocess.run([str(PG_PRIVATE), "destroy" if not self.keep else "stop", str(self.pg_dir)], check=False)
        if self.keep:
            log(f"kept {self.workdir}")
        else:
            shutil.rmtree(self.workdir, ignore_errors=True)


NGINX_CONF = """{user}
worker_processes 1;
pid {prefix}/nginx.pid;
daemon off;
events {{ worker_connections 1024; }}
http {{
  access_log {prefix}/access.log;
  client_body_temp_path {prefix}/body;
  proxy_temp_path {prefix}/proxy;
  fastcgi_temp_path {prefix}/fastcgi;
  uwsgi_temp_path {prefix}/uwsgi;
  scgi_temp_path {prefix}/scgi;
  client_max_body_size 4m;
  upstream app {{
{servers}
  }}
  upstream first {{
{first}
  }}
  # An app server that refuses or drops the connection is skipped for the next one; a POST too: every form
  # that changes data carries a submission key, so the app recognises the same form sent twice.
  proxy_next_upstream error timeout non_idempotent;
  proxy_next_upstream_tries 3;
  proxy_connect_timeout 2s;
  proxy_read_timeout 60s;
  proxy_set_header Host $host;
  proxy_set_header X-Forwarded-For $remote_addr;
  proxy_set_header X-Forwarded-Proto $scheme;
  add_header X-Upstream $upstream_addr always;
  server {{
    listen 127.0.0.1:{lb_port};
    location / {{ proxy_pass http://app; }}
  }}
  server {{
    listen 127.0.0.1:{lb1_port};
    location / {{ proxy_pass http://first; }}
  }}
}}
"""


def health_path() -> str:
    """The readiness probe: database, cache and migrations ready."""
    return os.environ.get("CLUSTER_HEALTH_PATH", "/healthz/ready")


def wait_for(check, what: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.3)
    raise RuntimeError(f"{what} did not come up within {seconds:.0f} s")


def http_ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=3) as response:  # noqa: S310 - loopback only
            return response.status == 200
    except OSError:
        return False


def redis_ping(port: int) -> bool:
    import socket

    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


# Data and staff -------------------------------------------------------------------------------------------
def seed_data() -> str:
    from bench.seed import municipality_slug, seed

    seed(size="tiny", log=lambda line: None)
    return municipality_slug(1)


def staff_create(cluster: Cluster, slug: str, count: int, run_id: str) -> list[dict]:
    """Staff made with `manage.py staff_create`; each sets up their app through the one-time link, through
    the load balancer: link, password, the key shown on the set-up page, one code. Returns logged-in sessions."""
    staff = []
    for number in range(count):
        username = f"cluster{run_id}s{number}"
        password = secrets.token_urlsafe(16)
        result = subprocess.run(
            [sys.executable, "manage.py", "staff_create", username, "--municipality", slug,
             "--role", "contactpersoon", "--role", "coordinator", "--email", f"{username}@gemeente.example",
             "--password-stdin", "--no-email"],
            cwd=ROOT, env=cluster.env, input=password + "\n", capture_output=True, text=True, check=True,
        )  # fmt: skip
        link = LINK.search(result.stdout).group(0)
        session = Session(cluster.base, timeout=30)
        response = session.request("GET", link.removeprefix(cluster.env["SITE_URL"]))
        login = response.location  # /werkplek/inloggen/?next=/werkplek/inloggen/app-instellen/
        response = session.submit(login, {"username": username, "password": password})
        assert response.status == 302, f"{username}: login answered {response.status}"
        setup = response.location
        page = session.request("GET", setup)
        key = SECRET.search(page.text()).group(1).replace(" ", "")
        key_hex = base64.b32decode(key + "=" * (-len(key) % 8)).hex()
        response = session.submit(setup, {"token": totp(key_hex)})
        assert response.status == 302, f"{username}: set-up answered {response.status}"
        home = session.request("GET", f"/werkplek/{slug}/")
        assert home.status == 200 and LOGIN_PATH not in home.text(), f"{username}: not logged in after set-up"
        staff.append({"username": username, "password": password, "totp_key": key_hex, "cookies": session.cookies})
    return staff


def staff_pages(slug: str) -> list[str]:
    from bench.seed import seeded_sample

    initiatives = [f"/werkplek/{slug}/initiatieven/{row['pk']}/" for row in seeded_sample(count=10)]
    return [f"/werkplek/{slug}/", f"/werkplek/{slug}/?tab=alle", f"/werkplek/{slug}/?tab=alle&q=buurt", *initiatives]


# Throughput -----------------------------------------------------------------------------------------------
def throughput(base: str, slug: str, staff: list[dict], seconds: int, concurrency: int) -> dict:
    """Requests per second for a mix of the idea form (residents) and the inbox and initiative pages (staff)."""
    pages = [f"/{slug}/idee/", f"/{slug}/", *staff_pages(slug)[:4]]
    plan = {
        "base": base,
        "concurrency": concurrency,
        "time_limit": seconds,
        "warmup": concurrency * 2,
        "requests": [{"url": pages[i % len(pages)]} for i in range(200_000)],
        "setups": [[{"cookies": login["cookies"]}] for login in staff],
    }
    result = subprocess.run(
        [sys.executable, "-m", "bench.driver"], input=json.dumps(plan), capture_output=True, text=True,
        cwd=ROOT, check=True, timeout=seconds + 120,
    )  # fmt: skip
    data = json.loads(result.stdout)
    latencies = sorted(data["latencies_ms"])
    return {
        "requests_per_s": round(len(latencies) / data["elapsed_s"], 1),
        "p50_ms": round(latencies[len(latencies) // 2], 1) if latencies else None,
        "p95_ms": round(latencies[int(len(latencies) * 0.95)], 1) if latencies else None,
        "statuses": data["statuses"],
    }


# Faults ---------------------------------------------------------------------------------------------------
def rate_limit_probe(cluster: Cluster, slug: str, run_id: str) -> dict:
    """Reach the idea form's limit from one address through app server 1, then try app servers 2 and 3
    (directly, as the load balancer would send the next request). Another address must still get through."""
    from bench.resident import idea

    address = "127.20.0.1"

    def post(port: int, number: int, source: str) -> int:
        session = Session(f"http://127.0.0.1:{port}", timeout=30, source=source,
                          extra_headers={"X-Forwarded-For": source})  # fmt: skip
        marker = f"Cluster {run_id} limiet {source} {number}"
        email = f"limiet-{run_id}-{source.replace('.', '-')}-{number}@example.org"
        return session.submit(f"/{slug}/idee/", idea(marker, email)).status

    first = [post(cluster.app_ports[0], n, address) for n in range(IDEA_LIMIT + 1)]
    others = [post(port, IDEA_LIMIT + 1 + i, address) for i, port in enumerate(cluster.app_ports[1:])]
    other_address = post(cluster.app_ports[1], 0, "127.20.0.2")
    held = first[:IDEA_LIMIT] == [302] * IDEA_LIMIT and first[IDEA_LIMIT] == 429 and set(others) == {429}
    return {
        "limit": f"{IDEA_LIMIT}/h",
        "through_app_1": first,
        "then_app_2_and_3": others,
        "another_address": other_address,
        "held": held and other_address == 302,
    }


def start_jobs_twice(cluster: Cluster) -> list[subprocess.Popen]:
    """The scheduled jobs started twice at the same moment (two cron hosts, a CronJob retried): harmless."""
    return [
        subprocess.Popen(  # noqa: S603
            [str(DEPLOY_BIN / "jobs"), "--force"],
            cwd=ROOT,
            env=cluster.env,
            stdout=open(cluster.logs / f"jobs-{n}.log", "w"),
            stderr=subprocess.STDOUT,  # noqa: SIM115
        )  # fmt: skip
        for n in (1, 2)
    ]


def expected_digests() -> dict[str, str]:
    """Who gets a daily digest today: {email: municipality}. Empty on a weekend day or public holiday, when
    the scheduled jobs send none."""
    from django.db import connection

    from burgeridee.core.dates import is_working_day, local_date
    from burgeridee.deadlines.digest import digest_list

    today = local_date()
    digests = digest_list(today=today) if is_working_day(today) else []
    connection.close()
    return {d.membership.user.email: d.membership.municipality.name for d in digests}


def job_runs_today() -> dict[str, int] | None:
    """How often each scheduled job was recorded as run today (None where the release records no runs)."""
    from django.db import connection

    try:
        from burgeridee.core.models import JobRun
    except ImportError:
        return None
    from burgeridee.core.dates import local_date

    counts = Counter(JobRun.objects.filter(day=local_date()).values_list("job", flat=True))
    connection.close()
    return dict(counts)


# The run --------------------------------------------------------------------------------------------------
def run(args) -> bool:
    cluster = Cluster(keep=args.keep)
    run_id = datetime.now(UTC).strftime("%H%M%S")
    report: dict = {"generated_at": datetime.now(UTC).isoformat(timespec="seconds"), "cores": os.cpu_count()}
    failures: list[str] = []
    try:
        log(f"starting PostgreSQL, Redis and the SMTP server in {cluster.workdir}")
        cluster.configure()
        slug = seed_data()
        log(f"{APP_SERVERS} app servers (deploy/bin/web, {cluster.env['GUNICORN_WORKERS']} gunicorn workers each), "
            f"nginx on {cluster.base}, {WORKERS} workers (deploy/bin/worker)")  # fmt: skip
        for number in range(APP_SERVERS):
            cluster.start_app(number)
        cluster.start_nginx()
        for number in range(WORKERS):
            cluster.start_worker(number)
        staff = staff_create(cluster, slug, args.staff, run_id)
        log(f"{len(staff)} staff made with manage.py staff_create, app set up through the one-time link")

        if args.throughput_seconds:
            concurrency = args.throughput_concurrency
            # Every gunicorn worker loads its templates and caches on its first requests: warm them all first.
            throughput(cluster.base, slug, staff, 5, concurrency)
            one = throughput(f"http://127.0.0.1:{cluster.lb1_port}", slug, staff, args.throughput_seconds, concurrency)
            three = throughput(cluster.base, slug, staff, args.throughput_seconds, concurrency)
            report["throughput"] = {"one_app_server": one, "three_app_servers": three, "concurrency": concurrency}
            log(
                f"throughput, {concurrency} clients: one app server {one['requests_per_s']} req/s (p50 {one['p50_ms']} "
                f"ms), three {three['requests_per_s']} req/s (p50 {three['p50_ms']} ms)"
            )

        plan = {
            "base": cluster.base,
            "duration": args.duration,
            "residents": args.residents,
            "slug": slug,
            "run_id": run_id,
            "browse": staff_pages(slug),
            "health": health_path(),
            "staff": [{"username": s["username"], "cookies": s["cookies"]} for s in staff],
        }
        log(f"{args.residents} residents and {len(staff)} staff through nginx for {args.duration} s, with faults")
        driver = subprocess.Popen(
            [sys.executable, "-m", "bench.clusterdriver"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            cwd=ROOT, text=True,
        )  # fmt: skip
        outcome: dict = {}

        def communicate():
            outcome["stdout"], _ = driver.communicate(json.dumps(plan), timeout=args.duration + 300)

        reader = threading.Thread(target=communicate)
        started = time.time()
        reader.start()
        events: dict = {}
        faults(cluster, args, started, events, slug, run_id, report)
        reader.join()
        data = json.loads(outcome["stdout"])
        expected = events.pop("expected_digests")
        log("scheduled jobs once more (the next CronJob start): they must find everything done")
        cluster.run_script("jobs", timeout=300)
        report["job_runs_today"] = job_runs_today()
        if report["job_runs_today"] is not None and any(n != 1 for n in report["job_runs_today"].values()):
            failures.append(f"a scheduled job ran more than once today: {report['job_runs_today']}")
        log("waiting for the outbox to drain")
        report.update(check(cluster, data, events, expected, run_id, args, failures))
        if not report["rate_limit"]["held"]:
            failures.append(f"a rate limit reached through app server 1 did not hold: {report['rate_limit']}")
        if report.get("worker_alive") != {"killed_worker": 1, "running_worker": 0, "restarted_worker": 0}:
            failures.append(
                f"deploy/bin/worker-alive did not tell the killed worker from live ones: {report.get('worker_alive')}"
            )
        if any(code != 0 for code in report["jobs_exit_codes"]):
            failures.append(f"deploy/bin/jobs, started twice at once, exited with {report['jobs_exit_codes']}")
        report["events_s"] = {k: round(v - started, 1) for k, v in events.items() if isinstance(v, float)}
    except Exception as exc:
        failures.append(f"the cluster test stopped: {type(exc).__name__}: {exc}")
        raise
    finally:
        report["failures"] = failures
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "cluster.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        if failures and not args.keep:
            for process in [*cluster.apps, *cluster.workers]:
                tail = process.log_text()[-1500:]
                if "Traceback" in tail:
                    log(f"last lines of {process.name}:\n{tail}")
        cluster.stop()
    print_report(report)
    return not failures


def faults(cluster: Cluster, args, started: float, events: dict, slug: str, run_id: str, report: dict) -> None:
    """The time line of faults, at fixed shares of the run."""

    def at(share: float) -> None:
        time.sleep(max(0.0, started + args.duration * share - time.time()))

    at(0.15)
    events["app_killed"] = time.time()
    cluster.apps[1].kill()
    log(f"SIGKILL app server 2 (gunicorn and its workers) at {events['app_killed'] - started:.0f} s")
    at(0.25)
    events["worker_killed"] = time.time()
    cluster.workers[0].kill()
    log(f"SIGKILL worker 1 at {events['worker_killed'] - started:.0f} s")

    def worker_checks():
        """The workers' liveness probe, beside the time line (each check starts a Python process)."""
        time.sleep(6)
        report["worker_alive"] = {"killed_worker": cluster.worker_alive(0), "running_worker": cluster.worker_alive(1)}
        cluster.start_worker(0)
        events["worker_back"] = time.time()
        deadline = time.time() + 60
        while (code := cluster.worker_alive(0)) != 0 and time.time() < deadline:
            time.sleep(1)
        report["worker_alive"]["restarted_worker"] = code
        log(f"worker 1 started again; deploy/bin/worker-alive exit codes: {report['worker_alive']}")

    checks = threading.Thread(target=worker_checks, daemon=True)
    checks.start()
    at(0.30)
    cluster.start_app(1, wait=False)
    events["app_back"] = time.time()
    log("app server 2 started again (as the orchestrator would); nginx sends it requests once it answers")
    at(0.35)
    events["expected_digests"] = expected_digests()
    events["jobs_started"] = time.time()
    jobs = start_jobs_twice(cluster)
    log(f"scheduled jobs (deploy/bin/jobs) started twice at once; {len(events['expected_digests'])} digests due")
    at(0.45)
    events["redis_down"] = time.time()
    cluster.redis.stop()
    time.sleep(args.redis_outage)
    cluster.start_redis()
    events["redis_up"] = time.time()
    log(f"Redis restarted: down for {events['redis_up'] - events['redis_down']:.1f} s")
    at(0.55)
    events["smtp_refusing"] = time.time()
    cluster.smtp.refusing = True
    log(f"SMTP refuses mail for {args.smtp_outage:.0f} s")
    time.sleep(args.smtp_outage)
    cluster.smtp.refusing = False
    events["smtp_accepting"] = time.time()
    at(0.75)
    cluster.wait_ready(1)
    report["rate_limit"] = rate_limit_probe(cluster, slug, run_id)
    log(f"rate limit through app server 1, then 2 and 3: {report['rate_limit']}")
    checks.join(120)
    for job in jobs:
        job.wait(120)
    report["jobs_exit_codes"] = [job.returncode for job in jobs]


def check(cluster: Cluster, data: dict, events: dict, expected_digest: dict, run_id: str, args, failures) -> dict:
    from django.db import connection

    from burgeridee.initiatives.models import Initiative

    connection.close()  # the harness's connection did not survive what happened
    stored_rows = list(
        Initiative.objects.filter(title__startswith=f"Cluster {run_id} ").values_list("title", "reference")
    )
    stored = Counter(title for title, _ref in stored_rows)
    references = {ref for _title, ref in stored_rows}

    # Mail: wait until every stored idea's confirmation and every due digest is in, or the time is up.
    def mail_counts():
        messages = cluster.smtp.snapshot()
        confirmations = Counter()
        digests = Counter()
        for message in messages:
            found = REFERENCE.findall(message["subject"] + message["body"])
            for reference in set(found) & references:
                confirmations[reference] += 1
            if "voor vandaag" in message["subject"]:
                for to in message["to"]:
                    digests[to] += 1
        return messages, confirmations, digests

    deadline = time.time() + args.drain
    while True:
        messages, confirmations, digests = mail_counts()
        complete = set(confirmations) >= references and set(digests) >= set(expected_digest)
        if complete or time.time() > deadline:
            break
        time.sleep(2)
    time.sleep(3)  # anything sent twice would arrive now
    messages, confirmations, digests = mail_counts()
    mails_lost = sorted(references - set(confirmations))
    mails_twice = sorted(ref for ref, n in confirmations.items() if n > 1)
    duplicates = [k for k, n in Counter((tuple(m["to"]), m["subject"], m["body"]) for m in messages).items() if n > 1]
    digest_missing = sorted(set(expected_digest) - set(digests))
    digest_twice = sorted(to for to, n in digests.items() if n > 1)
    if mails_lost:
        failures.append(f"{len(mails_lost)} of {len(references)} confirmation mails never arrived: {mails_lost[:3]}")
    if mails_twice or duplicates:
        failures.append(f"{len(mails_twice)} confirmations and {len(duplicates)} mails arrived more than once")
    if not expected_digest and job_runs_today() is None:
        failures.append("no daily digest was due, so 'the digest goes out once' was not tested")
    if digest_missing or digest_twice:
        failures.append(
            f"daily digest: {len(digest_missing)} of {len(expected_digest)} missing, {len(digest_twice)} sent twice"
        )

    # Ideas.
    submissions = data["submissions"]
    confirmed = [s for s in submissions if s["confirmed_reference"]]
    missing = [s["marker"] for s in confirmed if stored[s["marker"]] == 0]
    twice = [title for title, n in stored.items() if n > 1]
    if missing:
        failures.append(f"{len(missing)} confirmed ideas are missing from the database: {missing[:3]}")
    if twice:
        failures.append(f"{len(twice)} ideas are stored more than once: {twice[:3]}")
    if not confirmed:
        failures.append("no idea was confirmed")

    # Answers: only the app's own 503 page, and only while Redis was down.
    windows = [(events["redis_down"], events["redis_up"] + DEPENDENCY_GRACE)]
    statuses = Counter()
    bad = []
    allowed_503 = 0
    for at, finished, who, path, status, _ms, upstream, writer in data["requests"]:
        statuses[str(status)] += 1
        in_window = any(at <= end and finished >= start for start, end in windows)
        if not isinstance(status, int):
            bad.append([round(at - events["app_killed"], 1), who, path, status, upstream])
        elif status >= 500:
            if status == 503 and writer == "app" and in_window:
                allowed_503 += 1
            else:
                bad.append([round(at - events["app_killed"], 1), who, path, status, upstream, writer])
    if bad:
        failures.append(f"{len(bad)} failed requests or 5xx answers outside a dependency outage: {bad[:5]}")

    # Staff sessions: nobody logged out, also those whose requests app server 2 had served before it died.
    killed = f"127.0.0.1:{cluster.app_ports[1]}"
    served_by_killed = {who for at, _f, who, _p, _s, _ms, up, _w in data["requests"]
                        if who.startswith("staff") and killed in up and at < events["app_killed"]}  # fmt: skip
    after_kill = [r for r in data["requests"] if r[2] in served_by_killed and r[0] > events["app_killed"]]
    after_kill_ok = sum(1 for r in after_kill if r[4] == 200)
    logged_out = [p for p in data["problems"] if "logged out" in p]
    if logged_out:
        failures.append(f"staff were logged out: {logged_out[:3]}")
    if not served_by_killed or not after_kill_ok:
        failures.append("no staff member's requests went to app server 2 before and elsewhere after it died")
    other_problems = [p for p in data["problems"] if "logged out" not in p]
    if other_problems:
        failures.append(f"unexpected answers: {other_problems[:5]}")

    first = min((r[0] for r in data["requests"]), default=0)
    last = max((r[1] for r in data["requests"]), default=0)
    return {
        "duration_s": args.duration,
        "requests": len(data["requests"]),
        "requests_per_s": round(len(data["requests"]) / max(1.0, last - first), 1),
        "statuses": dict(statuses),
        "app_503_while_redis_down": allowed_503,
        "bad_answers": bad[:20],
        "submissions_started": len(submissions),
        "ideas_confirmed": len(confirmed),
        "ideas_stored": sum(stored.values()),
        "ideas_confirmed_missing": len(missing),
        "ideas_stored_twice": len(twice),
        "mails_received": len(messages),
        "mails_refused_while_smtp_down": cluster.smtp.refused,
        "confirmation_mails_lost": len(mails_lost),
        "mails_sent_twice": len(mails_twice) + len(duplicates),
        "digests_due": len(expected_digest)
        if expected_digest
        else "none: not a working day, the digest part was not exercised today",
        "digests_received": sum(digests.values()),
        "staff_served_by_killed_app_server": len(served_by_killed),
        "their_requests_after_the_kill_answered_200": after_kill_ok,
        "staff_logged_out": len(logged_out),
    }


def print_report(report: dict) -> None:
    def line(label, *keys):
        values = ", ".join(f"{k.replace('_', ' ')} {report.get(k)}" for k in keys)
        print(f"cluster: {label}: {values}")

    if "requests" in report:
        line("requests", "requests", "requests_per_s", "statuses", "app_503_while_redis_down")
        line("ideas", "submissions_started", "ideas_confirmed", "ideas_stored", "ideas_confirmed_missing",
             "ideas_stored_twice")  # fmt: skip
        line("mail", "mails_received", "mails_refused_while_smtp_down", "confirmation_mails_lost", "mails_sent_twice",
             "digests_due", "digests_received")  # fmt: skip
        line("staff", "staff_served_by_killed_app_server", "their_requests_after_the_kill_answered_200",
             "staff_logged_out")  # fmt: skip
    if "rate_limit" in report:
        print(f"cluster: rate limit: {report['rate_limit']}")
    if "worker_alive" in report:
        print(f"cluster: deploy/bin/worker-alive exit codes: {report['worker_alive']}")
    if "throughput" in report:
        t = report["throughput"]
        print(
            f"cluster: throughput ({t['concurrency']} clients, {report['cores']} cores shared by every process): "
            f"one app server {t['one_app_server']['requests_per_s']} req/s, "
            f"three {t['three_app_servers']['requests_per_s']} req/s"
        )
    if report["failures"]:
        print("cluster: FAILED")
        for failure in report["failures"]:
            print(f"  - {failure}")
    else:
        print("cluster: passed")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=240, help="seconds of load with faults")
    parser.add_argument("--residents", type=int, default=12)
    parser.add_argument("--staff", type=int, default=6)
    parser.add_argument("--smtp-outage", type=float, default=30.0)
    parser.add_argument("--redis-outage", type=float, default=3.0)
    parser.add_argument("--throughput-seconds", type=int, default=20, help="0 skips the throughput measurement")
    parser.add_argument("--throughput-concurrency", type=int, default=8)
    parser.add_argument("--drain", type=float, default=120.0, help="seconds to wait for the outbox afterwards")
    parser.add_argument("--keep", action="store_true", help="keep the work folder and its logs")
    args = parser.parse_args()
    sys.exit(0 if run(args) else 1)


if __name__ == "__main__":
    main()
