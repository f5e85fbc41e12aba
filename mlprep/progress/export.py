"""Exporting the question banks with their progress: CSV, JSON, or an Anki deck.

`question_rows()` gives one plain dict per question (`COLUMNS`), joined with the store: review and
lapse counts, correct answers, the fsrs card's state, due date, stability and retrievability now, and the
card marks (suspended, buried_until while the burial lasts, flagged, the personal note).
`to_csv` / `to_json` turn them into text; `write_anki` writes an `.apkg` deck of the questions
that make sense on a card (everything but parametric questions, whose answers vary), with genanki
(an optional extra: `pip install ".[anki]"` from a clone).

A lapse is an Again on a card in the Review state, as `stats.py` and Anki count them.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from mlprep import __version__, fsutil
from mlprep.errors import InvalidValue, MlprepError
from mlprep.questions.bank import Bank
from mlprep.questions.model import LETTERS, Question, instantiate
from mlprep.safetext import json_safe, sanitize
from mlprep.store.db import Store, iso

FORMAT_VERSION = 1
KIND = "mlprep-questions"
FORMATS = ("csv", "json", "anki")
SUFFIXES = {"csv": ".csv", "json": ".json", "anki": ".apkg"}
COLUMNS = ("id", "section", "section_title", "type", "difficulty", "tags", "prompt", "choices", "code", "answer",
           "explanation", "reviews", "lapses", "correct", "state", "due", "last_review", "stability",
           "retrievability", "suspended", "buried_until", "flagged", "note")
# Columns that CSV writes as 1/0 (JSON keeps true/false).
FLAG_COLUMNS = ("suspended", "flagged")
STATES = {1: "learning", 2: "review", 3: "relearning"}

# Fixed forever, so re-importing a newer export updates the same deck and note type in Anki.
ANKI_DECK_ID = 1_907_362_412
ANKI_MODEL_ID = 1_480_575_031
ANKI_DECK_NAME = "mlprep: ML interview prep"
ANKI_INSTALL = 'pip install ".[anki]" (from your clone of mlprep)'


def default_output(fmt: str) -> Path:
    """`mlprep-questions.<ext>` in the current folder."""
    return Path(f"mlprep-questions{SUFFIXES[fmt]}")


def select(bank: Bank, sections: Sequence[str] = ()) -> list[Question]:
    """The bank's questions (in section order), optionally only some sections."""
    unknown = [s for s in sections if s not in bank.sections]
    if unknown:
        raise InvalidValue("section", unknown[0], f"no such section. Sections: {', '.join(bank.sections)}.")
    order = {sid: i for i, sid in enumerate(bank.sections)}
    qs = [q for q in bank.questions.values() if not sections or q.section in sections]
    return sorted(qs, key=lambda q: order.get(q.section, len(order)))  # stable: file order within a section


# ---------------------------------------------------------------- answers as text

def answer_text(q: Question) -> str:
    """The expected answer as readable text; for parametric questions, the formula it comes from."""
    if q.parametric:
        unit = f" {q.unit}" if q.unit else ""
        return f"depends on the parameters: {q.answer}{unit}" if isinstance(q.answer, str) else \
            "depends on the parameters"
    shown = instantiate(replace(q, shuffle=False))
    text = shown.expected_text()
    if q.type == "short" and len(q.answer) > 1:
        text += f" (also accepted: {', '.join(q.answer[1:])})"
    return text


def choices_text(q: Question) -> list[str]:
    return [f"{LETTERS[i]}) {c}" for i, c in enumerate(q.choices)]


# ---------------------------------------------------------------- rows

