"""The grader against stored fixtures: each submission in tests/fixtures/submissions has an expected
verdict in tests/fixtures/expected (status, kind, tests passed, a phrase of the message). They cover
every class of broken submission: syntax error, empty file, import errors, NotImplementedError,
wrong values/types/shapes, NaN, None, infinite loop, memory bomb, sys.exit, os._exit, floods of
output, input mutation, forbidden imports (static and dynamic), forged results, monkeypatching, and hostile
ones that look for the user's data, write outside their folder, tamper with the reference or leave
processes behind (tests/test_sandbox_isolation.py checks what they leave)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlprep.cli.app import app
from mlprep.drills.catalogue import load_drill
from mlprep.errors import DrillError
from mlprep.sandbox.confine import protection
from mlprep.sandbox.grader import grade

FIXTURES = Path(__file__).parent / "fixtures"
DRILL, _problems = load_drill(FIXTURES / "drills" / "double")
CASES = sorted(p.stem for p in (FIXTURES / "submissions").glob("*.py"))


def test_every_submission_has_an_expectation():
    assert not _problems
    assert CASES == sorted(p.stem for p in (FIXTURES / "expected").glob("*.json"))


@pytest.mark.parametrize("case", CASES)
def test_verdict_matches_fixture(case):
    expected = json.loads((FIXTURES / "expected" / f"{case}.json").read_text())
    if expected.get("requires") == "landlock" and not protection().confined:
        pytest.skip(f"needs Landlock write confinement: {protection().summary}")
    if "raises" in expected:  # the grader could not run: no verdict, an error naming why
        with pytest.raises(DrillError, match=expected["raises"]):
            grade(DRILL, FIXTURES / "submissions" / f"{case}.py")
        return
    v = grade(DRILL, FIXTURES / "submissions" / f"{case}.py")
    text = " | ".join([v.headline] + [t.message for t in v.tests])
    assert (v.status, v.kind) == (expected["status"], expected["kind"]), text
    assert v.passed == expected["passed"], text
    assert expected["message_contains"] in text


def test_verdict_is_plain_data():
    v = grade(DRILL, FIXTURES / "submissions" / "wrong-value.py")
    data = v.to_dict()
    assert data["tests"][0]["call"] == "double([1. 2.])"
    assert data["tests"][0]["expected"] == "[2. 4.]" and data["tests"][0]["got"] == "[3. 4.]"
    assert data["tests"][0]["max_abs_error"] == 1.0
    json.dumps(data)


@pytest.mark.parametrize("case,code", [("syntax-error", 1), ("os-exit", 1), ("correct", 0)])
def test_cli_check_exits_cleanly(case, code, monkeypatch, tmp_path):
    # run the real CLI on the fixture drill through a drills folder that holds only it
    monkeypatch.setattr("mlprep.paths.drills_dir", lambda: FIXTURES / "drills")
    result = CliRunner().invoke(app, ["drill", "double", "--check", "--file",
                                      str(FIXTURES / "submissions" / f"{case}.py")])
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
