"""Export of the questions with their progress: CSV, JSON and an Anki deck."""

from __future__ import annotations

import io
import json
import sqlite3
import sys
import zipfile
from datetime import datetime

import pandas as pd
import pytest
from fsrs import Card, Scheduler
from typer.testing import CliRunner

from mlprep.cli.app import app
from mlprep.progress import export as export
from mlprep.questions.bank import load_bank
from mlprep.store.db import Store, iso
from tests.helpers import question, write_bank
from tests.test_backup import NOW, make_history

runner = CliRunner()


@pytest.fixture
def history():
    with Store() as store:
        ids = make_history(store)
        cards = {r["item_id"]: r["card_json"] for r in store.db.execute("SELECT item_id, card_json FROM cards")}
    return ids, cards


def expected_progress(ids):
    """(reviews, lapses, correct, state) of the questions make_history reviewed."""
    return {ids["lapsed"]: (3, 1, 0, "relearning"), ids["learning"]: (1, 0, 1, "learning"),
            ids["wrong"]: (1, 0, 0, "learning")}


# ---------------------------------------------------------------- rows

def test_rows_carry_progress_and_retrievability(history):
    ids, cards = history
    bank = load_bank()
    with Store() as store:
        rows = {r["id"]: r for r in export.question_rows(bank, store, NOW)}
    assert len(rows) == len(bank.questions) and set(rows[ids["lapsed"]]) == set(export.COLUMNS)
    scheduler = Scheduler()
    for qid, (reviews, lapses, correct, state) in expected_progress(ids).items():
        row, card = rows[qid], Card.from_dict(json.loads(cards[qid]))
        assert (row["reviews"], row["lapses"], row["correct"], row["state"]) == (reviews, lapses, correct, state)
        assert row["due"] == iso(card.due) and row["last_review"] == iso(card.last_review)
        assert row["stability"] == pytest.approx(card.stability, abs=1e-4)
        assert row["retrievability"] == pytest.approx(scheduler.get_card_retrievability(card, NOW), abs=1e-4)
    untouched = next(r for r in rows.values() if r["id"] not in cards)
    assert untouched["state"] == "new" and untouched["reviews"] == 0 and untouched["due"] is None
    assert untouched["retrievability"] == 0.0
    assert "drill:knn" not in rows


def test_answer_text_is_readable_for_every_type():
    bank = load_bank()
    texts = {q.id: export.answer_text(q) for q in bank.questions.values()}
    assert all(texts.values())
    for q in bank.questions.values():
        text = texts[q.id]
        if q.parametric:
            assert text.startswith("depends on the parameters: ") and q.answer in text
        elif q.type == "mcq":
            assert text == f"{'ABCDEFGH'[q.answer]}) {q.choices[q.answer]}"  # original order, not shuffled
        elif q.type == "truefalse":
            assert text in ("True", "False")
        elif q.type == "code_output":
            assert text == q.answer[0]


# ---------------------------------------------------------------- CSV and JSON

