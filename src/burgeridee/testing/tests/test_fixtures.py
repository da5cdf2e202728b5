"""The test suite's own rules: every fixture is defined in one place, and no test imports from a conftest."""

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]


def fixture_modules() -> list[Path]:
    """Every module that may define fixtures: conftests, test packages, tests/ and burgeridee/testing."""
    src = ROOT / "src" / "burgeridee"
    paths = {ROOT / "conftest.py", *(ROOT / "tests").rglob("*.py"), *(src / "testing").rglob("*.py")}
    paths |= {path for path in src.rglob("*.py") if "tests" in path.relative_to(src).parts}
    paths |= set(src.rglob("conftest.py"))
    return sorted(paths)


def fixture_definitions() -> dict[str, list[str]]:
    """Fixture name -> where it is defined ("path:line")."""
    places = defaultdict(list)
    for path in fixture_modules():
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for decorator in node.decorator_list:
                call = decorator if isinstance(decorator, ast.Call) else None
                if ast.unparse(call.func if call else decorator) not in {"pytest.fixture", "fixture"}:
                    continue
                renamed = [k.value.value for k in (call.keywords if call else []) if k.arg == "name"]
                name = renamed[0] if renamed else node.name
                places[name].append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return places


def test_the_scan_finds_the_fixtures():
    places = fixture_definitions()
    assert places["municipality"][0].startswith("src/burgeridee/testing/fixtures/municipalities.py:")
    assert "planned" in places and "browser" in places  # an app's own conftest, and the end-to-end one


def test_every_fixture_is_defined_once():
    duplicates = {name: where for name, where in fixture_definitions().items() if len(where) > 1}
    assert duplicates == {}, "define a fixture once: in burgeridee/testing/fixtures/ when several apps use it"


def test_no_test_imports_from_a_conftest():
    offenders = []
    for path in fixture_modules():
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.ImportFrom):
                modules = [node.module or "", *(alias.name for alias in node.names)]
            elif isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            else:
                continue
            if any(module.split(".")[-1] == "conftest" for module in modules):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == [], "put helpers in a regular module (burgeridee/testing/helpers.py or the app's tests/)"
