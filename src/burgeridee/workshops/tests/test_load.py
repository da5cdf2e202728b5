"""40 participants at once on the embedded SQLite default: run bin/workshop-loadtest and require zero errors."""

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[4] / "bin" / "workshop-loadtest"


def test_forty_participants_on_sqlite_without_errors():
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--participants", "40", "--module-seconds", "2", "--json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    stats = json.loads(result.stdout.strip().splitlines()[-1])
    assert stats["errors"] == 0, stats["error_samples"]
    assert stats["joined"] == 40
    # Every module got its contributions: 40 case answers, 80 pitfall picks, 40 factors are boards not contributions,
    # observations from the observers, 40 ladder places and 40 checklists.
    assert stats["contributions"] >= 40 + 80 + 40 + 40
    for kind in ("casus", "rol", "checklist", "pdf"):
        assert stats["by_kind"][kind]["n"] == 40, kind
    assert stats["by_kind"]["poll"]["n"] > 200
