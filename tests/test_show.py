"""`mlprep show ID` (answer, history, schedule, parametric template) and `mlprep quiz --id / --type`."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from fsrs import Rating, Scheduler
from typer.testing import CliRunner

from mlprep.cli.app import app
from mlprep.questions import bank as banklib
from mlprep.quiz.lookup import find_questions, record
from mlprep.srs import scheduler as sched
from mlprep.store.db import Store
from tests.helpers import question, write_bank

runner = CliRunner()


def small_bank(tmp_path):
    return write_bank(tmp_path / "b.yaml", [
        question("s-mcq", "mcq", prompt="Which is [bold]right[/bold]?", choices=["right", "wrong", "other"],
                 answer="A", explanation="Because *right* is right."),
        question("s-tf", "truefalse", prompt="Is it true?"),
        question("s-num", "numeric", prompt="Half of {{ x }}?", params={"x": {"min": 2, "max": 20}},
                 answer="x / 2", explanation="{{ x }} / 2 = {{ answer }}."),
        question("s-code", "code_output", prompt="What prints?"),
        question("s-card", "flashcard", prompt="Front?"),
    ], section="small", title="Small")


def test_show_a_new_question_prints_answer_explanation_and_no_history(tmp_path):
    path = small_bank(tmp_path)
    result = runner.invoke(app, ["show", "--bank", str(path), "s-mcq"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("s-mcq  mcq  ●○○\nSmall (small) · tags: test")
    assert "Which is [bold]right[/bold]?" in out  # bank text is never markup
    assert "A) right" in out and "B) wrong" in out  # in the bank's order
    assert "Answer: A) right" in out and "Because right is right." in out
    assert "Never reviewed: it is new." in out


def test_show_lists_reviews_and_the_schedule(tmp_path):
    path = small_bank(tmp_path)
    bank = banklib.load_bank([path])
    scheduler = Scheduler(enable_fuzzing=False)
    t0 = datetime.now(timezone.utc) - timedelta(days=3)
    with Store() as store:
        sid = store.start_session("quiz")
        sched.review(store, scheduler, item_id="s-tf", rating=Rating.Again, now=t0, correct=False, response_ms=4200,
                     session_id=sid, section="small")
        sched.review(store, scheduler, item_id="s-tf", rating=Rating.Good, now=t0 + timedelta(minutes=10),
                     correct=True, response_ms=1500, session_id=sid, section="small")
        rec = record(store, scheduler, bank.questions["s-tf"], datetime.now(timezone.utc))
    assert [r.rating for r in rec.reviews] == [1, 3] and [r.correct for r in rec.reviews] == [False, True]
    assert rec.state in ("learning", "review") and rec.recall is not None and 0 < rec.recall <= 1
    result = runner.invoke(app, ["show", "--bank", str(path), "s-tf"])
    out = result.output
    assert "2 reviews" in out and "Again" in out and "Good" in out and "wrong" in out and "right" in out
    assert "4.2 s" in out and "quiz" in out
    assert f"{(t0 + timedelta(minutes=10)).astimezone():%Y-%m-%d}" in out
    assert "Schedule: state " in out and "stability " in out and f"recall now {100 * rec.recall:.0f}%" in out


def test_show_a_parametric_question_gives_the_template_and_one_draw(tmp_path):
    path = small_bank(tmp_path)
    result = runner.invoke(app, ["show", "--bank", str(path), "s-num", "--seed", "3"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Template" in out and "Half of {{x}}?" in out and "min 2" in out and "answer = x / 2" in out
    assert "One draw" in out
    draw = out.split("One draw", 1)[1]
    x = int(draw.split("Half of ", 1)[1].split("?", 1)[0])
    assert 2 <= x <= 20 and f"Answer: {x / 2:g}" in draw


def test_show_unknown_id_suggests_close_ones(tmp_path):
    path = small_bank(tmp_path)
    result = runner.invoke(app, ["show", "--bank", str(path), "s-mqc"])
    assert result.exit_code == 1
    assert "--id 's-mqc': no question has this id." in result.output and "Did you mean s-mcq" in result.output


def test_find_questions_names_every_unknown_id(tmp_path):
    bank = banklib.load_bank([small_bank(tmp_path)])
    assert [q.id for q in find_questions(bank, ["s-tf", "s-mcq", "s-tf"])] == ["s-tf", "s-mcq"]
    try:
        find_questions(bank, ["s-tf", "nope-1", "nope-2"])
    except Exception as exc:  # noqa: BLE001
        assert "'nope-1', 'nope-2'" in str(exc)
    else:
        raise AssertionError("unknown ids must raise")


def test_quiz_id_asks_exactly_these_in_order(tmp_path):
    path = small_bank(tmp_path)
    result = runner.invoke(app, ["quiz", "--bank", str(path), "--id", "s-tf", "--id", "s-mcq"],
                           input="t\n\na\n\n")
    assert result.exit_code == 0, result.output
    assert "2 questions: 0 seen, 2 new." in result.output
    assert result.output.index("Is it true?") < result.output.index("Which is [bold]right[/bold]?")
    with Store() as store:
        assert [r["item_id"] for r in store.reviews()] == ["s-tf", "s-mcq"]


def test_quiz_id_errors(tmp_path):
    path = small_bank(tmp_path)
    bad = runner.invoke(app, ["quiz", "--bank", str(path), "--id", "s-tf", "--id", "zz-a", "--id", "zz-b"])
    assert bad.exit_code == 1 and "'zz-a', 'zz-b'" in bad.output
    mixed = runner.invoke(app, ["quiz", "--bank", str(path), "--id", "s-tf", "--section", "small"])
    assert mixed.exit_code == 1 and "--id picks the questions itself; drop --section" in mixed.output


def test_quiz_type_filters_by_format_and_combines_with_section(tmp_path):
    path = small_bank(tmp_path)
    result = runner.invoke(app, ["quiz", "--bank", str(path), "--section", "small", "--type", "truefalse",
                                 "--type", "mcq"], input="a\n\nt\n\n")  # new ones in bank order
    assert result.exit_code == 0, result.output
    assert "2 questions" in result.output
    with Store() as store:
        assert sorted(r["item_id"] for r in store.reviews()) == ["s-mcq", "s-tf"]
    code = runner.invoke(app, ["quiz", "--type", "code_output", "-n", "1", "--seed", "1"], input="q\n")
    assert code.exit_code == 0 and "what it prints" in code.output
    bad = runner.invoke(app, ["quiz", "--type", "code-output"])
    assert bad.exit_code == 1
    assert "--type 'code-output': no such question type." in bad.output and "code_output" in bad.output
