"""Bank validation: every kind of mistake is reported with file, line, question id and field."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlprep.cli.app import app
from mlprep.errors import ContentError
from mlprep.questions import bank as banklib
from tests.helpers import question, write_bank

runner = CliRunner()


def problems_for(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "bank.yaml"
    path.write_text(text, encoding="utf-8")
    _, problems = banklib.check_files([path], use_cache=False)
    return [str(p) for p in problems]


GOOD_HEAD = "format_version: 1\nsection: {id: s, title: S}\nquestions:\n"


def test_valid_bank_has_no_problems(tmp_path):
    path = write_bank(tmp_path / "b.yaml", [question(f"q{i}", t) for i, t in enumerate(
        ["mcq", "multi", "truefalse", "numeric", "short", "flashcard", "code_output"])])
    bank, problems = banklib.check_files([path], use_cache=False)
    assert problems == []
    assert len(bank) == 7


def test_unknown_key_names_line_and_field(tmp_path):
    text = GOOD_HEAD + ("  - id: q1\n    type: truefalse\n    difficulty: 1\n    tags: [a]\n    prompt: p\n"
                        "    answer: true\n    explanation: e\n    explanaton: typo\n")
    [p] = problems_for(tmp_path, text)
    assert "bank.yaml:11" in p and "q1: explanaton" in p and "unknown field" in p


def test_missing_field(tmp_path):
    text = GOOD_HEAD + "  - id: q1\n    type: truefalse\n    difficulty: 1\n    tags: [a]\n    prompt: p\n    answer: true\n"
    [p] = problems_for(tmp_path, text)
    assert "q1: explanation" in p and "required field is missing" in p and "bank.yaml:4" in p


def test_wrong_type(tmp_path):
    text = GOOD_HEAD + ("  - id: q1\n    type: truefalse\n    difficulty: hard\n    tags: [a]\n    prompt: p\n"
                        "    answer: true\n    explanation: e\n")
    [p] = problems_for(tmp_path, text)
    assert "q1: difficulty" in p and "1 (junior), 2 (mid) or 3 (senior)" in p and "bank.yaml:6" in p


def test_answer_not_among_choices(tmp_path):
    path = write_bank(tmp_path / "b.yaml", [question("q1", "mcq", answer="D")])
    _, [p] = banklib.check_files([path], use_cache=False)
    assert p.where == "q1: answer" and "not among the choices" in p.message and p.line


def test_multi_answer_not_among_choices(tmp_path):
    path = write_bank(tmp_path / "b.yaml", [question("q1", "multi", answer=["A", "nope"])])
    _, [p] = banklib.check_files([path], use_cache=False)
    assert "nope" in p.message and p.where == "q1: answer"


def test_field_that_does_not_apply_to_type(tmp_path):
    path = write_bank(tmp_path / "b.yaml", [question("q1", "truefalse", choices=["a", "b"])])
    _, [p] = banklib.check_files([path], use_cache=False)
    assert p.where == "q1: choices" and "does not apply" in p.message


def test_duplicate_ids_across_files(tmp_path):
    a = write_bank(tmp_path / "a.yaml", [question("same")], section="s1")
    b = write_bank(tmp_path / "b.yaml", [question("same")], section="s2")
    _, problems = banklib.check_files([a, b], use_cache=False)
    assert len(problems) == 1
    assert "duplicate id" in problems[0].message and "a.yaml" in problems[0].message
    assert problems[0].file.endswith("b.yaml")


def test_duplicate_ids_in_one_file(tmp_path):
    path = write_bank(tmp_path / "a.yaml", [question("same"), question("same")])
    _, [p] = banklib.check_files([path], use_cache=False)
    assert "duplicate id" in p.message


def test_invalid_yaml_reports_line(tmp_path):
    [p] = problems_for(tmp_path, GOOD_HEAD + "  - id: q1\n    prompt: [unclosed\n    type: mcq\n")
    assert "invalid YAML" in p and "bank.yaml:" in p


def test_parametric_expression_failing_for_some_samples(tmp_path):
    path = write_bank(tmp_path / "b.yaml", [question("q1", "numeric", params={"a": {"min": 0, "max": 3}},
                                                     answer="1 / a", prompt="a={{ a }}")])
    _, [p] = banklib.check_files([path], use_cache=False)
    assert "ZeroDivisionError" in p.message and "where" in p.message


def test_parametric_placeholder_not_declared(tmp_path):
    path = write_bank(tmp_path / "b.yaml", [question("q1", "numeric", params={"a": {"min": 1, "max": 3}},
                                                     answer="a * 2", prompt="{{ a }} and {{ b }}")])
    _, [p] = banklib.check_files([path], use_cache=False)
    assert "'b'" in p.message and p.where == "q1: prompt"


@pytest.mark.parametrize("expr", [
    "__import__('os').system('true')", "open('/etc/passwd').read()", "np.__class__", "(lambda: 1)()",
    "[x for x in range(3)][0]", "exec('1')",
    # attribute chains rooted at a module reach os through numpy's own imports: no attribute is followed
    "np.lib.npyio.os.system('true')", "np.random.os.system('true')", "math.sqrt.__self__", "np.testing",
    "().__class__.__bases__[0]", "getattr(np, 'os')", "np.sqrt.__call__(a)",
])
def test_parametric_expressions_are_restricted(tmp_path, expr):
    path = write_bank(tmp_path / "b.yaml", [question("q1", "numeric", params={"a": {"min": 1, "max": 3}},
                                                     answer=expr)])
    _, problems = banklib.check_files([path], use_cache=False)
    assert len(problems) == 1 and problems[0].where == "q1: answer"
    assert "allowed" in problems[0].message or "NameError" in problems[0].message


@pytest.mark.parametrize("expr,why", [
    ("10 ** 10 ** 10", "too large"), ("a ** 100000", "too large"), ("[1] * 10 ** 9", "numbers and arrays only"),
    ("'x' * 10 ** 9", "numbers and arrays only"), ("factorial(10 ** 6)", "whole numbers from 0 to 1000"),
    ("comb(10 ** 7, 5)", "whole numbers from 0 to 1000"), ("(-8) ** 0.5", "not a real number"),
])
def test_cost_bombs_in_expressions_are_refused_not_run(tmp_path, expr, why):
    path = write_bank(tmp_path / "b.yaml", [question("q1", "numeric", params={"a": {"min": 2, "max": 3}},
                                                     answer=expr)])
    _, problems = banklib.check_files([path], use_cache=False)
    assert len(problems) == 1 and problems[0].where == "q1: answer" and why in problems[0].message


def test_unsupported_format_version(tmp_path):
    [p] = problems_for(tmp_path, "format_version: 2\nsection: {id: s, title: S}\nquestions: [{}]\n")
    assert "format_version" in p and "bank.yaml:1" in p


def test_load_bank_raises_content_error_with_every_problem(tmp_path, monkeypatch):
    path = write_bank(tmp_path / "b.yaml", [question("q1", "mcq", answer="Z"), question("q2", "truefalse", answer=3)])
    with pytest.raises(ContentError) as info:
        banklib.load_bank([path])
    assert len(info.value.problems) == 2
    assert "mlprep content lint" in str(info.value)


def test_lint_cli_reports_all_and_exits_1(tmp_path):
    path = write_bank(tmp_path / "b.yaml", [question("q1", "mcq", answer="Z"), question("q2", "truefalse", answer=3)])
    result = runner.invoke(app, ["content", "lint", str(path)])
    assert result.exit_code == 1
    assert "q1: answer" in result.output and "q2: answer" in result.output
    assert "Traceback" not in result.output


def test_lint_cli_clean_builtin_content():
    result = runner.invoke(app, ["content", "lint"])
    assert result.exit_code == 0, result.output
    assert "no problems" in result.output


def test_quiz_with_a_broken_bank_is_a_clean_error(tmp_path):
    path = write_bank(tmp_path / "b.yaml", [question("q1", "mcq", answer="Z")])
    result = runner.invoke(app, ["quiz", "--bank", str(path)], input="q\n")
    assert result.exit_code == 1
    assert "q1: answer" in result.output and "Traceback" not in result.output


def test_missing_bank_path_is_a_clean_error(tmp_path):
    result = runner.invoke(app, ["quiz", "--bank", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 1
    assert "no such file" in result.output