def question_rows(bank: Bank, store: Store, now: datetime, sections: Sequence[str] = ()) -> list[dict[str, Any]]:
    """One dict per question (keys `COLUMNS`), with its progress at `now`."""
    from mlprep.srs.scheduler import memory_scheduler, retrievabilities

    now = now.astimezone(timezone.utc)
    qs = select(bank, sections)
    agg = store.question_review_totals()
    cards = {r[0]: r[2:] for r in store.card_rows("question")}
    r_now = retrievabilities(store, memory_scheduler(store), now)
    marks = store.card_marks()
    rows = []
    for q in qs:
        reviews, lapses, correct = agg.get(q.id, (0, 0, 0))
        card = cards.get(q.id)
        state, due, stability, last = card if card else (None, None, None, None)
        rows.append({
            "id": q.id, "section": q.section, "section_title": q.section_title, "type": q.type,
            "difficulty": q.difficulty, "tags": list(q.tags), "prompt": q.prompt.strip(),
            "choices": choices_text(q), "code": q.code, "answer": answer_text(q),
            "explanation": q.explanation.strip(), "reviews": int(reviews), "lapses": int(lapses),
            "correct": int(correct), "state": STATES.get(state, "new") if card else "new",
            "due": _iso(due), "last_review": _iso(last),
            "stability": None if stability is None else round(float(stability), 4),
            "retrievability": round(float(r_now[q.id]), 4) if q.id in r_now else 0.0,
            **_mark_fields(marks.get(q.id), now),
        })
    return rows


def _mark_fields(mark: Any, now: datetime) -> dict[str, Any]:
    """suspended, buried_until (only while the burial lasts), flagged, note of one card."""
    buried = mark["buried_until"] if mark is not None else None
    return {"suspended": bool(mark and mark["suspended"]),
            "buried_until": _iso(buried) if buried is not None and buried > now.timestamp() else None,
            "flagged": bool(mark and mark["flagged"]), "note": mark["note"] if mark is not None else None}


def _iso(epoch: float | None) -> str | None:
    return None if epoch is None else iso(datetime.fromtimestamp(epoch, timezone.utc))


# ---------------------------------------------------------------- CSV and JSON

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$")


def csv_cell(value: Any) -> Any:
    """A cell a spreadsheet will not run: text starting with `=`, `+`, `-`, `@`, a tab or a carriage return
    gets a leading single quote, as OWASP recommends against CSV injection (`=HYPERLINK(...)`, `@SUM(...)`
    in a shared bank's prompt). A plain number such as `-0.5` is left alone: it cannot be a formula."""
    if not isinstance(value, str):
        return value
    quote = "'" if value.startswith(_FORMULA_START) and not _PLAIN_NUMBER.match(value) else ""
    return quote + sanitize(value)  # banks with terminal control characters are refused at load; never export one


def to_csv(rows: list[dict[str, Any]]) -> str:
    """CSV text with a header row; tags joined with `;`, choices one per line; formula-like cells
    neutralised (`csv_cell`)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        cells = {**row, "tags": ";".join(row["tags"]), "choices": "\n".join(row["choices"]),
                 **{k: int(bool(row[k])) for k in FLAG_COLUMNS},
                 **{k: "" for k in COLUMNS if row[k] is None}}
        writer.writerow({k: csv_cell(v) for k, v in cells.items()})
    return buf.getvalue()


def to_json(rows: list[dict[str, Any]], now: datetime) -> str:
    """A JSON document: `{"kind", "format_version", "mlprep_version", "generated_at", "count", "questions"}`."""
    doc = {"kind": KIND, "format_version": FORMAT_VERSION, "mlprep_version": __version__,
           "generated_at": iso(now), "count": len(rows), "questions": rows}
    text = json.dumps(doc, indent=2, ensure_ascii=False)
    # JSON escapes C0 controls itself; C1 controls and bidi overrides (refused at load anyway) become \uXXXX
    # escapes too, so the file is safe to print in a terminal and decodes to the same strings.
    return json_safe(text) + "\n"


def write_text_atomic(path: Path, text: str) -> None:
    """Write text through a temporary file and a rename (no half-written file on failure)."""
    path = Path(path)
    try:
        fsutil.write_text_atomic(path, text)
    except OSError as exc:
        raise MlprepError(f"cannot write {path}: {exc.strerror or exc}. Choose a writable location with -o.") from None


# ---------------------------------------------------------------- Anki

def ankifiable(q: Question) -> bool:
    """Questions that make sense on a fixed card: all but parametric ones (their answers vary)."""
    return not q.parametric


def _html(text: str) -> str:
    """Escape text for an Anki field: paragraphs, list lines, **bold**, *italics* and `code` from the
    banks' Markdown; a line wrapped in the YAML source joins its paragraph."""
    out = html.escape(text.strip())
    out = re.sub(r"`([^`\n]+)`", r"<code>\1</code>", out)
    out = re.sub(r"\*\*([^*\n]+)\*\*", r"<b>\1</b>", out)
    out = re.sub(r"(?<![\w*])\*([^*\n]+)\*(?![\w*])", r"<i>\1</i>", out)
    paragraphs = re.split(r"\n\s*\n", out)
    # Inside a paragraph a newline is a soft wrap, unless the next line starts a list item.
    joined = [re.sub(r"\n(?!\s*(?:[-•]|\d+[.)])\s)", " ", p).replace("\n", "<br>") for p in paragraphs]
    return "<br><br>".join(joined)


