"""Backup and restore as docs/operations.md tells an operator: deploy/bin/backup (pg_dump), the database
wiped, deploy/bin/restore (pg_restore); afterwards every table holds exactly what it held, and the
application carries on where it stopped (new rows get new numbers).

Runs against PostgreSQL only (as in CI, where .ci/run starts a private one and sets DATABASE_URL).
"""

import os
import subprocess
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
        reason="backup and restore use PostgreSQL's pg_dump and pg_restore: run with DATABASE_URL pointing at "
        "PostgreSQL (bin/pg-private, as .ci/run does); on SQLite there is nothing of theirs to test",
    ),
    pytest.mark.django_db(transaction=True),
]


def database_url() -> str:
    s = connection.settings_dict
    password = f":{quote(s['PASSWORD'], safe='')}" if s.get("PASSWORD") else ""
    return (
        f"postgres://{quote(s['USER'], safe='')}{password}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"
    )


def fingerprint() -> dict[str, tuple[int, str]]:
    """Every table's row count and a hash over all its rows (in a fixed order)."""
    result = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            name = connection.ops.quote_name(table)
            cursor.execute(
                f"SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM {name} t"
            )  # noqa: S608, E501
            result[table] = cursor.fetchone()
    return result


def script(name: str, path: Path) -> None:
    env = {**os.environ, "DATABASE_URL": database_url()}
    result = subprocess.run(
        [str(ROOT / "deploy" / "bin" / name), str(path)], env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr


def test_backup_wipe_restore_gives_back_every_row(tmp_path):
    from bench.seed import seed

    from burgeridee.initiatives.models import Initiative
    from burgeridee.records.models import TimelineEvent

    seed(size="tiny", log=lambda line: None)
    before = fingerprint()
    assert before["initiatives_initiative"][0] == 40
    assert sum(count for count, _hash in before.values()) > 500

    dump = tmp_path / "burgeridee.dump"
    script("backup", dump)
    assert dump.stat().st_size > 10_000

    # The disaster: the whole schema gone.
    with connection.cursor() as cursor:
        cursor.execute("DROP SCHEMA public CASCADE")
        cursor.execute("CREATE SCHEMA public")
    assert fingerprint() == {}
    connection.close()

    script("restore", dump)
    after = fingerprint()
    assert after == before

    # The application carries on: new rows get new ids (the sequences were restored too).
    last_event = TimelineEvent.objects.order_by("-pk").first()
    copy = TimelineEvent.objects.get(pk=last_event.pk)
    copy.pk = None
    copy.save()
    assert copy.pk > last_event.pk
    assert Initiative.objects.count() == 40

    # Restoring over a database that is in use by now gives back the backup exactly, again.
    script("restore", dump)
    assert fingerprint() == before
