"""Mock interviews: choosing questions, timing out, the report and its history, the CLI and a drill."""

from __future__ import annotations

import json
import random
import re
import shutil
from collections import Counter
from datetime import datetime, timedelta, timezone

from fsrs import Rating
from typer.testing import CliRunner

from mlprep.cli.app import app
from mlprep.drills import catalogue as drilllib
from mlprep.questions import bank as banklib
from mlprep.quiz import mock as mocklib
from mlprep.srs import scheduler as sched
from mlprep.store.db import Store
from tests.helpers import question, write_bank

runner = CliRunner()
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)


class FakeClock:
    def __init__(self, start: datetime = NOW):
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def load(*files):
    bank, problems = banklib.check_files(list(files))
    assert not problems
    return bank


def two_sections(tmp_path, n: int = 4):
    """alpha: true/false questions (answer True) and one flashcard; beta: mcq questions (answer A, unshuffled)."""
    a = write_bank(tmp_path / "a.yaml", [question(f"a{i}", "truefalse", difficulty=1 + i % 3, tags=[f"ta{i % 2}"])
                                         for i in range(n)] + [question("a-card", "flashcard")],
                   section="alpha", title="Alpha", order=1)
    b = write_bank(tmp_path / "b.yaml", [question(f"b{i}", "mcq", shuffle=False, tags=["tb"]) for i in range(n)],
                   section="beta", title="Beta", order=2)
    return load(a, b)


def right(q) -> str:
    return "t" if q.type == "truefalse" else "a"


def wrong(q) -> str:
    return "f" if q.type == "truefalse" else "b"


# ---------------------------------------------------------------- the library

def test_time_runs_out_after_k_answers_and_the_report_counts_exactly_k(tmp_path, mlprep_home):
    bank = two_sections(tmp_path)
    clock = FakeClock()
    with Store() as store:
        plan = mocklib.plan_mock(bank, store, clock(), minutes=5, seed=3)
        assert len(plan.questions) == 8  # every objective question fits in 5 minutes x 1.5
        session = mocklib.MockSession(store, bank, sched.make_scheduler(enable_fuzzing=False), plan.questions,
                                      minutes=5, rng=random.Random(3), clock=clock, seed=3)
        expected: dict[str, list[int]] = {"alpha": [0, 0], "beta": [0, 0]}
        for i, q in enumerate(plan.questions[:3]):
            shown = session.show(q)
            clock.advance(40 + 10 * i)
            ok = i != 1
            rec = session.answer(shown, right(q) if ok else wrong(q))
            assert rec is not None and rec.correct is ok
            expected[q.section][0] += 1
            expected[q.section][1] += ok
        # the fourth answer comes in after the deadline: not counted, not reviewed
        shown = session.show(plan.questions[3])
        clock.advance(5 * 60)
        assert session.expired() and session.time_left() == 0
        assert session.answer(shown, right(plan.questions[3])) is None
        report = session.finish()

        assert report["answered"] == 3 and report["correct"] == 2 and report["percent"] == 66.7
        assert report["ended_by"] == "time" and report["unanswered"] == 1 and report["asked"] == 4
        assert report["minutes_planned"] == 5 and report["minutes_used"] == round((150 + 300) / 60, 2)
        per = {s["id"]: [s["answered"], s["correct"]] for s in report["sections"]}
        assert {k: v for k, v in per.items() if v[0]} == {k: v for k, v in expected.items() if v[0]}
        assert report["time"]["mean_seconds"] == 50.0
        assert report["time"]["slowest"][0]["seconds"] == 60.0
        assert [q["seconds"] for q in report["questions"][:3]] == [40.0, 50.0, 60.0]
        [w] = report["wrong"]
        assert w["id"] == plan.questions[1].id and w["expected"] and w["prompt"].startswith("Prompt")
        assert w["tags"] == list(plan.questions[1].tags)
        assert report["review"]["tags"][0]["tag"] in w["tags"]
        from mlprep.cli.mock import review_commands

        assert review_commands(report["review"])[0].startswith("mlprep quiz --tag ")
        assert "commands" not in report["review"]  # the library reports what is weak; the CLI words it

        reviews = store.reviews()
        assert len(reviews) == 3
        assert {r["session_id"] for r in reviews} == {session.session_id}
        assert [r["item_id"] for r in reviews] == [q.id for q in plan.questions[:3]]
        [row] = store.sessions("mock")
        assert row["ended_at"] is not None and json.loads(row["meta_json"]) == report
        assert mocklib.history(store) == [report]
        assert session.finish() is report  # idempotent


