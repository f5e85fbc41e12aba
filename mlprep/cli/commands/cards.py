"""`mlprep suspend|unsuspend|bury|flag|unflag|note`: Anki-style control of single cards or groups.

The work is done by `mlprep.quiz.cards`; this module parses the selector (an id, `--tag`, `--section`)
and reports how many cards changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from mlprep.cli.common import BankOpt

IdArg = Annotated[Optional[str], typer.Argument(metavar="ID", help="A question id, or drill:NAME for a drill.",
                                                show_default=False)]
TagOpt = Annotated[Optional[list[str]], typer.Option("--tag", "-t", metavar="TAG", help="Every question (and drill) with this tag "
                                                     "(repeatable).")]
SectionOpt = Annotated[Optional[list[str]], typer.Option("--section", "-s", metavar="SECTION", help="Every question (and drill) of "
                                                         "this section (repeatable).")]


def _plural(n: int, word: str = "card") -> str:
    return f"{n} {word}{'s' * (n != 1)}"


def _select(item_id: str | None, tag: list[str] | None, section: list[str] | None, bank):  # noqa: ANN202
    from mlprep.drills.catalogue import load_drills
    from mlprep.questions import bank as banklib
    from mlprep.quiz import cards

    return cards.select(banklib.load_bank(bank or []), load_drills(strict=False), item_id, tag or [], section or [])


def _print(text: str) -> None:
    from mlprep.cli import console as ui

    ui.console.print(text, soft_wrap=True, markup=False, highlight=False)


def _set_suspended(on: bool, item_id: str | None, tag: list[str] | None, section: list[str] | None,
                   bank: list[Path] | None) -> None:
    from mlprep.quiz import cards
    from mlprep.store.db import Store

    chosen = _select(item_id, tag, section, bank)
    with Store() as store:
        n = cards.suspend(store, chosen.ids, on)
    verb, before = ("Suspended", "already suspended") if on else ("Unsuspended", "were not suspended")
    if not item_id:
        _print(f"{verb} {_plural(n)} ({chosen.what}: {len(chosen.ids)} in all, {len(chosen.ids) - n} {before}).")
    elif n:
        _print(f"{verb} {chosen.what}.")
    else:
        _print(f"{chosen.what.capitalize()} was {'already suspended' if on else 'not suspended'}.")


def suspend(item_id: IdArg = None, tag: TagOpt = None, section: SectionOpt = None, bank: BankOpt = None) -> None:
    """Keep cards out of quizzes, mocks, `today` and the forecast until `mlprep unsuspend`."""
    _set_suspended(True, item_id, tag, section, bank)


def unsuspend(item_id: IdArg = None, tag: TagOpt = None, section: SectionOpt = None, bank: BankOpt = None) -> None:
    """Bring suspended cards back into quizzes and counts."""
    _set_suspended(False, item_id, tag, section, bank)


def bury(item_id: IdArg = None, tag: TagOpt = None, section: SectionOpt = None, bank: BankOpt = None) -> None:
    """Hide cards until tomorrow (the start of the next day in your time zone)."""
    from mlprep import clock
    from mlprep.quiz import cards
    from mlprep.store.db import Store, utcnow

    chosen = _select(item_id, tag, section, bank)
    with Store() as store:
        tz = clock.user_zone(store.get_setting("timezone"))
        until = cards.bury(store, chosen.ids, utcnow(), tz)
    who = chosen.what if item_id else f"{_plural(len(chosen.ids))} ({chosen.what})"
    _print(f"Buried {who} until {until.astimezone(tz):%a %d %b %H:%M}.")


def flag(item_id: IdArg = None, tag: TagOpt = None, section: SectionOpt = None, bank: BankOpt = None) -> None:
    """Flag cards, to pick them later with `mlprep quiz --flagged`."""
    from mlprep.quiz import cards
    from mlprep.store.db import Store

    chosen = _select(item_id, tag, section, bank)
    with Store() as store:
        n = cards.set_flag(store, chosen.ids, True)
    _print(f"Flagged {_plural(n)} ({chosen.what}: {len(chosen.ids)} in all)." if not item_id else
           f"Flagged {chosen.what}; quiz flagged cards with: mlprep quiz --flagged" if n else
           f"{chosen.what.capitalize()} was already flagged.")


def unflag(item_id: IdArg = None, tag: TagOpt = None, section: SectionOpt = None, bank: BankOpt = None) -> None:
    """Remove the flag from cards."""
    from mlprep.quiz import cards
    from mlprep.store.db import Store

    chosen = _select(item_id, tag, section, bank)
    with Store() as store:
        n = cards.set_flag(store, chosen.ids, False)
    _print(f"Unflagged {_plural(n)} ({chosen.what}: {len(chosen.ids)} in all)." if not item_id else
           f"Unflagged {chosen.what}." if n else f"{chosen.what.capitalize()} was not flagged.")


def note(
    item_id: Annotated[str, typer.Argument(metavar="ID", help="A question id, or drill:NAME for a drill.",
                                           show_default=False)],
    text: Annotated[Optional[str], typer.Argument(metavar="TEXT", help="Your note (omit to show the current one).",
                                                  show_default=False)] = None,
    clear: Annotated[bool, typer.Option("--clear", help="Delete the note.")] = False,
    bank: BankOpt = None,
) -> None:
    """Write a personal note on a card, shown with the answer in the quiz; without TEXT, show it."""
    from mlprep.errors import MlprepError
    from mlprep.quiz import cards
    from mlprep.store.db import Store

    chosen = _select(item_id, None, None, bank)
    sid = chosen.ids[0]
    if clear and text is not None:
        raise MlprepError("note: give TEXT to write a note, or --clear to delete it, not both.")
    with Store() as store:
        if clear:
            had = cards.note(store, sid) is not None
            cards.set_note(store, sid, None)
            _print(f"Deleted the note on {chosen.what}." if had else f"{chosen.what.capitalize()} has no note.")
            return
        if text is None:
            current = cards.note(store, sid)
            _print(current if current is not None else
                   f"{chosen.what.capitalize()} has no note. Write one with: mlprep note {item_id} \"text\"")
            return
        stored = cards.set_note(store, sid, text)
    _print(f"Saved the note on {chosen.what}; it is shown with the answer." if stored else
           f"Deleted the note on {chosen.what} (the text was empty).")


def register(app: typer.Typer) -> None:
    for command in (suspend, unsuspend, bury, flag, unflag, note):
        app.command()(command)