def test_csv_export_parses_back_with_pandas(history, tmp_path):
    ids, _ = history
    out = tmp_path / "q.csv"
    result = runner.invoke(app, ["export", "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"{len(load_bank().questions)} questions (3 with progress)" in result.output
    df = pd.read_csv(out)
    bank = load_bank()
    assert list(df.columns) == list(export.COLUMNS)
    assert len(df) == len(bank.questions) and df["id"].is_unique
    df = df.set_index("id")
    for qid, (reviews, lapses, correct, state) in expected_progress(ids).items():
        row = df.loc[qid]
        assert (row["reviews"], row["lapses"], row["correct"], row["state"]) == (reviews, lapses, correct, state)
        assert 0 < row["retrievability"] <= 1 and datetime.fromisoformat(row["due"]).tzinfo is not None
        assert row["tags"] == ";".join(bank.questions[qid].tags)
    new = df[~df.index.isin(list(expected_progress(ids)))]
    assert (new["state"] == "new").all() and (new["reviews"] == 0).all() and new["due"].isna().all()
    mcq = bank.questions[ids["learning"]]
    assert df.loc[mcq.id, "choices"].splitlines()[0] == f"A) {mcq.choices[0]}"


def test_json_export_has_an_envelope_and_one_entry_per_question(history, tmp_path):
    ids, _ = history
    out = tmp_path / "q.json"
    result = runner.invoke(app, ["export", "-f", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["kind"] == "mlprep-questions" and doc["format_version"] == 1
    assert doc["count"] == len(doc["questions"]) == len(load_bank().questions)
    by_id = {q["id"]: q for q in doc["questions"]}
    for qid, (reviews, lapses, correct, state) in expected_progress(ids).items():
        q = by_id[qid]
        assert (q["reviews"], q["lapses"], q["correct"], q["state"]) == (reviews, lapses, correct, state)
        assert isinstance(q["tags"], list) and q["last_review"] is not None


def test_stdout_and_section_filter(history):
    result = runner.invoke(app, ["export", "-o", "-", "--section", "metrics", "-s", "maths"])
    assert result.exit_code == 0
    df = pd.read_csv(io.StringIO(result.stdout))
    bank = load_bank()
    assert len(df) == sum(q.section in ("maths", "metrics") for q in bank.questions.values())
    assert set(df["section"]) == {"maths", "metrics"}
    as_json = runner.invoke(app, ["export", "-f", "json", "-o", "-", "-s", "metrics"])
    assert json.loads(as_json.stdout)["count"] == sum(q.section == "metrics" for q in bank.questions.values())


def test_default_output_name_in_the_current_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["export"]).exit_code == 0
    assert runner.invoke(app, ["export", "-f", "json"]).exit_code == 0
    assert (tmp_path / "mlprep-questions.csv").is_file() and (tmp_path / "mlprep-questions.json").is_file()


@pytest.mark.parametrize(("args", "expected"), [
    (["-f", "xml"], "--format 'xml'"),
    (["-s", "nope"], "--section 'nope'"),
    (["-o", "/nonexistent-folder/q.csv"], "/nonexistent-folder does not exist"),
    (["-f", "anki", "-o", "-"], "cannot go to stdout"),
    (["--bank", "/nonexistent.yaml"], "--bank /nonexistent.yaml"),
])
def test_bad_options_give_one_clean_message(args, expected):
    result = runner.invoke(app, ["export", *args])
    assert result.exit_code == 1 and expected in result.output and "Traceback" not in result.output


# ---------------------------------------------------------------- Anki

def read_apkg(path):
    with zipfile.ZipFile(path) as zf:
        assert "collection.anki2" in zf.namelist()
        data = zf.read("collection.anki2")
    db_path = path.with_suffix(".anki2")
    db_path.write_bytes(data)
    db = sqlite3.connect(db_path)
    try:
        notes = {guid: (flds.split("\x1f"), tags.split()) for guid, flds, tags in
                 db.execute("SELECT guid, flds, tags FROM notes")}
        models = db.execute("SELECT models FROM col").fetchone()[0]
    finally:
        db.close()
    return notes, models


def test_anki_deck_is_a_valid_apkg_with_one_note_per_exportable_question(tmp_path):
    import genanki

    out = tmp_path / "deck.apkg"
    result = runner.invoke(app, ["export", "-f", "anki", "-o", str(out)])
    assert result.exit_code == 0, result.output
    bank = load_bank()
    exportable = [q for q in bank.questions.values() if not q.parametric]
    parametric = len(bank.questions) - len(exportable)
    assert f"{len(exportable)} notes" in result.output and f"{parametric} parametric" in result.output
    notes, models = read_apkg(out)
    assert len(notes) == len(exportable)
    assert str(export.ANKI_MODEL_ID) in models
    card = next(q for q in exportable if q.type == "flashcard")
    fields, tags = notes[genanki.guid_for("mlprep", card.id)]
    front, back, explanation, section, qid = fields
    assert qid == card.id and section == card.section_title
    assert explanation == export._html(card.explanation)
    # The source's hard-wrapped lines join into sentences; no raw Markdown emphasis is left.
    assert card.explanation.split()[0] in explanation and "\n" not in explanation
    assert " ".join(card.explanation.split()[:12]) in explanation.replace("<b>", "").replace("</b>", "")
    assert set(card.tags) <= set(tags) and f"mlprep::{card.section}" in tags
    code = next(q for q in exportable if q.type == "code_output")
    code_front = notes[genanki.guid_for("mlprep", code.id)][0][0]
    assert "<pre><code>" in code_front
    mcq = next(q for q in exportable if q.type == "mcq")
    mcq_front, mcq_back = notes[genanki.guid_for("mlprep", mcq.id)][0][:2]
    assert "<ol class=choices type=A>" in mcq_front and mcq_front.count("<li>") == len(mcq.choices)
    assert export._html(export.answer_text(mcq)) in mcq_back


def test_anki_text_is_html_escaped(tmp_path):
    bank_file = write_bank(tmp_path / "mine.yaml", [
        question("mine-escape-01", "flashcard", prompt="Is <b>x</b> & y bold?", answer="No: a < b",
                 explanation="Tags like <script> are shown, not run."),
        question("mine-param-01", "numeric", prompt="What is {{ a }} + 1?", answer="a + 1",
                 params={"a": {"min": 1, "max": 5}}),
    ], section="mine", title="Mine")
    out = tmp_path / "mine.apkg"
    result = runner.invoke(app, ["export", "-f", "anki", "-o", str(out), "--bank", str(bank_file), "-s", "mine"])
    assert result.exit_code == 0, result.output
    notes, _ = read_apkg(out)
    assert len(notes) == 1  # the parametric question is left out
    front, back, explanation, _, _ = next(iter(notes.values()))[0]
    assert "&lt;b&gt;x&lt;/b&gt; &amp; y" in front and "a &lt; b" in back
    assert "&lt;script&gt;" in explanation and "<script>" not in explanation


def test_anki_tags_have_no_spaces():
    assert export.anki_tag(" gradient descent ") == "gradient_descent"


def test_missing_genanki_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "genanki", None)
    out = tmp_path / "deck.apkg"
    result = runner.invoke(app, ["export", "-f", "anki", "-o", str(out)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert 'pip install ".[anki]"' in result.output
    assert not out.exists()


def test_anki_fields_render_the_banks_markdown():
    text = "A *typical* price, **bold**, `x*y`\nwrapped here.\n\n- first\n- second <tag>"
    assert export._html(text) == ("A <i>typical</i> price, <b>bold</b>, <code>x*y</code> wrapped here.<br><br>"
                                  "- first<br>- second &lt;tag&gt;")