def test_list_exhausted_skips_and_history_newest_first(tmp_path, mlprep_home):
    bank = two_sections(tmp_path, n=2)
    clock = FakeClock()
    with Store() as store:
        first = mocklib.MockSession(store, bank, sched.make_scheduler(), [bank.questions["a0"]], minutes=10,
                                    clock=clock)
        first.answer(first.show(bank.questions["a0"]), "t")
        r1 = first.finish()
        assert r1["ended_by"] == "done" and r1["answered"] == 1 and r1["review"] == {"tags": [], "sections": [], "drills": []}
        second = mocklib.MockSession(store, bank, sched.make_scheduler(), [bank.questions["b0"], bank.questions["b1"]],
                                     minutes=10, clock=clock)
        second.skip(second.show(bank.questions["b0"]))
        second.show(bank.questions["b1"])
        r2 = second.finish("quit")
        assert r2["answered"] == 0 and r2["unanswered"] == 2 and r2["percent"] is None
        assert [q["status"] for q in r2["questions"]] == ["skipped", "unanswered"]
        assert r2["review"]["tags"] == [{"tag": "tb", "asked": 1, "missed": 1}]  # passed-over counts, cut does not
        assert [h["session_id"] for h in mocklib.history(store)] == [second.session_id, first.session_id]
        assert store.review_count() == 1


def test_weak_section_is_picked_more_often_no_flashcards_no_repeats(tmp_path, mlprep_home):
    bank = two_sections(tmp_path, n=20)
    s = sched.make_scheduler(enable_fuzzing=False)
    with Store() as store:
        for q in bank.questions.values():
            if q.type == "flashcard":
                continue
            ok = q.section == "beta"  # alpha: every answer wrong; beta: mastered
            sched.review(store, s, item_id=q.id, rating=Rating.Good if ok else Rating.Again,
                         now=NOW - timedelta(hours=2), correct=ok, response_ms=5000, session_id=None,
                         section=q.section)
        weights = mocklib.section_weights(store, bank, NOW)
        assert weights["alpha"] > weights["beta"] >= 0.5
        picks: Counter[str] = Counter()
        for seed in range(30):
            plan = mocklib.plan_mock(bank, store, NOW, minutes=2, seed=seed)
            ids = [q.id for q in plan.questions]
            assert len(ids) == len(set(ids)) >= 3
            assert all(bank.questions[i].type != "flashcard" for i in ids)
            picks.update(bank.questions[i].section for i in ids)
        assert picks["alpha"] > 1.3 * picks["beta"] > 0
        # the same seed and store give the same mock; a long mock takes every objective question once
        assert [q.id for q in mocklib.plan_mock(bank, store, NOW, minutes=2, seed=5).questions] == \
               [q.id for q in mocklib.plan_mock(bank, store, NOW, minutes=2, seed=5).questions]
        everything = mocklib.plan_mock(bank, store, NOW, minutes=600, seed=1).questions
        assert sorted(q.id for q in everything) == sorted(i for i, q in bank.questions.items() if q.type != "flashcard")
        assert {q.section for q in mocklib.plan_mock(bank, store, NOW, minutes=60, sections=["beta"]).questions} \
            == {"beta"}


