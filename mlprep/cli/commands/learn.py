"""`mlprep learn`, `mlprep search`, `mlprep show`: read the notes, find anything, look one question up."""

from __future__ import annotations

import json
from typing import Annotated, Optional

import typer

from mlprep.cli.common import BankOpt, fail
from mlprep.rules import SEARCH_LIMIT


def learn(
    topic: Annotated[Optional[str], typer.Argument(metavar="SECTION|TAG", help="A section id, a tag, or a "
                                                   "topic (section/topic-name, as `mlprep search` prints it). "
                                                   "Omit to list them.")] = None,
    bank: BankOpt = None,
) -> None:
    """Study notes: list the sections and tags, or read the notes of one (in a pager on a terminal)."""
    from mlprep.cli import learn as cli_learn
    from mlprep.questions import bank as banklib
    from mlprep.questions.topics import load_notes

    loaded = banklib.load_bank(bank or [])
    notes = load_notes(loaded, bank or [])
    if topic is None:
        from mlprep.progress.stats import mastery
        from mlprep.store.db import Store, utcnow

        with Store() as store:
            by_section, _ = mastery(store, loaded, utcnow())
        counts = {sid: len(loaded.in_section(sid)) for sid in loaded.sections}
        cli_learn.render_topics(notes, {s.id: s.title for s in loaded.sections.values()}, by_section, counts)
        return
    page = notes.page(topic)
    cli_learn.show_page(page, _header(page, loaded))


def _header(page, loaded) -> str:
    """What the page covers and how well you know it (mastery over its questions)."""
    from mlprep.progress.stats import mastery
    from mlprep.store.db import Store, utcnow

    with Store() as store:
        by_section, by_tag = mastery(store, loaded, utcnow())
    if page.kind == "section":
        n = len(loaded.in_section(page.name))
        return (f"{page.name}: {len(page.topics)} topics · mastery {100 * by_section.get(page.name, 0.0):.0f}% of "
                f"{n} questions · practise: mlprep quiz --section {page.name}")
    tags = list(dict.fromkeys([page.name] if page.kind == "tag" else [t for t in page.topics[0].tags]))
    known = [t for t in tags if t in by_tag]
    if not known:
        return ""
    shown = ", ".join(f"{t} {100 * by_tag[t]:.0f}%" for t in known[:4])
    return f"mastery: {shown} · practise: mlprep quiz --tag {known[0]}"


def search(
    terms: Annotated[list[str], typer.Argument(metavar="TERMS", help="Words to look for (any text).")],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=200, metavar="N", help="Show at most this many results.")] = SEARCH_LIMIT,
    kind: Annotated[Optional[list[str]], typer.Option("--kind", "-k", metavar="KIND", help="Only question, note or drill (repeatable).")] = None,
    bank: BankOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
) -> None:
    """Find questions, notes and drills by their words, best match first."""
    from mlprep.cli import learn as cli_learn
    from mlprep.drills.catalogue import load_drills
    from mlprep.questions import bank as banklib
    from mlprep.questions.topics import load_notes
    from mlprep.quiz import search as searchlib
    from mlprep.store.search import SearchIndex

    query = " ".join(terms)
    if not SearchIndex.fts5_available():
        raise fail("search needs SQLite with FTS5, which this Python's sqlite3 lacks.")
    loaded = banklib.load_bank(bank or [])
    notes = load_notes(loaded, bank or [])
    with searchlib.open_index(loaded, notes, load_drills(strict=False)) as index:
        hits = searchlib.search(index, query, limit, kind or ())
    if as_json:
        print(json.dumps({"query": query, "results": [
            {"rank": n, "ref": h.ref, "kind": h.kind, "type": h.type, "section": h.section, "title": h.title,
             "snippet": cli_learn.plain_snippet(h.snippet), "all_words": h.all_words, "score": round(h.score, 4),
             "open": cli_learn.open_command(h)} for n, h in enumerate(hits, 1)]}, indent=2))
        return
    cli_learn.render_hits(query, hits)


def show(
    qid: Annotated[str, typer.Argument(metavar="ID", help="A question id (`mlprep search WORDS` finds them).")],
    bank: BankOpt = None,
    seed: Annotated[Optional[int], typer.Option("--seed", metavar="N", help="Seed for a parametric question's draw.")] = None,
) -> None:
    """One question: its answer and explanation, your reviews of it and its schedule."""
    import dataclasses
    import random

    from mlprep import clock
    from mlprep.cli import learn as cli_learn
    from mlprep.questions import bank as banklib
    from mlprep.questions.model import instantiate
    from mlprep.quiz.lookup import find_questions, record
    from mlprep.srs.scheduler import scheduler_for
    from mlprep.store.db import Store, utcnow

    loaded = banklib.load_bank(bank or [])
    [q] = find_questions(loaded, [qid.strip()])
    shown = instantiate(dataclasses.replace(q, shuffle=False), random.Random(seed))
    cli_learn.render_question(q, shown, template=q.parametric)
    with Store() as store:
        now = utcnow()
        rec = record(store, scheduler_for(store, now=now), q, now)
        cli_learn.render_record(rec, now, clock.user_zone(store.get_setting("timezone")))


def register(app: typer.Typer) -> None:
    app.command()(learn)
    app.command()(search)
    app.command()(show)
