"""Every screen fits 80x24 (and degrades at 50 columns): nothing a user must read or type is cut.

The pty tests run the installed `mlprep` in a pseudo-terminal of the named size and read the screen as
plain text (ANSI codes stripped); the CliRunner tests check the same screens piped.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlprep.cli.app import app
from mlprep.drills import catalogue as drilllib
from mlprep.store.db import Store

runner = CliRunner()
ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[78()][0-9A-Za-z]?|\x1b\][^\x07]*\x07")


def plain(text: str) -> str:
    return ANSI.sub("", text).replace("\r\n", "\n").replace("\r", "")


def mlprep_command() -> str:
    local = Path(sys.executable).parent / "mlprep"
    found = str(local) if local.exists() else shutil.which("mlprep")
    if not found:
        pytest.skip("the mlprep console script is not installed")
    return found


def pty_run(args: list[str], home: Path, cols: int = 80, rows: int = 24, workspace: Path | None = None,
            env_extra: dict[str, str] | None = None) -> list[str]:
    """Run `mlprep args` in a cols x rows terminal to the end; the lines it printed, as plain text."""
    pexpect = pytest.importorskip("pexpect")
    env = dict(os.environ, MLPREP_HOME=str(home), TERM="xterm", COLUMNS=str(cols), LINES=str(rows),
               PAGER="cat", **(env_extra or {}))
    env.pop("NO_COLOR", None)
    if workspace is not None:
        env["MLPREP_WORKSPACE"] = str(workspace)
    child = pexpect.spawn(mlprep_command(), args, env=env, encoding="utf-8", timeout=120, dimensions=(rows, cols))
    child.expect(pexpect.EOF)
    child.close()
    return plain(child.before).split("\n")


def assert_fits(lines: list[str], cols: int) -> None:
    from rich.cells import cell_len

    too_wide = [ln for ln in lines if cell_len(ln) > cols]
    assert not too_wide, f"lines wider than {cols} columns: {too_wide[:3]}"


# ---------------------------------------------------------------- the drill list

@pytest.mark.parametrize("cols", [80, 50])
def test_drill_list_in_a_terminal_shows_every_slug_whole_one_line_each(mlprep_home, cols):
    lines = pty_run(["drill"], mlprep_home, cols=cols)
    drills = drilllib.load_drills(strict=False)
    assert_fits(lines, cols)
    words = [ln.split()[0] if ln.strip() else "" for ln in lines]
    for slug in drills:
        assert words.count(slug) == 1, f"{slug} is not listed whole on one line"
    sections = {d.section for d in drills.values()}
    headers = [w for w in words if w in sections]
    assert sorted(headers) == sorted(sections)  # one compact header line per section
    assert "…" not in "".join(ln.split()[0] for ln in lines if ln.strip())
    assert len([ln for ln in lines if ln.strip()]) <= len(drills) + len(sections) + 4  # header, footer


def test_drill_list_filters_by_section_and_status(mlprep_home, tmp_path):
    metrics = runner.invoke(app, ["drill", "--section", "metrics"])
    assert metrics.exit_code == 0, metrics.output
    assert "mse" in metrics.output.split() and "relu" not in metrics.output.split()
    (tmp_path / "workspace").mkdir()
    (tmp_path / "workspace" / "relu.py").write_text("import numpy as np\n\n\ndef relu(x):\n"
                                                     "    return np.maximum(x, 0)\n")
    assert runner.invoke(app, ["drill", "relu", "--check"]).exit_code == 0
    passed = runner.invoke(app, ["drill", "--status", "passed"]).output.split()
    assert "relu" in passed and "mse" not in passed
    todo = runner.invoke(app, ["drill", "--status", "todo"]).output.split()
    assert "relu" not in todo and "mse" in todo
    due = runner.invoke(app, ["drill", "--status", "due"])
    assert due.exit_code == 0 and "No drill matches" in due.output
    bad = runner.invoke(app, ["drill", "--status", "later"])
    assert bad.exit_code == 2 and "todo, passed, due" in bad.output
    nosec = runner.invoke(app, ["drill", "--section", "nope"])
    assert nosec.exit_code == 2 and "--section 'nope'" in nosec.output


def test_a_unique_prefix_selects_a_drill_and_an_ambiguous_one_lists_the_candidates(mlprep_home):
    drills = drilllib.load_drills(strict=False)
    assert drilllib.find_drill("multi-head", drills).slug == "multi-head-attention"
    shown = runner.invoke(app, ["drill", "multi-head"])
    assert shown.exit_code == 0 and "multi-head-attention.py" in shown.output
    ambiguous = runner.invoke(app, ["drill", "multi"])
    assert ambiguous.exit_code == 2
    assert "multi-head-attention" in ambiguous.output and "multinomial-naive-bayes" in ambiguous.output


# ---------------------------------------------------------------- reset: notice last, numbered backups

def test_every_reset_keeps_its_own_numbered_backup(mlprep_home, tmp_path):
    runner.invoke(app, ["drill", "mse"])
    target = tmp_path / "workspace" / "mse.py"
    versions = ["# first real attempt\n", "# second real attempt\n", "# third\n"]
    for text in versions:
        target.write_text(text)
        assert runner.invoke(app, ["drill", "mse", "--reset", "--yes"]).exit_code == 0
    kept = drilllib.backups(target)
    assert [b.name for b in kept] == ["mse.py.bak", "mse.py.1.bak", "mse.py.2.bak"]
    assert [b.read_text() for b in kept] == versions
    # a file already kept is not copied again
    target.write_text(versions[0])
    again = runner.invoke(app, ["drill", "mse", "--reset", "--yes"])
    assert "mse.py.bak)" in again.output and len(drilllib.backups(target)) == 3


def test_the_due_for_review_notice_is_the_last_thing_on_screen(mlprep_home, tmp_path):
    import os
    from datetime import timedelta

    from mlprep.drills import schedule as ds
    from mlprep.srs.scheduler import scheduler_for
    from mlprep.store.db import utcnow

    relu = drilllib.load_drills(strict=False)["relu"]
    workspace = tmp_path / "ws"
    workspace.mkdir()
    target = workspace / "relu.py"
    shutil.copy(relu.solution, target)
    written = (utcnow() - timedelta(days=41)).timestamp()
    os.utime(target, (written, written))
    with Store() as store:
        ds.review_attempt(store, scheduler_for(store), relu, True, utcnow() - timedelta(days=40), file_changed_at=None)
    lines = [ln for ln in pty_run(["drill", "relu"], mlprep_home, workspace=workspace) if ln.strip()]
    tail = " ".join(" ".join(lines[-4:]).split())
    assert "write it again from memory" in tail, lines[-6:]
    assert "relu.py.bak" in tail
    assert (workspace / "relu.py.bak").read_text() == relu.solution.read_text()


# ---------------------------------------------------------------- help

def _commands():
    import typer.main

    group = typer.main.get_command(app)
    out = []

    def walk(cmd, path):
        sub = getattr(cmd, "commands", None)
        out.append((path, cmd))
        for name, child in (sub or {}).items():
            walk(child, [*path, name])

    walk(group, [])
    return out


def test_help_gives_full_descriptions_and_human_metavars_everywhere(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    for path, cmd in _commands():
        result = runner.invoke(app, [*path, "--help"], terminal_width=80)
        assert result.exit_code == 0, (path, result.output)
        text = result.output
        assert_fits(text.splitlines(), 80)
        assert not re.search(r"<[a-z][^>]*>|\{[A-Za-z]+\}", text), (path, text)
        flat = " ".join(text.split())
        body = " ".join(ln for ln in text.splitlines() if not ln.startswith("Usage:"))
        assert "..." not in body, (path, text)  # no description is cut
        for name, child in (getattr(cmd, "commands", None) or {}).items():
            first = " ".join((child.help or "").split("\n\n")[0].split())
            assert first and first in flat, (path, name)


# ---------------------------------------------------------------- the reference solution and --diff

def test_tooling_comments_are_stripped_and_strings_kept():
    src = ('x = "# mutation: in a string"  # mutation: equivalent — reason\n'
           "    # mutation: equivalent — a whole line\n"
           "y = 1  # tail region  # mutation: equivalent\n"
           "z = 2  # a real comment\n")
    assert drilllib.strip_tooling_comments(src) == ('x = "# mutation: in a string"\n'
                                                    "y = 1  # tail region\n"
                                                    "z = 2  # a real comment\n")
    for d in drilllib.load_drills(strict=False).values():
        shown = drilllib.solution_text(d)
        assert "mutation:" not in shown.replace('"# mutation:', "")
        compile(shown, d.slug, "exec")


def test_solution_piped_is_the_plain_code_without_a_box(mlprep_home):
    d = drilllib.load_drills(strict=False)["gradient-boosting-stumps"]
    result = runner.invoke(app, ["drill", d.slug, "--solution", "--force"])
    assert result.exit_code == 0
    assert result.output == drilllib.solution_text(d)
    assert "mutation:" not in result.output and "│" not in result.output


def test_solution_in_a_terminal_is_paged_and_never_cut(mlprep_home):
    d = drilllib.load_drills(strict=False)["gradient-boosting-stumps"]
    code = drilllib.solution_text(d).splitlines()
    assert max(len(line) for line in code) > 80  # the case that used to be cut
    out = "\n".join(pty_run(["drill", d.slug, "--solution", "--force"], mlprep_home, cols=80))
    for line in code:
        if line.strip():
            assert line.rstrip() in out, line
    assert "mutation:" not in out


def test_solution_diff_shows_your_file_beside_the_reference(mlprep_home, tmp_path):
    d = drilllib.load_drills(strict=False)["relu"]
    target = tmp_path / "workspace" / "relu.py"
    target.parent.mkdir()
    target.write_text("import numpy as np\n\n\ndef relu(x):\n    return np.abs(x)\n")
    result = runner.invoke(app, ["drill", "relu", "--solution", "--diff", "--force"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("--- your file") and lines[1].startswith("+++ reference")
    assert "-    return np.abs(x)" in lines
    assert any(line.startswith("+") and "np.maximum" in line for line in lines)
    target.write_text(drilllib.solution_text(d))
    same = runner.invoke(app, ["drill", "relu", "--diff", "--force"])
    assert same.exit_code == 0 and "the same as the reference" in same.output
    colour = "\n".join(pty_run(["drill", "relu", "--diff", "--force"], mlprep_home,
                               workspace=tmp_path / "workspace"))
    assert "the same as the reference" in colour


# ---------------------------------------------------------------- the mock's clock

def test_mock_clock_overwrites_nothing_and_matches_the_header(tmp_path, mlprep_home):
    import io
    import time

    pexpect = pytest.importorskip("pexpect")
    from tests.helpers import question, write_bank

    bank = write_bank(tmp_path / "m.yaml", [question(f"m-{i}", "truefalse", prompt=f"Is statement number {i} "
                                                     "about gradient descent and this long line true?")
                                            for i in range(3)], section="mclock", title="Clock")
    env = dict(os.environ, MLPREP_HOME=str(mlprep_home), TERM="xterm", COLUMNS="80", LINES="24")
    env.pop("NO_COLOR", None)
    child = pexpect.spawn(mlprep_command(), ["mock", "--bank", str(bank), "--section", "mclock", "--minutes", "1"],
                          env=env, encoding="utf-8", timeout=60, dimensions=(24, 80))
    log = io.StringIO()
    child.logfile_read = log
    child.expect("t/f")
    child.sendline("t")
    child.expect("Noted")
    child.expect("t/f")
    time.sleep(2.5)  # a corner clock would redraw itself meanwhile
    child.sendline("q")
    child.expect(pexpect.EOF)
    child.close()
    full = log.getvalue()
    assert "\x1b7" not in full and not re.search(r"\x1b\[\d+;\d+H", full)  # no cursor jumps, nothing overwritten
    text = plain(full)
    assert text.count("about gradient descent and this long line true?") == 2  # both questions whole
    headers = re.findall(r"⏱ (\d\d:\d\d) left", text)
    prompts = re.findall(r"⏱ (\d\d:\d\d) ›", text)
    assert len(headers) == 2 and prompts == headers  # one clock: each prompt repeats its header


# ---------------------------------------------------------------- stats

def _study_history(days: int = 120) -> None:
    import random
    from datetime import datetime, timedelta, timezone

    from fsrs import Rating

    from mlprep.questions import bank as banklib
    from mlprep.srs import scheduler as sched

    qs = list(banklib.load_bank().questions.values())
    rng = random.Random(7)
    now = datetime.now(timezone.utc)
    with Store() as store:
        s = sched.make_scheduler(enable_fuzzing=False)
        for day in range(days, -1, -1):
            for q in rng.sample(qs, rng.randint(0, 12)):
                ok = rng.random() < 0.7
                sched.review(store, s, item_id=q.id, rating=Rating.Good if ok else Rating.Again,
                             now=now - timedelta(days=day, minutes=rng.randint(1, 300)), correct=ok,
                             response_ms=rng.randint(2000, 20000), session_id=None, section=q.section)


HEADERS = ("section", "seen", "right", "recall", "due", "mastery")


@pytest.mark.parametrize("cols", [80, 50])
def test_stats_is_one_screen_with_whole_headers(mlprep_home, cols):
    _study_history()
    lines = [ln for ln in pty_run(["stats"], mlprep_home, cols=cols)]
    while lines and not lines[-1].strip():
        lines.pop()
    assert_fits(lines, cols)
    assert len(lines) <= 23, "\n".join(lines)  # one 80x24 screen, the prompt line included
    head = next(ln for ln in lines if ln.startswith("section"))
    for word in head.split():
        assert word in HEADERS  # no header is cut ("acc 3…", "rec…")
    assert "…" not in "\n".join(lines)
    assert any(ln.startswith("Today") for ln in lines) and any(ln.startswith("Due") for ln in lines)
    assert lines[-1].startswith("More: mlprep stats --sections")


@pytest.mark.parametrize("cols", [80, 50])
def test_stats_all_fits_and_calendar_labels_never_collide(mlprep_home, cols):
    _study_history(200)
    lines = pty_run(["stats", "--all"], mlprep_home, cols=cols)
    assert_fits(lines, cols)
    assert any("Activity, last 26 weeks" in ln for ln in lines)
    head = next(ln for ln in lines if ln.startswith("section"))
    assert all(word in HEADERS + ("on", "day") for word in head.split())


def test_a_tag_needs_enough_answers_to_rank_among_the_weakest(mlprep_home, tmp_path):
    from datetime import datetime, timedelta, timezone

    from fsrs import Rating

    from mlprep import clock
    from mlprep.progress import stats
    from mlprep.questions import bank as banklib
    from mlprep.rules import WEAK_TAG_MIN_ANSWERS
    from mlprep.srs import scheduler as sched
    from tests.helpers import question, write_bank

    path = write_bank(tmp_path / "t.yaml", [question("once", "truefalse", tags=["rare"]),
                                            *(question(f"m{i}", "truefalse", tags=["common"]) for i in range(3))],
                      section="tags", title="Tags")
    bank, _ = banklib.check_files([path])
    now = datetime.now(timezone.utc)
    with Store() as store:
        s = sched.make_scheduler(enable_fuzzing=False)
        sched.review(store, s, item_id="once", rating=Rating.Again, now=now - timedelta(hours=1), correct=False,
                     response_ms=1000, session_id=None, section="tags")
        for i in range(WEAK_TAG_MIN_ANSWERS):
            sched.review(store, s, item_id=f"m{i % 3}", rating=Rating.Good, now=now - timedelta(days=3 - i * 0.1),
                         correct=True, response_ms=1000, session_id=None, section="tags")
        f = stats.compute(store, bank, now, clock.zone("UTC"))
    assert [w["tag"] for w in f["weakest_tags"]] == ["common"]  # 'rare' was answered once: not ranked


def test_calendar_month_labels_never_collide():
    from datetime import date, timedelta

    from mlprep.cli.progress import activity_calendar

    for start in (date(2026, 6, 29), date(2026, 1, 26), date(2026, 3, 2)):  # a month starting a week later
        activity = [{"date": (start + timedelta(days=i)).isoformat(), "reviews": i % 3} for i in range(26 * 7)]
        first = activity_calendar(activity).plain.splitlines()[0]
        labels = first.split()
        assert all(re.fullmatch(r"[A-Z][a-z]{2}", x) for x in labels), first  # never "JuJul"
        assert len(labels) >= 5


# ---------------------------------------------------------------- wording and numbers

def test_session_summary_time_is_what_today_counts(mlprep_home, tmp_path):
    from datetime import datetime, timezone

    from mlprep import clock
    from mlprep.progress import stats
    from mlprep.questions import bank as banklib
    from mlprep.quiz.session import QuizSession
    from mlprep.srs import scheduler as sched
    from tests.helpers import question, write_bank

    path = write_bank(tmp_path / "t.yaml", [question(f"q{i}", "truefalse") for i in range(2)], section="t")
    bank, _ = banklib.check_files([path])
    with Store() as store:
        session = QuizSession(store, bank, sched.make_scheduler())
        session.answer(session.show(bank.questions["q0"]), "t", 12.5)
        session.answer(session.show(bank.questions["q1"]), "f", 30.25)
        summary = session.finish()
        f = stats.compute(store, bank, datetime.now(timezone.utc), clock.system_zone())
    assert summary.seconds == pytest.approx(42.75)
    assert f["today"]["seconds"] == pytest.approx(summary.seconds, abs=0.06)  # stats keeps tenths


def test_an_exact_fraction_is_exact_not_within_tolerance():
    from mlprep.questions.model import _check_number

    assert _check_number("-137/5", -27.400000000000002, 0.01, 0.01).note == ""
    assert _check_number("-27.39", -27.4, 0.1, 0.01).note == "within tolerance"


def test_review_only_with_nothing_due_says_when_the_next_card_is(mlprep_home):
    never = runner.invoke(app, ["quiz", "--review-only"], input="")
    assert never.exit_code == 0 and "Drop --review-only" in never.output and "--new" not in never.output
    from datetime import datetime, timezone

    from fsrs import Rating

    from mlprep.questions import bank as banklib
    from mlprep.srs import scheduler as sched

    q = next(iter(banklib.load_bank().questions.values()))
    with Store() as store:
        sched.review(store, sched.make_scheduler(enable_fuzzing=False), item_id=q.id, rating=Rating.Good,
                     now=datetime.now(timezone.utc), correct=True, response_ms=1000, session_id=None,
                     section=q.section)
    later = runner.invoke(app, ["quiz", "--review-only"], input="")
    assert "The next card is due in" in later.output and "--new" not in later.output


def test_plural_words():
    from mlprep.cli.common import are, plural

    assert plural(1, "review") == "1 review" and plural(2, "review") == "2 reviews"
    assert plural(1, "leech", "leeches") == "1 leech" and plural(0, "leech", "leeches") == "0 leeches"
    assert are(1) == "is" and are(3) == "are"


# ---------------------------------------------------------------- feedback that says what was wrong

def test_partial_multi_select_names_the_missed_and_extra_choices():
    from mlprep.questions.model import Question, Shown, check

    q = Question(id="m", type="multi", section="s", section_title="S", prompt="Pick", explanation="",
                 tags=("t",), difficulty=1, choices=("w", "x", "y", "z"), answer=(0, 2))
    shown = Shown(q, "Pick", "", ("w", "x", "y", "z"), (0, 1, 2, 3))
    assert check(shown, "a").note == "You missed C."
    assert check(shown, "a,b").note == "You missed C; B is not right."
    assert check(shown, "b,d").note == "You missed A and C; B and D are not right."
    assert check(shown, "a,c").correct and check(shown, "a,c").note == ""


def test_a_wrong_code_output_points_to_the_first_line_that_differs():
    from mlprep.questions.model import _first_difference

    assert _first_difference("1\n2\n4", "1\n2\n3") == "Line 3 differs: you wrote `4`, it prints `3`."
    assert _first_difference("1", "1\n2") == "It prints 2 lines and you gave 1: line 2 is `2`."
    assert "yours has more" in _first_difference("1\n2", "1")


def test_the_quiz_shows_the_detail_of_a_wrong_multi_answer(tmp_path, mlprep_home):
    from tests.helpers import question, write_bank

    bank = write_bank(tmp_path / "m.yaml", [question("mm", "multi", choices=["one", "two", "three"],
                                                     answer=["A", "C"], shuffle=False)], section="mm")
    result = runner.invoke(app, ["quiz", "--bank", str(bank), "--section", "mm"], input="a\n\n")
    assert result.exit_code == 0, result.output
    assert "You missed C." in result.output


# ---------------------------------------------------------------- the question screen

LONG_TITLE = "Probabilistic models, Bayesian inference and the exponential family of distributions"
LONG_CHOICE = ("the direction of steepest *increase* of the loss, which is why gradient descent steps the "
               "other way with **every** update of `theta`")


def _quiz_screen(tmp_path, home, cols: int) -> list[str]:
    pexpect = pytest.importorskip("pexpect")
    import io

    from tests.helpers import question, write_bank

    bank = write_bank(tmp_path / "q.yaml", [question("g1", "mcq", prompt="What does the gradient point to?",
                                                     choices=[LONG_CHOICE, "nothing [bold]at all[/]"],
                                                     shuffle=False)],
                      section="longsec", title=LONG_TITLE)
    env = dict(os.environ, MLPREP_HOME=str(home), TERM="xterm", COLUMNS=str(cols), LINES="24")
    env.pop("NO_COLOR", None)
    child = pexpect.spawn(mlprep_command(), ["quiz", "--bank", str(bank), "--section", "longsec"], env=env,
                          encoding="utf-8", timeout=60, dimensions=(24, cols))
    log = io.StringIO()
    child.logfile_read = log
    child.expect("A-B")
    child.sendline("?")
    child.expect("change the rating")
    child.expect("A-B")
    child.sendline("q")
    child.expect(pexpect.EOF)
    child.close()
    return plain(log.getvalue()).split("\n")


@pytest.mark.parametrize("cols", [80, 50])
def test_question_screen_wraps_choices_under_their_text_and_never_cuts(tmp_path, mlprep_home, cols):
    lines = _quiz_screen(tmp_path, mlprep_home, cols)
    assert_fits([ln for ln in lines if "›" not in ln], cols)
    text = " ".join(" ".join(lines).split())
    assert " ".join(LONG_TITLE.split()) in text  # the section title is whole in the header
    start = next(i for i, ln in enumerate(lines) if ln.startswith("  A) "))
    choice_lines = [lines[start]]
    for ln in lines[start + 1:]:
        if ln.startswith("  B) "):
            break
        choice_lines.append(ln)
    assert len(choice_lines) >= 2
    assert all(ln.startswith("     ") and ln[5] != " " for ln in choice_lines[1:])  # hanging indent
    shown = " ".join(" ".join(ln.strip() for ln in choice_lines)[3:].split())
    assert shown == ("the direction of steepest increase of the loss, which is why gradient descent steps the "
                     "other way with every update of theta")  # inline Markdown drawn, not shown raw
    assert "nothing [bold]at all[/]" in text  # bank text is never Rich markup
    help_lines = lines[next(i for i, ln in enumerate(lines) if ln.startswith("─ help") or "help ─" in ln):]
    help_text = "\n".join(help_lines)
    assert "│" not in help_text  # no box around the help
    for word in ("comma-separated:", "punctuation", "snippet", "Again", "rating"):
        assert word in help_text  # every word whole (wrapped on spaces)


def test_drill_test_lines_give_descriptions_the_width(mlprep_home, tmp_path):
    ws = tmp_path / "workspace"
    ws.mkdir()
    (ws / "softmax.py").write_text("import numpy as np\n\n\ndef softmax(x, axis=-1):\n    e = np.exp(x)\n"
                                   "    return e / e.sum(axis=axis, keepdims=True)\n")
    result = runner.invoke(app, ["drill", "softmax", "--check"], terminal_width=80)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    passed = [ln for ln in lines if "✓" in ln]
    assert passed and all(len(ln.strip("│ ")) > 30 for ln in passed)
    assert any("The example from the task, default axis (each row sums to 1)." in ln for ln in lines)
    assert len([ln for ln in lines if ln.startswith("│")]) < 60


def test_watch_clears_the_screen_and_shows_the_new_verdict(mlprep_home, tmp_path):
    pexpect = pytest.importorskip("pexpect")
    import io

    ws = tmp_path / "ws"
    env = dict(os.environ, MLPREP_HOME=str(mlprep_home), TERM="xterm", COLUMNS="80", LINES="24",
               MLPREP_WORKSPACE=str(ws))
    env.pop("NO_COLOR", None)
    child = pexpect.spawn(mlprep_command(), ["drill", "relu", "--watch"], env=env, encoding="utf-8", timeout=120,
                          dimensions=(24, 80))
    log = io.StringIO()
    child.logfile_read = log
    child.expect("still raises")
    first_clear = log.getvalue().count("\x1b[2J")
    (ws / "relu.py").write_text("import numpy as np\n\n\ndef relu(x):\n    return np.maximum(x, 0)\n")
    child.expect("Well done")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    out = log.getvalue()
    assert first_clear >= 1 and out.count("\x1b[2J") == first_clear + 1  # one clear per grading
    after = plain(out.split("\x1b[2J")[-1])
    assert "still raises" not in after and "Watching" in after  # the old verdict is gone


# ---------------------------------------------------------------- messages wrap on spaces

@pytest.mark.parametrize("cols", [80, 50])
def test_error_messages_wrap_on_spaces_in_a_terminal(mlprep_home, cols):
    lines = [ln for ln in pty_run(["quiz", "--tag", "no-such-tag-at-all"], mlprep_home, cols=cols) if ln.strip()]
    assert_fits(lines, cols)
    piped = runner.invoke(app, ["quiz", "--tag", "no-such-tag-at-all"]).output.strip()
    assert len(piped.splitlines()) == 1  # piped: one line, for scripts
    words = piped.split()
    assert " ".join(" ".join(lines).split()) == " ".join(words)
    tokens = [tok for ln in lines for tok in ln.split()]
    assert tokens == words  # no word was split across two lines


def test_the_mock_report_shows_wrong_questions_whole_with_their_detail(tmp_path, mlprep_home):
    from tests.helpers import question, write_bank

    long_prompt = " ".join(["Which of these statements about regularization hold"] * 6) + "?"
    bank = write_bank(tmp_path / "m.yaml", [question("mm", "multi", prompt=long_prompt,
                                                     choices=["one", "two", "three"], answer=["A", "C"],
                                                     shuffle=False)], section="mrep")
    result = runner.invoke(app, ["mock", "--bank", str(bank), "--section", "mrep", "--minutes", "5"],
                           input="a\n")
    assert result.exit_code == 0, result.output
    report = result.output[result.output.index("Mock interview report"):]
    flat = " ".join(report.replace("│", " ").split())
    assert long_prompt in flat  # whole, not an excerpt
    assert "You missed C." in flat
