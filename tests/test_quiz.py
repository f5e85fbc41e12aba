"""Quiz sessions: ordering, filters, answering through the CLI with scripted input, quitting safely."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

from fsrs import Rating
from typer.testing import CliRunner

from mlprep.cli.app import app
from mlprep.questions import bank as banklib
from mlprep.quiz import session as quizlib
from mlprep.srs import scheduler as sched
from mlprep.store.db import Store
from tests.helpers import question, write_bank

runner = CliRunner()
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)


def two_section_bank(tmp_path):
    """A bank of only these two files (no built-in content)."""
    a = write_bank(tmp_path / "a.yaml", [question(f"a{i}", "truefalse", difficulty=1 + i % 3) for i in range(4)],
                   section="alpha", title="Alpha", order=1)
    b = write_bank(tmp_path / "b.yaml", [question(f"b{i}", "truefalse") for i in range(4)],
                   section="beta", title="Beta", order=2)
    bank, problems = banklib.check_files([a, b])
    assert not problems
    return bank


def test_new_cards_interleave_sections_easiest_first(tmp_path, mlprep_home):
    bank = two_section_bank(tmp_path)
    with Store() as store:
        plan = quizlib.select_questions(bank, store, NOW, limit=6, new_limit=6)
    ids = [q.id for q in plan.questions]
    assert ids[:4] == ["a0", "b0", "a3", "b1"]  # alternating sections; a0, a3 are difficulty 1
    assert len(ids) == 6 and plan.new_total >= 8


def test_due_cards_first_most_overdue_first(tmp_path, mlprep_home):
    bank = two_section_bank(tmp_path)
    s = sched.make_scheduler(enable_fuzzing=False)
    with Store() as store:
        for qid, ago in (("b2", 2), ("a1", 5)):
            sched.review(store, s, item_id=qid, rating=Rating.Again, now=NOW - timedelta(days=ago), correct=False,
                         response_ms=1, session_id=None, section="x")
        plan = quizlib.select_questions(bank, store, NOW, limit=4, new_limit=10)
        assert [q.id for q in plan.questions][:2] == ["a1", "b2"]
        only = quizlib.select_questions(bank, store, NOW, limit=10, review_only=True)
        assert [q.id for q in only.questions] == ["a1", "b2"]
        assert plan.due_total == 2


def test_limits_and_filters(tmp_path, mlprep_home):
    bank = two_section_bank(tmp_path)
    with Store() as store:
        assert len(quizlib.select_questions(bank, store, NOW, limit=3, new_limit=10).questions) == 3
        assert len(quizlib.select_questions(bank, store, NOW, limit=20, new_limit=2).questions) == 2
        f = quizlib.Filters(sections=["beta"])
        assert {q.section for q in quizlib.select_questions(bank, store, NOW, f, new_limit=10).questions} == {"beta"}
        f = quizlib.Filters(difficulty=[2])
        assert [q.id for q in quizlib.select_questions(bank, store, NOW, f, new_limit=10).questions] == ["a1"]


def test_session_records_each_answer_and_supports_rerate_and_undo(tmp_path, mlprep_home):
    bank = two_section_bank(tmp_path)
    with Store() as store:
        session = quizlib.QuizSession(store, bank, sched.make_scheduler(enable_fuzzing=False), rng=random.Random(0))
        shown = session.show(bank.questions["a0"])
        fb = session.answer(shown, "t", seconds=30)
        assert fb.correct and fb.rating == Rating.Good
        assert store.review_count() == 1
        fb2 = session.rerate(Rating.Hard)
        assert fb2.rating == Rating.Hard and store.review_count() == 1
        assert store.reviews()[0]["rating"] == 2
        session.undo_last()
        assert store.review_count() == 0 and store.card_json("a0") is None
        shown = session.show(bank.questions["b0"])
        assert session.answer(shown, "f", seconds=2).correct is False
        summary = session.finish()
        assert summary.answered == 1 and summary.correct == 0
        assert summary.per_section["beta"] == ("Beta", 1, 0)


SEVEN = ["mcq", "multi", "truefalse", "numeric", "short", "flashcard", "code_output"]


def seven_type_bank(tmp_path):
    qs = [question(f"q-{t}", t, shuffle=False) if t in ("mcq", "multi") else question(f"q-{t}", t) for t in SEVEN]
    return write_bank(tmp_path / "seven.yaml", qs, section="seven", title="Seven types")


def test_cli_quiz_all_seven_types_with_piped_input(tmp_path, mlprep_home):
    path = seven_type_bank(tmp_path)
    # answers in the order the quiz asks them (one section, file order, all difficulty 1)
    script = "\n".join(["a", "", "a,c", "", "t", "", "1/2", "", "gradient descnt", "", "", "3", "", "2", ""]) + "\n"
    result = runner.invoke(app, ["quiz", "--bank", str(path), "--section", "seven", "--seed", "1"], input=script)
    assert result.exit_code == 0, result.output
    assert result.output.count("✓ Correct") == 6
    assert "Score 7/7" in result.output
    with Store() as store:
        assert store.review_count() == 7
        ratings = {r["item_id"]: r["rating"] for r in store.reviews()}
    assert ratings["q-flashcard"] == 3


def test_cli_quiz_invalid_input_reasks(tmp_path, mlprep_home):
    path = seven_type_bank(tmp_path)
    script = "zzz\n9\na\n\nq\n"
    result = runner.invoke(app, ["quiz", "--bank", str(path), "--section", "seven"], input=script)
    assert result.exit_code == 0
    assert "Type a letter A-B" in result.output
    assert "Score 1/1" in result.output


def test_cli_quiz_eof_mid_session_saves_answers(tmp_path, mlprep_home):
    path = seven_type_bank(tmp_path)
    result = runner.invoke(app, ["quiz", "--bank", str(path), "--section", "seven"], input="a\n\nc\n")
    assert result.exit_code == 0
    assert "Session ended" in result.output and "Session summary" in result.output
    with Store() as store:
        assert store.review_count() == 2  # each answer is committed as soon as it is checked


def test_cli_quiz_help_skip_quit(tmp_path, mlprep_home):
    path = seven_type_bank(tmp_path)
    result = runner.invoke(app, ["quiz", "--bank", str(path), "--section", "seven"], input="?\ns\nq\n")
    assert result.exit_code == 0
    assert "Answering" in result.output and "Skipped" in result.output and "skipped 1" in result.output


def test_cli_quiz_undo_key(tmp_path, mlprep_home):
    path = seven_type_bank(tmp_path)
    result = runner.invoke(app, ["quiz", "--bank", str(path), "--section", "seven"], input="b\nu\na\n\nq\n")
    assert "Undone" in result.output
    with Store() as store:
        rows = store.reviews()
    assert len(rows) == 1 and rows[0]["correct"] == 1


def test_cli_quiz_nothing_due_message(tmp_path, mlprep_home):
    path = write_bank(tmp_path / "one.yaml", [question("only", "truefalse")], section="one")
    runner.invoke(app, ["quiz", "--bank", str(path), "--section", "one"], input="t\n\n")
    result = runner.invoke(app, ["quiz", "--bank", str(path), "--section", "one"])
    assert result.exit_code == 0
    assert "All caught up" in result.output and "next card is due" in result.output


def test_cli_quiz_bad_filters_are_clean_errors(mlprep_home):
    result = runner.invoke(app, ["quiz", "--section", "nope"])
    assert result.exit_code == 1 and "no such section" in result.output and "metrics" in result.output
    result = runner.invoke(app, ["quiz", "--tag", "precison"])
    assert result.exit_code == 1 and "precision" in result.output
    result = runner.invoke(app, ["quiz", "--difficulty", "7"])
    assert result.exit_code == 1


def test_user_banks_folder_is_loaded(tmp_path, mlprep_home):
    write_bank(mlprep_home / "banks" / "mine.yaml", [question("mine-1", "truefalse")], section="mine")
    result = runner.invoke(app, ["quiz", "--section", "mine"], input="t\n\n")
    assert result.exit_code == 0 and "Score 1/1" in result.output


def test_wrong_answer_comes_back_once_at_the_end(tmp_path, mlprep_home):
    path = write_bank(tmp_path / "again.yaml", [question("again-1", "truefalse"), question("again-2", "truefalse")],
                      section="again")
    # wrong, right, then the first one again (right this time); then nothing more
    result = runner.invoke(app, ["quiz", "--bank", str(path), "--section", "again"], input="f\n\nt\n\nt\n\n")
    assert result.exit_code == 0, result.output
    assert "3/3" in result.output and "comes back once more" in result.output
    assert "Score 2/3" in result.output
    with Store() as store:
        assert [r["item_id"] for r in store.reviews()] == ["again-1", "again-2", "again-1"]
