"""The production-like stack the benchmark and the load test run against.

A private PostgreSQL cluster (bin/pg-private) unless BENCH_DATABASE_URL is given, the app's settings
in production mode (DEBUG off, compressed static files, a generated SECRET_KEY, plain HTTP on
loopback) and gunicorn. Everything is started and stopped by this process.
"""

import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_PRIVATE = ROOT / "bin" / "pg-private"


def free_port(preferred: int) -> int:
    for port in range(preferred, preferred + 100):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port from {preferred}")


class Stack:
    def __init__(self, *, label: str, log=print):
        self.log = log
        self.workdir = Path(tempfile.mkdtemp(prefix=f"burgeridee-{label}."))
        os.chmod(self.workdir, 0o755)  # noqa: S103 - the postgres user must reach pg/
        self.pg_dir = self.workdir / "pg"
        self.pg_port = None
        self.own_database = not os.environ.get("BENCH_DATABASE_URL")
        self.gunicorn = None
        self.http_port = None

    # PostgreSQL ------------------------------------------------------------------------------
    def pg(self, command: str) -> None:
        if not self.own_database:
            raise RuntimeError("PostgreSQL is not ours to stop or start (BENCH_DATABASE_URL is set)")
        subprocess.run([str(PG_PRIVATE), command, str(self.pg_dir), str(self.pg_port)], check=True)

    def start_database(self) -> str:
        if not self.own_database:
            return os.environ["BENCH_DATABASE_URL"]
        self.pg_port = free_port(int(os.environ.get("BENCH_PGPORT", "54400")))
        self.pg("start")
        subprocess.run(
            ["psql", "-h", "127.0.0.1", "-p", str(self.pg_port), "-U", "postgres", "-q", "-c",
             "CREATE DATABASE burgeridee"],
            check=True,
        )  # fmt: skip
        return f"postgres://postgres@127.0.0.1:{self.pg_port}/burgeridee"

    # Django ----------------------------------------------------------------------------------
    def configure(self, *, extra: dict | None = None) -> dict:
        """Set the production environment for this process and for gunicorn; returns it."""
        database_url = self.start_database()
        env = {
            "BURGERIDEE_ENV": "production",
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",  # plain HTTP on loopback; TLS is the proxy's job
            "DATABASE_URL": database_url,
            "DATABASE_CONN_MAX_AGE": os.environ.get("DATABASE_CONN_MAX_AGE", "60"),
            # BENCH_STATIC_ROOT: reuse static files collected by an earlier run (profiling, repeated runs).
            "STATIC_ROOT": os.environ.get("BENCH_STATIC_ROOT") or str(self.workdir / "static"),
            "BURGERIDEE_VAR_DIR": str(self.workdir / "var"),
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
            "RATELIMIT_ENABLE": "false",  # all simulated residents share one address
            "LOG_LEVEL": "WARNING",
            "SITE_URL": "http://127.0.0.1",
        }
        env.update(extra or {})
        os.environ.update(env)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "burgeridee.settings")
        sys.path.insert(0, str(ROOT / "src"))
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0, interactive=False)
        call_command("createcachetable", verbosity=0)
        if not (ROOT / "src/burgeridee/static/dist/burgeridee.css").exists():
            subprocess.run(["node", "assets/build.mjs"], cwd=ROOT, check=True)
        if not (os.environ.get("BENCH_STATIC_ROOT") and Path(env["STATIC_ROOT"], "staticfiles.json").exists()):
            call_command("collectstatic", verbosity=0, interactive=False)
        self.env = env
        return env

    # gunicorn --------------------------------------------------------------------------------
    def start_server(self, *, workers: int | None = None) -> str:
        workers = workers or int(os.environ.get("BENCH_WORKERS", 2 * (os.cpu_count() or 1) + 1))
        self.http_port = free_port(int(os.environ.get("BENCH_HTTP_PORT", "8180")))
        # The production configuration (deploy/gunicorn.conf.py: worker start-up hooks, recycling after
        # GUNICORN_MAX_REQUESTS), with sync workers (one thread each) as many as the machine's cores allow.
        env = {
            **os.environ,
            **self.env,
            "PYTHONPATH": str(ROOT / "src"),
            "GUNICORN_BIND": f"127.0.0.1:{self.http_port}",
            "GUNICORN_WORKERS": str(workers),
            "GUNICORN_THREADS": "1",
            "GUNICORN_TIMEOUT": "60",
            "GUNICORN_GRACEFUL_TIMEOUT": "5",
            "PROMETHEUS_MULTIPROC_DIR": str(self.workdir / "metrics"),
        }
        self.gunicorn_log = open(self.workdir / "gunicorn.log", "w")  # noqa: SIM115 - closed in stop()
        self.gunicorn = subprocess.Popen(
            [str(Path(sys.executable).parent / "gunicorn"), "-c", str(ROOT / "deploy" / "gunicorn.conf.py")],
            cwd=ROOT,
            env=env,
            stdout=self.gunicorn_log,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        base = f"http://127.0.0.1:{self.http_port}"
        # Booting the workers takes seconds on a quiet machine, minutes on one shared with other jobs.
        deadline = time.monotonic() + float(os.environ.get("BENCH_SERVER_START_SECONDS", "240"))
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:  # noqa: S310 - loopback
                    if response.status == 200:
                        self.log(f"gunicorn: {workers} workers on {base}")
                        return base
            except OSError:
                time.sleep(0.3)
            if self.gunicorn.poll() is not None:
                break
        raise RuntimeError(f"gunicorn did not start:\n{self.server_log()[-2000:]}")

    def server_log(self) -> str:
        return (self.workdir / "gunicorn.log").read_text(errors="replace")

    def stop(self, *, keep: bool = False) -> None:
        if self.gunicorn and self.gunicorn.poll() is None:
            self.gunicorn.terminate()
            try:
                self.gunicorn.wait(15)
            except subprocess.TimeoutExpired:
                self.gunicorn.kill()
            self.gunicorn_log.close()
        if self.own_database and self.pg_port:
            subprocess.run([str(PG_PRIVATE), "destroy", str(self.pg_dir)], check=False)
        if not keep:
            shutil.rmtree(self.workdir, ignore_errors=True)
