"""Rendering for `mlprep learn`, `mlprep search` and `mlprep show`, and the notes pager the quiz opens.

On a terminal, notes are Rich Markdown in a pager (`$PAGER`, else `less` with colours; links show
their targets); piped, they are the plain Markdown text, which the notes lint keeps within 80
columns. Every bank or notes string reaches Rich as `Text` or escaped markup, never as markup.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import datetime, tzinfo

from rich.pager import Pager
from rich.table import Table
from rich.text import Text

from mlprep.cli.common import _escape as escape
from mlprep.cli.common import markdown
from mlprep.cli.console import console
from mlprep.questions.model import LETTERS, Question, Shown
from mlprep.questions.topics import Notes, Page
from mlprep.store.search import MARK_END, MARK_START, Hit

LEARN_WIDTH = 100  # notes are written for 80 columns; wider terminals get at most this


class TerminalPager(Pager):
    """`$PAGER`, else `less -R` (quitting at once when the text fits on one screen), else plain output.
    Ctrl-C inside the pager goes to the pager, never ends a quiz session."""

    def show(self, content: str) -> None:
        command = os.environ.get("PAGER") or ("less" if shutil.which("less") else "")
        if not command.strip():
            console.file.write(content)
            console.file.flush()
            return
        env = dict(os.environ)
        env.setdefault("LESS", "FRX")
        try:
            proc = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env, text=True,
                                    encoding="utf-8", errors="replace")
        except OSError:
            console.file.write(content)
            return
        try:
            assert proc.stdin is not None
            try:
                proc.stdin.write(content)
                proc.stdin.close()
            except BrokenPipeError:  # the user quit the pager before reading everything
                pass
            while True:
                try:
                    proc.wait()
                    break
                except KeyboardInterrupt:
                    continue
        finally:
            if proc.poll() is None:
                proc.kill()


def show_page(page: Page, header: str = "") -> None:
    """A notes page: in the pager on a terminal, plain Markdown text when piped."""
    if console.is_terminal:
        width = min(console.width, LEARN_WIDTH)
        with console.pager(pager=TerminalPager(), styles=True):
            if header:
                console.print(Text(header, style="dim"), width=width)
            console.print(markdown(page.text), width=width)
        return
    if header:
        console.print(Text(header), soft_wrap=True)
    console.print(Text(page.text.rstrip("\n")), soft_wrap=True)


def render_topics(notes: Notes, titles: dict[str, str], mastery: dict[str, float],
                  counts: dict[str, int]) -> None:
    """Every section with notes: its mastery, topic count and tags (what `mlprep learn TAG` takes);
    in the pager on a terminal."""
    width = max(40, min(console.width, LEARN_WIDTH) - 1)
    head = Text(f"Study notes: {len(notes.sections)} sections, {len(notes.topics)} topics; mastery is the "
                "share of a section you would recall now.", style="bold")
    lines: list[Text] = []
    for sid, s in notes.sections.items():
        m = mastery.get(sid, 0.0)
        right = f"  {len(s.topics)} topics · {counts.get(sid, 0)} questions · mastery {100 * m:.0f}%"
        title = titles.get(sid, s.title)
        room = width - len(sid) - len(right) - 2
        if len(title) > room:
            title = title[:max(0, room - 1)].rstrip() + "…" if room > 1 else ""
        lines.append(Text.assemble((sid, "bold cyan"), "  ", title, " " * max(0, room - len(title)),
                                   (right, "green" if m >= 0.8 else "yellow" if m >= 0.4 else "dim")))
        line = "   "
        for tag in notes.tags(sid):
            if len(line) + len(tag) + 3 > width and line.strip():
                lines.append(Text(line.rstrip(" ·"), style="dim"))
                line = "   "
            line += f" {tag} ·"
        if line.strip():
            lines.append(Text(line.rstrip(" ·"), style="dim"))
    missing = [sid for sid in titles if sid not in notes.sections]
    if missing:
        lines.append(Text(f"No notes yet: {', '.join(missing)} (see docs/content-format.md, Study notes)",
                          style="yellow"))
    lines.append(Text("Read one with: mlprep learn SECTION or mlprep learn TAG", style="dim"))

    def emit() -> None:
        console.print(head, width=width)
        for t in lines:
            console.print(t)

    if console.is_terminal:
        with console.pager(pager=TerminalPager(), styles=True):
            emit()
    else:
        emit()


_NOTES: dict[int, Notes] = {}


def note_for(bank, q: Question) -> Page | None:
    """The notes page for a question (its tags' topic, else its section), notes read once per bank."""
    from mlprep.questions.topics import load_notes

    notes = _NOTES.get(id(bank))
    if notes is None:
        notes = _NOTES[id(bank)] = load_notes(bank)
    return notes.for_tags(q.tags, q.section)


def render_previous(a) -> None:
    """A question answered earlier in the session, read-only: prompt, choices, the answer given, the
    right answer and why."""
    from rich.console import Group
    from rich.panel import Panel

    shown, q = a.shown, a.question
    parts: list = [markdown(shown.prompt)]
    if q.code:
        from rich.syntax import Syntax

        parts.append(Syntax(q.code, q.language, theme="ansi_dark", word_wrap=True))
    for i, choice in enumerate(shown.choices):
        parts.append(Text.assemble((f"  {LETTERS[i]}) ", "bold cyan"), choice))
    grid = Table.grid(padding=(0, 1))
    if q.type != "flashcard":
        verdict = "right" if a.correct else "wrong"
        grid.add_row(Text("You:", style="bold"), Text(f"{a.response} ({verdict})",
                                                      style="green" if a.correct else "red"))
        grid.add_row(Text("Answer:", style="bold"), Text(shown.expected_text()))
    else:
        grid.add_row(Text("Answer:", style="bold"), markdown(str(shown.expected)))
    grid.add_row(Text("Why:", style="bold"), markdown(shown.explanation))
    parts.append(grid)
    console.print(Panel(Group(*parts), title=Text(f"Previous question · {q.id}", style="bold"), title_align="left",
                        subtitle=Text("read-only · back to the current question", style="dim"),
                        subtitle_align="left", border_style="dim"))


# ---------------------------------------------------------------- search

def _snippet(text: str) -> Text:
    out = Text()
    flat = " ".join(text.split())
    for n, part in enumerate(flat.split(MARK_START)):
        if n == 0:
            out.append(part)
            continue
        hit, _, rest = part.partition(MARK_END)
        out.append(hit, style="bold yellow")
        out.append(rest)
    return out


def plain_snippet(text: str) -> str:
    return " ".join(text.replace(MARK_START, "").replace(MARK_END, "").split())


def open_command(hit: Hit) -> str:
    return {"question": f"mlprep show {hit.ref}", "note": f"mlprep learn {hit.ref}",
            "drill": f"mlprep drill {hit.ref}"}[hit.kind]


def render_hits(query: str, hits: list[Hit]) -> None:
    if not hits:
        console.print(Text(f"Nothing matches {query.strip()!r}. Try fewer or other words."))
        return
    for n, h in enumerate(hits, 1):
        head = Text.assemble((f"{n:>2}. ", "dim"), (h.ref, "bold"), "  ", (h.type, "cyan"), "  ", (h.section, "dim"))
        if not h.all_words:
            head.append("  (some words)", style="dim")
        console.print(head)
        for line in _snippet(h.snippet).wrap(console, max(20, console.width - 5)):
            line.rstrip()
            console.print(Text("    ") + line, no_wrap=True, crop=False)
    console.print(Text("Open one: mlprep show ID · mlprep learn TOPIC · mlprep drill NAME", style="dim"))


# ---------------------------------------------------------------- show

def render_question(q: Question, shown: Shown, template: bool) -> None:
    console.print(Text.assemble((q.id, "bold"), "  ", (q.type, "cyan"), "  ",
                                ("●" * q.difficulty + "○" * (3 - q.difficulty), "yellow")))
    console.print(Text(f"{q.section_title} ({q.section}) · tags: {', '.join(q.tags)} · {q.source}"
                       + (f":{q.line}" if q.line else ""), style="dim"))
    if template:
        console.print(Text("\nTemplate", style="bold"))
        import re

        console.print(markdown(re.sub(r"\{\{\s*(\w+)\s*\}\}", r"{{\1}}", q.prompt)))  # {{x}} never splits
        spec = Table.grid(padding=(0, 2))
        for name, p in q.params.items():
            spec.add_row(Text(name, style="cyan"), Text(", ".join(f"{k} {v}" for k, v in p.items())))
        console.print(spec)
        if q.where:
            console.print(Text(f"where {q.where}", style="dim"))
        console.print(Text(f"answer = {q.answer}", style="dim"))
        console.print(Text("\nOne draw", style="bold"))
    else:
        console.print()
    console.print(markdown(shown.prompt))
    if q.code:
        from rich.syntax import Syntax

        console.print(Syntax(q.code, q.language, theme="ansi_dark", word_wrap=True))
    for i, choice in enumerate(shown.choices):
        console.print(Text.assemble((f"  {LETTERS[i]}) ", "bold cyan"), choice))
    body = Table.grid(padding=(0, 1))
    body.add_row(Text("Answer:", style="bold"), markdown(shown.expected_text()) if q.type == "flashcard"
                 else Text(shown.expected_text()))
    if q.type == "short" and len(q.answer) > 1:
        body.add_row(Text("Also:", style="bold"), Text(", ".join(q.answer[1:])))
    body.add_row(Text("Why:", style="bold"), markdown(shown.explanation))
    console.print(body)


def render_record(rec, now: datetime, tz: tzinfo) -> None:
    from mlprep.srs.scheduler import RATING_NAMES, describe_interval

    if not rec.reviews:
        console.print(Text("Never reviewed: it is new.", style="dim"))
    else:
        table = Table(title=f"{len(rec.reviews)} review{'s' * (len(rec.reviews) != 1)}", title_justify="left",
                      box=None, padding=(0, 2), header_style="bold")
        for col in ("when", "rating", "answer", "time", "in"):
            table.add_column(col)
        for r in rec.reviews:
            answer = "—" if r.correct is None else ("right" if r.correct else "wrong")
            secs = "" if r.response_ms is None else f"{r.response_ms / 1000:.1f} s"
            table.add_row(f"{r.at.astimezone(tz):%Y-%m-%d %H:%M}", RATING_NAMES.get(r.rating, str(r.rating)),
                          Text(answer, style="green" if r.correct else "red" if r.correct is False else "dim"),
                          secs, escape(r.kind))
        console.print(table)
    if rec.due is None:
        return
    when = "now (due)" if rec.due <= now else describe_interval(rec.due, now)
    parts = [f"state {rec.state}", f"due {when} ({rec.due.astimezone(tz):%a %d %b %H:%M})"]
    if rec.stability is not None:
        parts.append(f"stability {rec.stability:.1f} days")
    if rec.recall is not None:
        parts.append(f"recall now {100 * rec.recall:.0f}%")
    console.print(Text("Schedule: " + " · ".join(parts)))
