"""Banks are data: the hostile-bank corpus in `tests/hostile/`, and every command fed a bank full of markup
and terminal control characters.

Each corpus file is one case; its header comment states it and the expected outcome::

    # case: what the file does
    # expect: error | ok
    # line: 13                  (error: the line the problem names)
    # field: clipboard: prompt  (error: the `[question: field]` the problem names)
    # message: U+001B (ESC)     (error: a phrase of the message)
    # shows: [/] | [m/s]        (ok: texts the quiz must print literally, separated by " | ")

An `error` case must make `mlprep content lint FILE` exit 1 with one problem naming file, line and field,
and `mlprep quiz --bank FILE` exit 1 with a clean error; an `ok` case lints clean and its quiz prints
every `shows` text as typed. No case may produce a traceback or an ESC, and none may hang (an alarm
fails the test after ALARM seconds; `benchmarks/hostile_banks.py` measures that each lint takes well
under a second).
"""

from __future__ import annotations

import json
import re
import signal
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlprep import paths
from mlprep.cli.app import app
from mlprep.questions import bank as banklib
from mlprep.questions.model import parse_choices
from tests.helpers import question, write_bank

runner = CliRunner()
CORPUS = Path(__file__).resolve().parent / "hostile"
CASES = sorted(CORPUS.glob("*.yaml"))
ALARM = 60  # a hang guard, not a speed target (the machine running the suite may be busy)
ANSWERS = "1\n\n" * 30  # answers every question type (1, t, A ...) and moves on; EOF ends the session


