"""Study notes: `mlprep learn` (listing, a section, a tag, a topic, unknown names), notes beside user banks,
the quiz's `l` and `p` keys, and the notes a failed drill names."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from mlprep import paths
from mlprep.cli.app import app
from mlprep.questions import bank as banklib
from mlprep.questions.topics import load_notes, parse
from mlprep.store.db import Store
from tests.helpers import question, write_bank

runner = CliRunner()

USER_NOTES = """# Widgets

Intro to widgets.

## Sprockets
Tags: sprocket,
  gear

Sprockets mesh with [gears](https://example.com/gears).

Practice: `mlprep quiz --tag sprocket`

## Springs
Tags: spring

A spring stores energy.

Practice: `mlprep quiz --tag spring`
"""


def widget_bank(tmp_path: Path) -> Path:
    folder = tmp_path / "mybanks"
    write_bank(folder / "widgets.yaml", [
        question("w-sprocket", "truefalse", tags=["sprocket"], prompt="Do sprockets mesh?"),
        question("w-gear", "mcq", tags=["gear", "spring"], prompt="Which gear?", shuffle=False),
        question("w-spring", "truefalse", tags=["spring"], prompt="Does a spring store energy?"),
        question("w-lone", "truefalse", tags=["lonely"], prompt="No topic has my tag?"),
    ], section="widgets", title="Widgets")
    (folder / "notes").mkdir()
    (folder / "notes" / "widgets.md").write_text(USER_NOTES, encoding="utf-8")
    return folder


def test_parse_splits_topics_and_continued_tags(tmp_path):
    f = tmp_path / "widgets.md"
    f.write_text(USER_NOTES, encoding="utf-8")
    notes = parse(f)
    assert notes.title == "Widgets" and notes.intro.strip() == "Intro to widgets."
    assert [t.title for t in notes.topics] == ["Sprockets", "Springs"]
    assert notes.topics[0].tags == ("sprocket", "gear") and notes.topics[0].ref == "widgets/sprockets"
    assert notes.topics[0].text.startswith("## Sprockets") and "Practice:" in notes.topics[0].text


def test_every_builtin_section_has_notes_with_topics():
    bank = banklib.load_bank()
    notes = load_notes(bank)
    assert list(notes.sections) == list(bank.sections)
    assert all(s.topics for s in notes.sections.values())
    page = notes.page("adam")
    assert page.kind == "tag" and all("adam" in t.tags for t in page.topics)


def test_learn_lists_sections_tags_and_mastery():
    result = runner.invoke(app, ["learn"])
    assert result.exit_code == 0, result.output
    bank = banklib.load_bank()
    for sid in bank.sections:
        assert f"\n{sid}  " in result.output
    assert "mastery 0%" in result.output and "bias-correction" in result.output
    assert "mlprep learn SECTION" in result.output


def test_learn_listing_shows_mastery_after_reviews(tmp_path):
    folder = widget_bank(tmp_path)
    for answer in ("t", "t"):
        runner.invoke(app, ["quiz", "--bank", str(folder), "--id", "w-sprocket"], input=f"{answer}\n\n")
    result = runner.invoke(app, ["learn", "--bank", str(folder)])
    # one question of four recalled with probability ~1: 25% of the section
    line = next(line for line in result.output.splitlines() if line.startswith("widgets  "))
    assert "2 topics · 4 questions · mastery 25%" in line
    (folder / "notes" / "widgets.md").unlink()
    bare = runner.invoke(app, ["learn", "--bank", str(folder)])
    assert "No notes yet: widgets" in bare.output and "\nwidgets  " not in bare.output


def test_learn_section_prints_the_notes_plainly_when_piped_within_80_columns():
    result = runner.invoke(app, ["learn", "optimizers"])
    assert result.exit_code == 0, result.output
    text = (paths.content_dir() / "notes" / "optimizers.md").read_text(encoding="utf-8")
    body = result.output.split("\n", 1)[1]
    assert body.strip() == text.strip()
    assert result.output.startswith("optimizers: ") and "mastery 0% of" in result.output
    assert "\x1b[" not in result.output
    assert max(len(line) for line in body.splitlines()) <= 80


def test_learn_tag_shows_only_the_topics_tagged_with_it():
    result = runner.invoke(app, ["learn", "bias-correction"])
    assert result.exit_code == 0, result.output
    assert "## Adam and its bias correction" in result.output
    heads = [line for line in result.output.splitlines() if line.startswith("## ")]
    notes = load_notes(banklib.load_bank())
    assert heads == [f"## {t.title}" for t in notes.with_tag("bias-correction")]


def test_learn_a_topic_by_its_reference_or_a_unique_prefix():
    full = runner.invoke(app, ["learn", "optimizers/adam-and-its-bias-correction"])
    short = runner.invoke(app, ["learn", "optimizers/adam-and-its"])
    assert full.exit_code == 0 and full.output == short.output
    assert full.output.count("\n## ") == 1


def test_unknown_topic_is_an_error_with_close_matches():
    result = runner.invoke(app, ["learn", "adma"])
    assert result.exit_code == 1
    assert "topic 'adma': no section, tag or topic has notes by this name. Did you mean adam" in result.output
    result = runner.invoke(app, ["learn", "zzzz-nothing"])
    assert result.exit_code == 1 and "mlprep learn" in result.output


def test_user_notes_beside_a_bank_folder_are_read_and_linted(tmp_path):
    folder = widget_bank(tmp_path)
    result = runner.invoke(app, ["learn", "--bank", str(folder), "gear"])
    assert result.exit_code == 0, result.output
    assert "## Sprockets" in result.output and "## Springs" not in result.output
    assert "(https://example.com/gears)" in result.output  # links keep their targets
    lone = runner.invoke(app, ["learn", "--bank", str(folder), "lonely"])
    assert lone.exit_code == 1 and "no notes topic covers this tag" in lone.output
    assert "mlprep learn widgets" in lone.output
    assert runner.invoke(app, ["content", "lint", str(folder)]).exit_code == 0
    (folder / "notes" / "widgets.md").write_text(USER_NOTES.replace("Tags: spring", "Tags: spring, cog"))
    bad = runner.invoke(app, ["content", "lint", str(folder)])
    assert bad.exit_code == 1 and "'cog' is not used by any question of the widgets section" in bad.output


def test_notes_in_the_user_banks_folder_are_loaded_and_linted(mlprep_home, tmp_path):
    folder = widget_bank(tmp_path)
    user = paths.user_banks_dir()
    user.mkdir(parents=True)
    (user / "widgets.yaml").write_text((folder / "widgets.yaml").read_text())
    (user / "notes").mkdir()
    (user / "notes" / "widgets.md").write_text(USER_NOTES.replace("Tags: spring", "Tags: spring, cog"))
    assert "## Springs" in runner.invoke(app, ["learn", "spring"]).output
    bad = runner.invoke(app, ["content", "lint"])
    assert bad.exit_code == 1 and "'cog' is not used" in bad.output
    assert "has no study notes" not in bad.output  # user sections need no notes


def test_quiz_l_after_a_wrong_answer_opens_the_topic_then_returns(tmp_path):
    folder = widget_bank(tmp_path)
    # w-gear: a wrong answer (B), then l, then Enter; then the next question is asked
    result = runner.invoke(app, ["quiz", "--bank", str(folder), "--id", "w-gear", "--id", "w-spring"],
                           input="b\nl\n\nt\n\nq\n")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "l learn" in out
    assert "Notes for w-gear · later: mlprep learn widgets/sprockets" in out  # the topic sharing most tags
    assert out.index("## Sprockets") < out.index("Back to the quiz.") < out.index("Does a spring store energy?")
    with Store() as store:
        assert [r["item_id"] for r in store.reviews()] == ["w-gear", "w-spring"]


def test_quiz_l_falls_back_to_the_section_notes(tmp_path):
    folder = widget_bank(tmp_path)
    result = runner.invoke(app, ["quiz", "--bank", str(folder), "--id", "w-lone"], input="f\nl\n\n")
    assert "later: mlprep learn widgets" in result.output and "## Springs" in result.output


def test_quiz_p_shows_the_previous_question_read_only(tmp_path):
    folder = widget_bank(tmp_path)
    script = "p\nt\n\np\nt\np\n\nq\n"
    result = runner.invoke(app, ["quiz", "--bank", str(folder), "--id", "w-sprocket", "--id", "w-spring",
                                 "--id", "w-lone"], input=script)
    out = result.output
    assert "There is no previous question in this session yet." in out
    previous = out.split("Previous question · w-sprocket", 1)[1]
    assert "You:    t (right)" in previous and "Answer: True" in previous
    # after the panel the current question is shown again, then answered
    assert previous.index("Does a spring store energy?") < previous.index("✓ Correct")
    # p in the feedback keys shows the one before the question just answered
    assert out.count("Previous question · w-sprocket") == 2
    with Store() as store:
        assert [r["item_id"] for r in store.reviews()] == ["w-sprocket", "w-spring"]  # nothing re-rated


def test_a_failed_drill_names_the_notes_to_read(capsys):
    from mlprep.cli import drill as cli_drill
    from mlprep.drills.catalogue import load_drills
    from mlprep.questions.topics import load_notes

    bank = banklib.load_bank()
    drill = load_drills()["adam"]
    with Store() as store:
        cli_drill.render_related(drill, bank, store)
    out = capsys.readouterr().out
    page = load_notes(bank).for_tags(drill.tags, drill.section)
    assert page is not None and f"Read the notes: mlprep learn {page.name}" in out
    assert runner.invoke(app, ["learn", page.name]).exit_code == 0
