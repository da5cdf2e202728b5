"""Running several app servers and workers: probes, Redis, the worker's heartbeat, daily jobs, metrics, Sentry."""

import os
import subprocess
import sys
import threading
import time
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command, get_commands
from django.db import OperationalError, connection
from django.test import Client, override_settings
from django.utils import timezone

from burgeridee.core import health
from burgeridee.core.mail import mail_send
from burgeridee.core.management.commands.db_worker import HeartbeatWorker
from burgeridee.core.models import JobRun, OutboxMail, OutboxStatus
from burgeridee.core.observability import _scrub
from burgeridee.core.scheduling import SCHEDULED_JOBS, job_run_once
from burgeridee.testing.servers import free_port, redis_server


def redis_cache(url: str) -> dict:
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "burgeridee",  # as settings.py sets it with REDIS_URL
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        },
        "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }


@pytest.fixture
def _migrations_checked_anew(monkeypatch):
    monkeypatch.setattr(health, "_migrations_applied", False)


# --- Probes -------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_liveness_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz/live")
    assert response.status_code == 200 and response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.mark.django_db
@pytest.mark.usefixtures("_migrations_checked_anew")
def test_readiness_checks_database_cache_and_migrations(client):
    response = client.get("/healthz/ready")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "version": "0.1.0",
        "checks": {"database": "ok", "cache": "ok", "migrations": "ok"},
    }
    assert client.get("/healthz").status_code == 200  # the old probe stays


@pytest.mark.django_db
@pytest.mark.usefixtures("_migrations_checked_anew")
def test_not_ready_while_the_database_is_down(client):
    def refuse(execute, sql, params, many, context):
        raise OperationalError("could not connect to server at 10.1.2.3")

    with connection.execute_wrapper(refuse):
        response = client.get("/healthz/ready")
        assert client.get("/healthz/live").status_code == 200
    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["database"] != "ok" and "10.1.2.3" not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.usefixtures("_migrations_checked_anew")
def test_not_ready_with_a_migration_not_applied(client, monkeypatch):
    monkeypatch.setattr(health.MigrationExecutor, "migration_plan", lambda self, targets: [("core", "9999_future")])
    response = client.get("/healthz/ready")
    assert response.status_code == 503
    assert response.json()["checks"]["migrations"] == "1 migration(s) not applied"
    assert response.json()["version"] == "0.1.0"  # which release is waiting for its migrations


@pytest.mark.django_db
@pytest.mark.usefixtures("_migrations_checked_anew")
def test_not_ready_without_the_cache(client):
    with override_settings(CACHES=redis_cache(f"redis://127.0.0.1:{free_port()}/0")):
        response = client.get("/healthz/ready")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"] != "ok"
    assert response.json()["checks"]["database"] == "ok"


# --- Redis: one truth for every app server -----------------------------------------------------------------

COUNT = """
from django.test import RequestFactory
from burgeridee.core.ratelimit import over_limit
request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.7")
print([over_limit(request, group="idee", rate="3/h") for _ in range({n})])
"""