def test_unseen_sections_are_weak_ish_and_every_section_can_appear(tmp_path, mlprep_home):
    bank = two_sections(tmp_path, n=6)
    with Store() as store:
        weights = mocklib.section_weights(store, bank, NOW)
        assert weights == {"alpha": 1.15, "beta": 1.15}
        sections = {q.section for q in mocklib.plan_mock(bank, store, NOW, minutes=3, seed=0).questions}
        assert sections == {"alpha", "beta"}


def test_choose_drill_prefers_due_then_unpassed_from_weakest_section(mlprep_home):
    bank = banklib.load_bank()
    drills = drilllib.load_drills(strict=False)
    with Store() as store:
        chosen = mocklib.choose_drill(store, drills, bank, NOW, sections=["metrics"])
        assert chosen is not None and chosen.section == "metrics" and chosen.slug in drills
        s = sched.make_scheduler(enable_fuzzing=False)
        sched.review(store, s, item_id="drill:knn", rating=Rating.Again, now=NOW - timedelta(days=3), correct=False,
                     response_ms=None, session_id=None, section="from-scratch", kind="drill")
        assert mocklib.choose_drill(store, drills, bank, NOW).slug == "knn"


# ---------------------------------------------------------------- the CLI

def cli_bank(tmp_path):
    """Four true/false questions (answer True) in a section of their own."""
    return write_bank(tmp_path / "mock.yaml", [question(f"m{i}", "truefalse", prompt=f"Statement {i}?",
                                                        tags=[f"tag{i}"]) for i in range(4)],
                      section="mockonly", title="Mock only")


def mock_args(path, *more: str) -> list[str]:
    return ["mock", "--bank", str(path), "--section", "mockonly", "--minutes", "5", "--seed", "1", *more]


def test_cli_mock_gives_no_feedback_until_the_report(tmp_path, mlprep_home):
    path = cli_bank(tmp_path)
    result = runner.invoke(app, mock_args(path), input="t\nf\nt\nt\n")
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert "5 minutes" in out and "No feedback until the end" in out
    before, _, after = out.partition("Mock interview report")
    assert after, out
    for word in ("Correct", "Wrong", "Not quite", "✓", "✗"):
        assert word not in before
    assert len(re.findall(r"⏱ 0[45]:\d\d left", before)) == 4  # the time left in every question header
    assert before.count("Noted.") == 4
    assert "Score 3/4 (75%)" in after and "all questions done" in after
    assert "Mock only" in after and "Wrong answers (1)" in after and "Answer: True" in after
    assert "mlprep quiz --tag tag" in after
    with Store() as store:
        reviews = store.reviews()
        [row] = store.sessions("mock")
    assert len(reviews) == 4 and {r["session_id"] for r in reviews} == {row["id"]}

    hist = runner.invoke(app, ["mock", "--history"])
    assert hist.exit_code == 0, hist.output
    assert "3/4 75%" in hist.output and "mockonly 3/4" in hist.output
    js = runner.invoke(app, ["mock", "--history", "--json"])
    assert js.exit_code == 0
    [report] = json.loads(js.stdout)
    assert report["answered"] == 4 and report["correct"] == 3 and report["sections"][0]["id"] == "mockonly"


def test_cli_q_stops_early_and_keeps_answers(tmp_path, mlprep_home):
    path = cli_bank(tmp_path)
    result = runner.invoke(app, mock_args(path), input="t\nq\n")
    assert result.exit_code == 0, result.output
    assert "Mock stopped" in result.output and "stopped early" in result.output
    assert "Score 1/1 (100%)" in result.output and "unanswered 1" in result.output
    with Store() as store:
        assert store.review_count() == 1
        assert mocklib.history(store)[0]["ended_by"] == "quit"


def test_cli_eof_ends_the_mock_cleanly(tmp_path, mlprep_home):
    path = cli_bank(tmp_path)
    result = runner.invoke(app, mock_args(path), input="t\n")
    assert result.exit_code == 0, result.output
    assert "Score 1/1" in result.output


