"""The CLI surface: help, version, where, config, content list, clean errors."""

from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from mlprep import __version__, paths
from mlprep.cli.app import app

runner = CliRunner()


def test_help_lists_the_commands():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for cmd in ("quiz", "drill", "content", "where", "config"):
        assert cmd in result.output


def test_no_arguments_shows_help():
    result = runner.invoke(app, [])
    assert result.exit_code == 0 and "Usage" in result.output


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def test_python_dash_m_works():
    out = subprocess.run([sys.executable, "-m", "mlprep", "--version"], capture_output=True, text=True, check=True)
    assert __version__ in out.stdout


def test_help_does_not_import_heavy_modules():
    code = ("import sys; from mlprep.cli.app import app\n"
            "try:\n    app(['--help'])\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('numpy', 'pandas', 'pydantic', 'yaml', 'fsrs', 'rich') if m in sys.modules]\n"
            "print('HEAVY=' + ','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "HEAVY="


def test_where_shows_paths(mlprep_home):
    result = runner.invoke(app, ["where"])
    assert result.exit_code == 0 and str(mlprep_home) in result.output


def test_where_wraps_the_sandbox_summary_under_itself(mlprep_home):
    from mlprep.cli import console as ui

    result = runner.invoke(app, ["where"])
    lines = result.output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("grading sandbox  "))
    rest = [line for line in lines[start + 1:] if line.startswith(" ")]
    assert all(line.startswith(" " * 17) for line in rest), rest
    assert all(len(line) <= ui.console.width and not line.endswith(" ") for line in [lines[start], *rest])


def test_config_set_get_and_errors(mlprep_home):
    assert runner.invoke(app, ["config", "set", "desired_retention", "0.85"]).exit_code == 0
    result = runner.invoke(app, ["config", "get"])
    assert "desired_retention = 0.85" in result.output
    bad = runner.invoke(app, ["config", "set", "desired_retention", "2"])
    assert bad.exit_code == 1 and "0.70" in bad.output
    assert runner.invoke(app, ["config", "set", "colour", "red"]).exit_code == 1


def test_content_list_json_counts():
    result = runner.invoke(app, ["content", "list", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert len(data["sections"]) == len(list(paths.content_dir().glob("*.yaml")))
    assert data["total"] == sum(s["questions"] for s in data["sections"])
    metrics = next(s for s in data["sections"] if s["id"] == "metrics")
    assert metrics["questions"] >= 30 and metrics["parametric"] >= 5
    assert all(metrics["by_type"][t] >= 1 for t in metrics["by_type"])


def test_content_list_table():
    result = runner.invoke(app, ["content", "list"])
    assert result.exit_code == 0 and "metrics" in result.output and "total" in result.output


def test_unknown_command_is_a_usage_error():
    result = runner.invoke(app, ["quizz"])
    assert result.exit_code == 2


def test_content_tags_lists_every_tag_with_its_count_and_json():
    result = runner.invoke(app, ["content", "tags", "--section", "metrics"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("metrics (") and "precision " in result.output
    data = json.loads(runner.invoke(app, ["content", "tags", "--json"]).output)
    from mlprep.questions import bank as banklib

    bank = banklib.load_bank()
    assert set(data["sections"]) == set(bank.sections)
    for sid, counts in data["sections"].items():
        want = {}
        for q in bank.in_section(sid):
            for t in q.tags:
                want[t] = want.get(t, 0) + 1
        assert counts == want
    bad = runner.invoke(app, ["content", "tags", "--section", "nope"])
    assert bad.exit_code == 1 and "--section 'nope'" in bad.output


def test_an_unknown_tag_is_worded_with_its_flag_and_the_listing_command():
    result = runner.invoke(app, ["quiz", "--tag", "no-such-tag-at-all"])
    assert result.exit_code == 1
    assert "--tag 'no-such-tag-at-all': no question has this tag." in result.output
    assert "mlprep content tags" in result.output