@pytest.fixture(scope="module", autouse=True)
def warm_bank_cache(bank_cache):
    """Validate the built-in banks once, outside the alarms: `content lint FILE` checks its ids against them."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MLPREP_CACHE", str(bank_cache))
        mp.setenv("MLPREP_HOME", str(bank_cache / "home"))
        banklib.load_bank()


def header(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        m = re.match(r"#\s*(\w+):\s*(.*)$", line)
        if not m:
            break
        out[m.group(1)] = m.group(2).strip()
    return out


@contextmanager
def deadline(seconds: int = ALARM):
    """Fail instead of hanging (a regression on a bomb would otherwise block the suite)."""
    def timeout(signum, frame):  # noqa: ARG001
        raise TimeoutError(f"still running after {seconds} s")

    old = signal.signal(signal.SIGALRM, timeout)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def assert_clean(output: str) -> None:
    assert "Traceback" not in output
    assert "\x1b" not in output and "\x9b" not in output and "\u202e" not in output
    assert max((len(line) for line in output.splitlines()), default=0) < 1200  # messages are cut short


def section_of(path: Path) -> str:
    m = re.search(r"^section: \{id: ([\w-]+)", path.read_text(encoding="utf-8"), re.M)
    assert m
    return m.group(1)


def test_the_corpus_is_there_and_every_case_states_its_outcome():
    assert len(CASES) >= 20
    for path in CASES:
        h = header(path)
        assert h.get("case") and h.get("expect") in ("error", "ok"), path.name
        assert h["expect"] == "ok" or h.get("message"), path.name


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_hostile_case(path, mlprep_home):
    h = header(path)
    with deadline():
        lint = runner.invoke(app, ["content", "lint", str(path)])
    assert_clean(lint.output)
    if h["expect"] == "ok":
        assert lint.exit_code == 0, lint.output
        with deadline():
            quiz = runner.invoke(app, ["quiz", "--bank", str(path), "--section", section_of(path)], input=ANSWERS)
        assert quiz.exit_code == 0, quiz.output
        assert_clean(quiz.output)
        for text in h.get("shows", "").split(" | "):
            assert text in quiz.output, text
        return
    assert lint.exit_code == 1, lint.output
    problems = [line for line in lint.output.splitlines() if path.name in line]
    assert problems, lint.output
    first = problems[0]
    if "line" in h:
        assert f"{path.name}:{h['line']}" in first, first
    if "field" in h:
        assert f"[{h['field']}]" in first, first
    assert h["message"] in first, first
    with deadline():
        quiz = runner.invoke(app, ["quiz", "--bank", str(path)], input="q\n")
    assert quiz.exit_code == 1 and "Error:" in quiz.output, quiz.output
    assert_clean(quiz.output)


# ---------------------------------------------------------------- size caps

def test_a_fifty_megabyte_prompt_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "big.yaml"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("format_version: 1\nsection: {id: big, title: Big}\nquestions:\n  - id: big\n    prompt: ")
        chunk = "lol " * 250_000
        for _ in range(50):
            fh.write(chunk)
    with deadline(5):
        _, problems = banklib.check_files([path], use_cache=False)
    [p] = problems
    assert "big.yaml" in str(p) and "a bank may be at most 2,000,000 bytes" in p.message


def test_a_fifo_named_like_a_bank_is_not_opened(tmp_path):
    import os

    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with deadline(5):
        _, [p] = banklib.check_files([fifo], use_cache=False)
    assert "not a regular file" in p.message


def test_windows_line_endings_still_load(tmp_path):
    path = write_bank(tmp_path / "crlf.yaml", [question("crlf-1", "truefalse")])
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    bank, problems = banklib.check_files([path], use_cache=False)
    assert problems == [] and "crlf-1" in bank.questions


# ---------------------------------------------------------------- lint evaluates every template

def test_lint_tries_every_combination_of_a_small_grid(tmp_path):
    # x * y == 391 only for (17, 23) and (23, 17): 2 of 2,500 combinations, found by the full grid
    q = question("grid", "numeric", params={"x": {"min": 1, "max": 50}, "y": {"min": 1, "max": 50}},
                 answer="1 / (x * y - 391)", prompt="x = {{ x }}, y = {{ y }}?")
    _, [p] = banklib.check_files([write_bank(tmp_path / "g.yaml", [q])], use_cache=False)
    assert p.where == "grid: answer" and "ZeroDivisionError" in p.message and "x = 17, y = 23" in p.message


def test_lint_checks_the_corners_of_large_ranges(tmp_path):
    q = question("corner", "numeric", params={"x": {"min": 0, "max": 100_000}, "y": {"min": 0.0, "max": 1.0}},
                 answer="1 / x + y", prompt="x = {{ x }}, y = {{ y }}?")
    _, [p] = banklib.check_files([write_bank(tmp_path / "c.yaml", [q])], use_cache=False)
    assert "ZeroDivisionError" in p.message and "x = 0" in p.message


def test_a_format_that_fits_every_draw_passes(tmp_path):
    q = question("fine", "numeric", params={"n": {"min": 2, "max": 9}}, answer="n * 2", tolerance={"abs": 0},
                 prompt="Twice {{ n:d }}?", explanation="{{ answer:.0f }}, or {{ answer:>6.2f }}.")
    _, problems = banklib.check_files([write_bank(tmp_path / "f.yaml", [q])], use_cache=False)
    assert problems == []


# ---------------------------------------------------------------- bypassing the load checks

def plant(path: Path, change: Callable) -> None:
    """Validate `path` once (writing its cache), then rewrite the cached questions with `change(q)`: what a
    session would meet if a check were bypassed. The cache stamp stays valid, so every later load uses it."""
    questions, section, problems = banklib.load_file(path)
    assert not problems and section is not None
    cache = banklib._cache_path(path)
    stamp = json.loads(cache.read_text(encoding="utf-8"))["stamp"]
    cache.write_text(banklib._encode(stamp, [change(q) for q in questions], change(section)), encoding="utf-8")


PAYLOAD = "\x1b]52;c;cm0gLXJmIH4K\x07\x1b]0;pwned\x07\x1b[2J\x1b[H\x1b]8;;https://evil.example/\x1b\\x\x1b]8;;\x1b\\\u202e\x9b"


def poison(obj):
    """Markup and terminal control sequences in every string a bank gives."""
    if isinstance(obj, banklib.Section):
        return replace(obj, title=f"[/] {obj.title} {PAYLOAD}")
    fields = {"prompt": f"[/] [s] {obj.prompt} {PAYLOAD}", "explanation": f"[/] {obj.explanation} {PAYLOAD}",
              "section_title": f"[/] T {PAYLOAD}", "tags": tuple(f"{t}{PAYLOAD}" for t in obj.tags)}
    if obj.choices:
        fields["choices"] = tuple(f"[/]{c}{PAYLOAD}" for c in obj.choices)
    if obj.type == "numeric":
        fields["unit"] = f"[/]{PAYLOAD}"
    if obj.type in ("short", "code_output"):
        fields["answer"] = tuple(f"{a}{PAYLOAD}" for a in obj.answer)
    if obj.type == "flashcard":
        fields["answer"] = f"[/] back {PAYLOAD}"
    return replace(obj, **fields)


def every_type_bank(path: Path) -> Path:
    return write_bank(path, [question(f"evil-{t}", t, shuffle=False) if t in ("mcq", "multi") else question(f"evil-{t}", t)
                             for t in ("mcq", "multi", "truefalse", "numeric", "short", "flashcard", "code_output")],
                      section="evil", title="Evil")


COMMANDS = [
    ["quiz", "--section", "evil"],
    ["mock", "--section", "evil", "--minutes", "5"],
    ["stats"],
    ["stats", "--section", "evil"],
    ["stats", "--json"],
    ["today"],
    ["drill"],
    ["plan"],
    ["mock", "--history"],
    ["mock", "--history", "--json"],
    ["content", "list"],
    ["content", "tags", "--section", "evil"],
    ["export", "-f", "csv", "-o", "-", "--section", "evil"],
    ["export", "-f", "json", "-o", "-", "--section", "evil"],
]


def test_every_command_renders_bank_markup_and_control_characters_harmlessly(mlprep_home, monkeypatch):
    """The second line of defence: a bank whose strings carry Rich markup and terminal escapes got past the
    load checks (a planted cache). Every command still runs, prints `[/]` as typed and never emits an ESC."""
    monkeypatch.setenv("COLUMNS", "130")  # wide enough for the section titles of `content list`
    user = paths.user_banks_dir()
    bank = every_type_bank(user / "evil.yaml")
    plant(bank, poison)
    outputs = {}
    for args in COMMANDS:
        with deadline():
            result = runner.invoke(app, args, input=ANSWERS)
        assert result.exit_code == 0, (args, result.output)
        assert_clean(result.output)
        assert "Warning" not in result.output
        outputs.setdefault(args[0], result.output)
    assert "[/] [s] Prompt" in outputs["quiz"] and "\\x1b]52;c;" in outputs["quiz"]  # shown, written out visibly
    assert "[/] back" in outputs["quiz"] and "[/]Because" not in outputs["quiz"]
    assert "Mock interview report" in outputs["mock"]


def test_a_question_that_fails_at_run_time_is_skipped_with_one_line(tmp_path, mlprep_home):
    """A parametric question whose draws break after lint (here: a planted cache) is skipped, named, and
    the session goes on; a mock keeps its report."""
    path = write_bank(tmp_path / "rt.yaml", [
        question("rt-bad", "numeric", params={"n": {"min": 2, "max": 9}}, answer="n / 2", prompt="Half of {{ n }}?",
                 tolerance={"abs": 0.01}, difficulty=1),
        question("rt-good", "truefalse", prompt="Still asked?", difficulty=2)], section="rt", title="RT")
    plant(path, lambda q: replace(q, explanation="{{ answer:d }}") if getattr(q, "id", "") == "rt-bad" else q)
    quiz = runner.invoke(app, ["quiz", "--bank", str(path), "--section", "rt"], input="t\n\n")
    assert quiz.exit_code == 0, quiz.output
    assert "Skipped rt-bad: it could not be shown" in quiz.output and "Still asked?" in quiz.output
    assert "Score 1/1" in quiz.output
    mock = runner.invoke(app, ["mock", "--bank", str(path), "--section", "rt"], input="t\n")
    assert mock.exit_code == 0 and "Skipped rt-bad" in mock.output and "Mock interview report" in mock.output


# ---------------------------------------------------------------- broken shared banks do not block

def test_one_broken_user_bank_warns_once_and_the_others_work(mlprep_home):
    user = paths.user_banks_dir()
    write_bank(user / "good.yaml", [question("mine-1", "truefalse", prompt="Mine?")], section="mine", title="Mine")
    (user / "broken.yaml").write_text((CORPUS / "osc52-clipboard.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    write_bank(user / "clash.yaml", [question("metrics-accuracy-imbalance-01", "truefalse")], section="clash",
               title="Clash")
    for args in (["today"], ["stats"], ["drill"], ["export", "-f", "csv", "-o", "-"], ["content", "list"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, (args, result.output)
        warnings = [line for line in result.output.splitlines() if line.startswith("Warning:")]
        assert len(warnings) == 2, (args, result.output)
        assert any("broken.yaml:13" in w and "U+001B (ESC)" in w for w in warnings)
        assert any("clash.yaml" in w and "duplicate id" in w for w in warnings)
        assert_clean(result.output)
    quiz = runner.invoke(app, ["quiz", "--section", "mine"], input="t\n\n")
    assert quiz.exit_code == 0 and "Mine?" in quiz.output and "Warning: skipped your bank" in quiz.output
    # a --bank path the user names is still checked strictly
    strict = runner.invoke(app, ["quiz", "--bank", str(user / "broken.yaml")], input="q\n")
    assert strict.exit_code == 1 and "Error:" in strict.output


# ---------------------------------------------------------------- answers typed at a choice prompt

@pytest.mark.parametrize("typed,expected", [
    ("b", [1]), ("B)", [1]), ("(b)", [1]), ("b.", [1]), ("2)", [1]), ("[c]", [2]),
    ("а", [0]), ("в", [1]), ("с", [2]), ("В", [1]), ("Ｂ", [1]), ("a, (c)", [0, 2]),
    ("é", None), ("²", None), ("٣", None), ("ж", None), ("bb", None), ("99999999999999", None), ("", None),
])
def test_choice_prompt_reads_common_spellings_and_never_crashes(typed, expected):
    assert parse_choices(typed, 4) == expected


def test_an_unknown_letter_at_the_choice_prompt_re_prompts(tmp_path, mlprep_home):
    path = write_bank(tmp_path / "c.yaml", [question("ch-1", "mcq", shuffle=False)], section="ch", title="Ch")
    result = runner.invoke(app, ["quiz", "--bank", str(path), "--section", "ch"], input="é\n²\nа\n\n")
    assert result.exit_code == 0, result.output
    assert "'é' is not one of the choices. Type a letter A-B" in result.output
    assert "'²' is not one of the choices" in result.output and "Correct" in result.output


def test_a_percent_sign_after_a_decimal_is_hundredths():
    from mlprep.questions.model import _check_number, parse_number

    assert parse_number("0.75%") == pytest.approx(0.0075)
    assert _check_number("0.75%", 0.0075, 0.0, 0.01).correct
    assert not _check_number("0.75%", 0.75, 0.0, 0.01).correct


# ---------------------------------------------------------------- export

def test_csv_export_neutralises_formulas_but_json_keeps_the_text(tmp_path, mlprep_home):
    import csv
    import io
    import json

    from mlprep.progress import export as exportlib

    path = write_bank(tmp_path / "f.yaml", [
        question("formula-1", "short", prompt="=HYPERLINK(\"https://evil.example\",\"click\")", answer="@SUM(A1)",
                 accept=["+1"], explanation="-2+3"),
        question("formula-2", "numeric", prompt="+Plus", answer=-0.5, explanation="Plain.")],
        section="formula", title="=cmd|' /C calc'!A0")
    out = runner.invoke(app, ["export", "-f", "csv", "-o", "-", "--bank", str(path), "--section", "formula"]).output
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(out))}
    assert rows["formula-1"]["prompt"] == "'=HYPERLINK(\"https://evil.example\",\"click\")"
    assert rows["formula-1"]["answer"].startswith("'@SUM(A1)")
    assert rows["formula-1"]["explanation"] == "'-2+3"
    assert rows["formula-1"]["section_title"] == "'=cmd|' /C calc'!A0"
    assert rows["formula-2"]["prompt"] == "'+Plus" and rows["formula-2"]["answer"] == "-0.5"
    assert exportlib.csv_cell("\tx") == "'\tx" and exportlib.csv_cell("\rx") == "'\\x0dx" and exportlib.csv_cell(3) == 3
    doc = json.loads(runner.invoke(app, ["export", "-f", "json", "-o", "-", "--bank", str(path),
                                         "--section", "formula"]).output)
    assert doc["questions"][0]["prompt"].startswith("=HYPERLINK") and doc["questions"][0]["explanation"] == "-2+3"


def test_the_html_report_takes_a_section_title_with_dollar_signs(tmp_path, mlprep_home):
    pytest.importorskip("matplotlib")
    write_bank(paths.user_banks_dir() / "money.yaml", [question("money-1", "truefalse")], section="money",
               title="Costs in $ and $\\frac{")
    runner.invoke(app, ["quiz", "--section", "money"], input="t\n\n")
    result = runner.invoke(app, ["report", "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 0, result.output
    assert "Costs in $ and $\\frac{" in (tmp_path / "r.html").read_text(encoding="utf-8")