def test_cli_bad_options_are_clear_errors(tmp_path, mlprep_home):
    path = cli_bank(tmp_path)
    bad = runner.invoke(app, mock_args(path, "--section", "nope"))
    assert bad.exit_code == 1 and "'nope': no such section" in bad.output
    bad = runner.invoke(app, mock_args(path, "--drill-name", "nosuchdrill"))
    assert bad.exit_code == 2 and "--drill-name: no drill called 'nosuchdrill'" in bad.output
    bad = runner.invoke(app, ["mock", "--json"])
    assert bad.exit_code == 1 and "--history" in bad.output
    assert runner.invoke(app, ["mock", "--minutes", "0"]).exit_code == 2
    empty = runner.invoke(app, ["mock", "--history"])
    assert empty.exit_code == 0 and "No mock interviews yet" in empty.output
    assert json.loads(runner.invoke(app, ["mock", "--history", "--json"]).stdout) == []


def test_cli_drill_reference_solution_passes_in_the_report(tmp_path, mlprep_home, monkeypatch):
    from mlprep.cli import quiz as cli_quiz

    path = cli_bank(tmp_path)
    drill = drilllib.load_drills(strict=False)["mse"]
    target = drilllib.workspace_file(drill)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("# an old attempt, replaced by the starter when the mock begins\n", encoding="utf-8")
    real_read = cli_quiz._read

    def write_then_read(prompt, reader):  # the candidate writes the solution while the drill prompt waits
        if "hand in" in prompt and "TODO" in target.read_text(encoding="utf-8"):
            shutil.copy(drill.solution, target)
        return real_read(prompt, reader)

    monkeypatch.setattr(cli_quiz, "_read", write_then_read)
    result = runner.invoke(app, mock_args(path, "--drill-name", "mse"), input="\nt\nt\nt\nt\n")
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())  # Rich may wrap the long path
    before, _, after = out.partition("Mock interview report")
    assert "Mean squared error" in before and str(target) in "".join(result.output.split())
    assert "Well done" not in before and "tests passed" not in before
    assert "Drill Mean squared error (mse): passed" in after and "Score 4/4" in after
    assert "an old attempt" in target.with_suffix(".py.bak").read_text(encoding="utf-8")
    with Store() as store:
        [attempt] = store.attempts("mse")
        [row] = store.sessions("mock")
        drill_reviews = [r for r in store.reviews() if r["item_id"] == "drill:mse"]
        report = mocklib.history(store)[0]
    assert attempt["passed"] == 1
    assert [r["session_id"] for r in drill_reviews] == [row["id"]]
    assert report["drill"]["status"] == "passed" and report["drill"]["tests_passed"] == report["drill"]["tests_total"]


def test_cli_drill_broken_grading_run_is_no_result_and_can_be_handed_in_again(tmp_path, mlprep_home, monkeypatch):
    from mlprep.sandbox import grader

    path = cli_bank(tmp_path)
    real_grade, calls = grader.grade, []

    def broken_once(drill, file, **kwargs):  # the first grading run breaks (as when a process dies)
        calls.append(file)
        if len(calls) == 1:
            return grader.not_graded(drill, file, "the grading process ended unexpectedly (exit code -9)")
        return real_grade(drill, file, **kwargs)

    monkeypatch.setattr(grader, "grade", broken_once)
    result = runner.invoke(app, mock_args(path, "--drill-name", "mse"), input="\n\n\nt\nq\n")
    assert result.exit_code == 0, result.output
    before, _, after = " ".join(result.output.split()).partition("Mock interview report")
    assert "Grading did not finish" in before and "hand it in again" in before
    assert len(calls) == 2 and "Drill Mean squared error (mse): not passed" in after
    with Store() as store:
        assert len(store.attempts("mse")) == 1  # the broken run recorded nothing


def test_cli_drill_skip(tmp_path, mlprep_home):
    path = cli_bank(tmp_path)
    result = runner.invoke(app, mock_args(path, "--drill-name", "mse"), input="s\nt\nq\n")
    assert result.exit_code == 0, result.output
    assert "Drill skipped" in result.output and "skipped" in result.output.partition("Mock interview report")[2]
    with Store() as store:
        assert store.attempts("mse") == []
        assert mocklib.history(store)[0]["drill"]["status"] == "skipped"