def _front(q: Question) -> str:
    parts = [f"<div class=prompt>{_html(q.prompt)}</div>"]
    if q.code:
        parts.append(f"<pre><code>{html.escape(q.code)}</code></pre>")
    if q.choices:
        items = "".join(f"<li>{_html(c)}</li>" for c in q.choices)
        parts.append(f"<ol class=choices type=A>{items}</ol>")
    if q.type == "multi":
        parts.append("<div class=note>Select all that apply.</div>")
    elif q.type == "truefalse":
        parts.append("<div class=note>True or false?</div>")
    return "".join(parts)


def _back(q: Question) -> str:
    answer = answer_text(q)
    if q.type == "code_output":
        return f"<pre><code>{html.escape(answer)}</code></pre>"
    return f"<div class=answer>{_html(answer)}</div>"


def anki_tag(tag: str) -> str:
    """Anki tags cannot contain spaces."""
    return re.sub(r"\s+", "_", tag.strip())


_CSS = """.card { font-family: sans-serif; font-size: 18px; text-align: left; color: black; background: white; }
pre { background: #f4f4f4; padding: 8px; text-align: left; overflow-x: auto; }
.answer { font-weight: bold; margin-bottom: 12px; }
.explanation { color: #333; }
.note, .source { color: #888; font-size: 14px; margin-top: 8px; }
"""


def build_deck(questions: Sequence[Question]) -> tuple[Any, int]:
    """A genanki Deck of the ankifiable questions; returns (deck, number of notes)."""
    try:
        import genanki
    except ImportError:
        raise MlprepError(f"--format anki needs the optional genanki package. Install it with: {ANKI_INSTALL}") from None
    model = genanki.Model(
        ANKI_MODEL_ID, "mlprep question",
        fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Explanation"}, {"name": "Section"}, {"name": "Id"}],
        templates=[{
            "name": "Card 1",
            "qfmt": "{{Front}}",
            "afmt": "{{FrontSide}}<hr id=answer>{{Back}}<div class=explanation>{{Explanation}}</div>"
                    "<div class=source>{{Section}} · {{Id}}</div>",
        }],
        css=_CSS,
    )
    deck = genanki.Deck(ANKI_DECK_ID, ANKI_DECK_NAME,
                        description="Questions from mlprep (https://pypi.org/project/mlprep/). Re-import a newer "
                                    "export to update the notes.")
    n = 0
    for q in questions:
        if not ankifiable(q):
            continue
        tags = [t for t in (anki_tag(x) for x in (*q.tags, f"mlprep::{q.section}")) if t]
        deck.add_note(genanki.Note(model=model, guid=genanki.guid_for("mlprep", q.id), tags=tags, fields=[
            _front(q), _back(q), _html(q.explanation), html.escape(q.section_title), html.escape(q.id)]))
        n += 1
    return deck, n


def write_anki(questions: Sequence[Question], path: Path) -> int:
    """Write an Anki `.apkg` deck of the ankifiable questions to `path`; returns the note count."""
    deck, n = build_deck(questions)
    if n == 0:
        raise MlprepError("no question can go on an Anki card here (parametric questions are left out); "
                          "choose other sections.")
    import genanki

    path = Path(path)
    try:
        fsutil.atomic_write(path, lambda tmp: genanki.Package(deck).write_to_file(str(tmp)))
    except OSError as exc:
        raise MlprepError(f"cannot write {path}: {exc.strerror or exc}. Choose a writable location with -o.") from None
    return n


__all__ = ["COLUMNS", "FORMATS", "answer_text", "ankifiable", "build_deck", "csv_cell", "default_output", "question_rows",
           "select", "to_csv", "to_json", "write_anki", "write_text_atomic"]