def in_another_process(code: str, redis_url: str) -> str:
    env = {**os.environ, "REDIS_URL": redis_url, "BURGERIDEE_ENV": "test", "DJANGO_SETTINGS_MODULE": ""}
    env.pop("DJANGO_SETTINGS_MODULE")
    result = subprocess.run(  # noqa: S603 - this project's own manage.py
        [sys.executable, str(settings.BASE_DIR / "manage.py"), "shell", "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout.strip().splitlines()[-1]


@pytest.mark.django_db
@pytest.mark.usefixtures("_migrations_checked_anew")
def test_a_rate_limit_counted_in_one_process_holds_in_another(client):
    with redis_server() as url:
        assert in_another_process(COUNT.format(n=3), url) == "[False, False, False]"
        assert in_another_process(COUNT.format(n=1), url) == "[True]"
        with override_settings(CACHES=redis_cache(url)):
            from django.test import RequestFactory

            from burgeridee.core.ratelimit import over_limit

            request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.7")
            assert over_limit(request, group="idee", rate="3/h")
            assert client.get("/healthz/ready").status_code == 200


def test_redis_url_switches_the_cache_to_redis_and_without_it_nothing_changes():
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    env = {**os.environ, "BURGERIDEE_ENV": "development"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("REDIS_URL", None)
    run = [sys.executable, str(settings.BASE_DIR / "manage.py"), "shell", "-c", code]
    plain = subprocess.run(run, env=env, capture_output=True, text=True, check=True, timeout=120)  # noqa: S603
    redis = subprocess.run(  # noqa: S603
        run, env={**env, "REDIS_URL": "redis://127.0.0.1:6390/0"}, capture_output=True, text=True, check=True
    )
    assert plain.stdout.strip().splitlines()[-1] == "django.core.cache.backends.db.DatabaseCache"
    assert redis.stdout.strip().splitlines()[-1] == "django.core.cache.backends.redis.RedisCache"


# --- The worker ----------------------------------------------------------------------------------------------


def test_db_worker_is_this_projects_worker_with_a_heartbeat():
    assert get_commands()["db_worker"] == "burgeridee.core"


@pytest.mark.django_db(transaction=True)
def test_the_worker_sends_the_outbox_and_touches_its_heartbeat(tmp_path, django_capture_on_commit_callbacks):
    heartbeat = tmp_path / "worker.heartbeat"
    with override_settings(WORKER_HEARTBEAT_FILE=str(heartbeat), OUTBOX_SEND_ON_COMMIT=False):
        mail_send(subject="Bevestiging", body="Uw link", to=["a@example.org"])  # autocommit: queued at once
        assert mail.outbox == []
        worker = HeartbeatWorker(
            queue_names=["*"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="test-worker",
            excluded_queue_names=[],
        )
        worker.run()
        assert [m.subject for m in mail.outbox] == ["Bevestiging"]
        assert OutboxMail.objects.get().status == OutboxStatus.SENT
        assert heartbeat.exists()
        out = StringIO()
        call_command("worker_alive", stdout=out)
        assert "alive" in out.getvalue()
        old = time.time() - 3600
        os.utime(heartbeat, (old, old))
        with pytest.raises(SystemExit) as stale:
            call_command("worker_alive", stderr=StringIO())
        assert stale.value.code == 1
        heartbeat.unlink()
        with pytest.raises(SystemExit) as missing:
            call_command("worker_alive", stderr=StringIO())
        assert missing.value.code == 1


# --- Daily jobs: once a day for the whole installation ----------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_a_job_started_twice_at_the_same_moment_runs_once():
    runs = []
    day = timezone.localdate()

    def job():
        runs.append(1)
        time.sleep(0.3)
        return "done"

    results = []

    def start():
        try:
            results.append(job_run_once(job="demo", day=day, run=job)[0])
        except OperationalError:  # the test's shared in-memory SQLite locks whole tables: not a second run
            results.append(False)
        finally:
            connection.close()

    threads = [threading.Thread(target=start) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert runs == [1] and sorted(results) == [False, True]
    assert JobRun.objects.get(job="demo").outcome == "done"


@pytest.mark.django_db
def test_a_failed_job_may_run_again():
    day = timezone.localdate()

    def broken():
        raise RuntimeError("mail server gone")

    with pytest.raises(RuntimeError):
        job_run_once(job="demo", day=day, run=broken)
    assert job_run_once(job="demo", day=day, run=lambda: "ok") == (True, "ok")
    assert job_run_once(job="demo", day=day, run=lambda: "again") == (False, None)


@pytest.mark.django_db
@override_settings(SCHEDULED_JOBS_AT="00:00")
def test_run_scheduled_jobs_runs_each_due_job_once_a_day():
    first, second = StringIO(), StringIO()
    call_command("run_scheduled_jobs", stdout=first)
    call_command("run_scheduled_jobs", stdout=second)
    ran = {job.command for job in SCHEDULED_JOBS if f"{job.command}: ran" in first.getvalue()}
    assert {"apply_retention", "send_report_reminders", "prune_workshop_names"} <= ran
    assert "ran\n" not in second.getvalue().replace("already ran today", "")
    assert set(JobRun.objects.values_list("job", flat=True)) == ran
    assert JobRun.objects.count() == len(ran)
    assert "outbox: 0 sent, 0 failed" in second.getvalue()


@pytest.mark.django_db
@override_settings(SCHEDULED_JOBS_AT="23:59:59.999999")
def test_before_their_time_no_job_runs():
    out = StringIO()
    call_command("run_scheduled_jobs", "--list", stdout=out)
    assert "due:" not in out.getvalue()
    assert not JobRun.objects.exists()


# --- Metrics ------------------------------------------------------------------------------------------------


@pytest.mark.django_db
@override_settings(METRICS_TOKEN="geheim-token-voor-prometheus")
def test_metrics_only_for_the_token_or_the_machine_itself(client):
    client.get("/healthz/live")
    mail_send(subject="x", body="y", to=["a@example.org"])
    outside = Client(REMOTE_ADDR="203.0.113.5")
    assert outside.get("/metrics").status_code == 404
    assert outside.get("/metrics", HTTP_AUTHORIZATION="Bearer fout").status_code == 404
    # A proxy on this machine forwards the world: a forwarded request from loopback is not the machine itself.
    assert Client(REMOTE_ADDR="127.0.0.1").get("/metrics", HTTP_X_FORWARDED_FOR="203.0.113.5").status_code == 404
    scraped = outside.get("/metrics", HTTP_AUTHORIZATION="Bearer geheim-token-voor-prometheus")
    assert scraped.status_code == 200
    text = scraped.content.decode()
    assert 'burgeridee_http_requests_total{method="GET",status="200",view="healthz-live"}' in text
    assert "burgeridee_http_request_duration_seconds_bucket" in text
    assert 'burgeridee_outbox_mails{status="pending"} 1.0' in text
    assert "burgeridee_database_up 1.0" in text
    assert Client(REMOTE_ADDR="127.0.0.1").get("/metrics").status_code == 200


# --- Error tracking -------------------------------------------------------------------------------------------


def test_without_a_dsn_no_error_tracking_is_loaded():
    assert settings.SENTRY_DSN == ""
    import sentry_sdk

    assert not sentry_sdk.get_client().is_active()


def test_error_reports_carry_no_personal_data():
    event = {
        "request": {
            "url": "https://x.nl/voorbeeld/mijn-initiatief/geheim-token/?q=Jansen",
            "data": {"email": "fatima@example.org"},
            "cookies": {"sessionid": "abc"},
            "headers": {"X-Forwarded-For": "203.0.113.9"},
            "query_string": "q=Jansen",
        },
        "user": {"id": 7, "email": "karim@gemeente.nl", "ip_address": "203.0.113.9"},
        "breadcrumbs": {"values": [{"message": "GET /voorbeeld/mijn-initiatief/geheim-token/", "data": {"x": 1}}]},
        "exception": {"values": [{"stacktrace": {"frames": [{"function": "f", "vars": {"email": "f@example.org"}}]}}]},
    }
    scrubbed = str(_scrub(event, {}))
    for secret in ("fatima@", "abc", "203.0.113.9", "Jansen", "geheim-token", "karim@", "f@example.org"):
        assert secret not in scrubbed
    assert event["user"] == {"id": 7}


def test_gunicorn_config_reads_its_worker_count_from_the_environment(monkeypatch, tmp_path):
    config = Path(settings.BASE_DIR / "deploy" / "gunicorn.conf.py")
    for key, value in {"GUNICORN_WORKERS": "5", "GUNICORN_THREADS": "3", "PORT": "8123"}.items():
        monkeypatch.setenv(key, value)
    # The config sets a default for the metrics directory; it must not leak into later tests' processes.
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path / "metrics"))
    namespace: dict = {}
    exec(compile(config.read_text(), str(config), "exec"), namespace)  # noqa: S102 - our own config file
    assert (namespace["workers"], namespace["threads"], namespace["bind"]) == (5, 3, "0.0.0.0:8123")
    namespace["on_starting"](None)
    assert (tmp_path / "metrics").is_dir()