# ---------------------------------------------------------------- the countdown

class _Deadline:
    """Stands in for a MockSession: only the clock matters to the countdown."""

    def __init__(self, seconds: float):
        import time

        self.end = time.monotonic() + seconds

    def time_left(self) -> float:
        import time

        return max(0.0, self.end - time.monotonic())

    def expired(self) -> bool:
        return self.time_left() <= 0


def test_countdown_interrupts_a_blocking_read_as_time_up(capsys):
    import time

    import pytest

    from mlprep.cli import mock as cli_mock

    countdown = cli_mock.Countdown(_Deadline(0.6), live=True)
    reader = cli_mock._timed_reader(countdown, lambda prompt: time.sleep(20) or "late")
    countdown.start()
    started = time.monotonic()
    try:
        with pytest.raises(cli_mock.TimeUp):
            reader("› ")
    finally:
        countdown.stop()
    assert time.monotonic() - started < 5
    assert "\x1b7" not in capsys.readouterr().out  # nothing is drawn behind the user's back
    with pytest.raises(cli_mock.TimeUp):  # once expired, no more reads
        reader("› ")


def test_user_ctrl_c_is_not_time_up():
    import pytest

    from mlprep.cli import mock as cli_mock

    def interrupted(prompt: str) -> str:
        raise KeyboardInterrupt

    countdown = cli_mock.Countdown(_Deadline(600), live=False)
    with pytest.raises(KeyboardInterrupt):
        cli_mock._timed_reader(countdown, interrupted)("› ")
    assert cli_mock.clock_text(61.2) == "01:02" and cli_mock.clock_text(-3) == "00:00"


def test_pty_answer_then_ctrl_c_keeps_the_answer(tmp_path, mlprep_home):
    import pytest

    pytest.importorskip("pexpect")
    import pexpect

    from tests.test_e2e_pty import spawn

    path = cli_bank(tmp_path)
    child = spawn(["mock", "--bank", str(path), "--section", "mockonly", "--minutes", "1", "--seed", "2"],
                  mlprep_home)
    child.expect("Mock interview")
    child.expect(r"⏱ (\d\d:\d\d) left")  # the clock in the question header ...
    header = child.match.group(1)
    child.expect(r"⏱\S* (\d\d:\d\d)")  # ... and the same time in the prompt under it
    assert child.match.group(1) == header
    child.expect("t/f")
    child.sendline("t")
    child.expect("Noted")
    child.expect("t/f")
    child.sendintr()  # Ctrl-C
    child.expect("Mock stopped")
    child.expect("Mock interview report")
    child.expect(r"Score\S*\s+\S*1/1")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    with Store(mlprep_home / "mlprep.sqlite3") as store:
        [report] = mocklib.history(store)
        assert store.review_count() == 1
    assert report["ended_by"] == "quit" and report["answered"] == 1 and report["unanswered"] == 1


def test_cli_help_key_and_eof_at_the_drill_prompt(tmp_path, mlprep_home):
    path = cli_bank(tmp_path)
    result = runner.invoke(app, mock_args(path), input="?\nt\nq\n")
    assert result.exit_code == 0, result.output
    assert "skip this question" in result.output and "Score 1/1" in result.output
    result = runner.invoke(app, mock_args(path, "--drill-name", "mse"), input="")
    assert result.exit_code == 0, result.output
    # quit at once: no empty 0/0 mock in the history
    assert "left out of your history" in result.output and "Mock interview report" not in result.output
    with Store() as store:
        assert len(mocklib.history(store)) == 1
    result = runner.invoke(app, mock_args(path, "--drill-name", "mse"), input="\n\nt\nq\n")
    assert result.exit_code == 0, result.output
    assert "Mock interview report" in result.output and "mlprep drill mse" in result.output
