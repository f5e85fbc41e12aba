"""Study notes as topics: reading notes files, finding a section's or a tag's notes, and the note
that goes with a question or a drill (what `mlprep learn` and the quiz's `l` key open).

Notes come from the built-in `content/notes/` folder and, for user banks, from a `notes/` folder beside
them: `<data home>/banks/notes/` for the banks folder, `<folder>/notes/` for `--bank FOLDER` and
`<file's folder>/notes/` for `--bank FILE`. A file is named after its section id
(`<section-id>.md`); a user notes file for a section that already has notes adds its topics after
the built-in ones. The format (`# Title`, `## Topic`, `Tags:`, `Practice:`) is checked by
`mlprep.questions.notes`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from mlprep import paths
from mlprep.errors import InvalidValue
from mlprep.questions.bank import Bank

NOTES_FOLDER = "notes"


@dataclass(frozen=True)
class Topic:
    """One `## Topic` of a notes file: its heading, tags and Markdown (heading included)."""

    section: str
    title: str
    tags: tuple[str, ...]
    text: str
    source: str
    line: int

    @property
    def slug(self) -> str:
        return slugify(self.title)

    @property
    def ref(self) -> str:
        """`section/topic-slug`: what `mlprep learn` takes to show exactly this topic."""
        return f"{self.section}/{self.slug}"


@dataclass
class SectionNotes:
    section: str
    title: str
    intro: str  # Markdown between the title and the first topic
    topics: list[Topic] = field(default_factory=list)

    @property
    def text(self) -> str:
        parts = [f"# {self.title}"] + ([self.intro] if self.intro.strip() else []) + [t.text for t in self.topics]
        return "\n\n".join(p.strip("\n") for p in parts) + "\n"


@dataclass(frozen=True)
class Page:
    """What `mlprep learn NAME` shows: a title, Markdown, and the topics in it."""

    name: str
    kind: str  # "section", "tag" or "topic"
    title: str
    text: str
    topics: tuple[Topic, ...]


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def notes_folders(extra_banks: Sequence[Path] = ()) -> list[Path]:
    """Every notes folder, built-in first, then beside the user's banks and each `--bank` path."""
    folders = [paths.content_dir() / NOTES_FOLDER, paths.user_banks_dir() / NOTES_FOLDER]
    for p in extra_banks:
        p = Path(p).expanduser()
        folders.append((p if p.is_dir() else p.parent) / NOTES_FOLDER)
    seen: set[Path] = set()
    out = []
    for f in folders:
        key = f.resolve()
        if key not in seen and f.is_dir():
            seen.add(key)
            out.append(f)
    return out


def notes_files(extra_banks: Sequence[Path] = ()) -> list[Path]:
    return [p for folder in notes_folders(extra_banks) for p in sorted(folder.glob("*.md")) if p.is_file()]


def parse(path: Path) -> SectionNotes:
    """Split one notes file into its title, intro and topics (lenient: the lint reports format problems)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        lines = []
    sid = path.stem
    title = lines[0][2:].strip() if lines and lines[0].startswith("# ") else sid
    heads = [i for i, line in enumerate(lines) if line.startswith("## ")]
    start = 1 if lines and lines[0].startswith("# ") else 0
    intro = "\n".join(lines[start:heads[0] if heads else len(lines)]).strip("\n")
    notes = SectionNotes(sid, title, intro)
    for n, h in enumerate(heads):
        body = lines[h:heads[n + 1] if n + 1 < len(heads) else len(lines)]
        notes.topics.append(Topic(sid, body[0][3:].strip(), _tags(body[1:]), "\n".join(body).strip("\n"),
                                  str(path), h + 1))
    return notes


def _tags(body: list[str]) -> tuple[str, ...]:
    for i, line in enumerate(body):
        if line.startswith("Tags:"):
            spec, j = line[len("Tags:"):], i
            while spec.rstrip().endswith(",") and j + 1 < len(body):
                j += 1
                spec += " " + body[j]
            return tuple(t.strip() for t in spec.split(",") if t.strip())
    return ()


@dataclass
class Notes:
    """Every section's notes, in bank order, with look-ups by section, tag and topic."""

    sections: dict[str, SectionNotes] = field(default_factory=dict)
    question_tags: dict[str, set[str]] = field(default_factory=dict)  # tag -> sections of its questions

    @property
    def topics(self) -> list[Topic]:
        return [t for s in self.sections.values() for t in s.topics]

    def tags(self, section: str | None = None) -> list[str]:
        """Tags that have a topic (of one section, or of all), in the order the notes give them."""
        out: dict[str, None] = {}
        for t in self.topics:
            if section is None or t.section == section:
                out.update(dict.fromkeys(t.tags))
        return list(out)

    def with_tag(self, tag: str) -> list[Topic]:
        return [t for t in self.topics if tag in t.tags]

    def page(self, name: str) -> Page:
        """The notes for a section id, a tag, or one topic (`section/topic-slug`).

        Raises InvalidValue (param "topic") with close matches for anything else."""
        key = name.strip()
        if key in self.sections:
            s = self.sections[key]
            return Page(key, "section", s.title, s.text, tuple(s.topics))
        if "/" in key:
            sid, _, slug = key.partition("/")
            topics = self.sections.get(sid, SectionNotes(sid, sid, "")).topics
            want = slugify(slug)
            exact = [t for t in topics if t.slug == want]
            starts = [t for t in topics if want and t.slug.startswith(want)]
            if exact or len(starts) == 1:
                t = (exact or starts)[0]
                return Page(t.ref, "topic", t.title, t.text + "\n", (t,))
        found = self.with_tag(key)
        if found:
            text = "\n\n".join(t.text.strip("\n") for t in found) + "\n"
            return Page(key, "tag", f"Notes tagged {key}", text, tuple(found))
        lower = {s.lower(): s for s in self.sections}
        if key.lower() in lower:
            return self.page(lower[key.lower()])
        if key in self.question_tags:
            where = sorted(s for s in self.question_tags[key] if s in self.sections)
            hint = (f" Its questions are in {', '.join(where)}: try `mlprep learn {where[0]}`." if where else "")
            raise InvalidValue("topic", name, f"no notes topic covers this tag.{hint}")
        choices = list(self.sections) + self.tags() + [t.ref for t in self.topics]
        close = difflib.get_close_matches(key, choices, n=4, cutoff=0.6)
        if not close:
            close = [c for c in choices if key and key.lower() in c.lower()][:4]
        raise InvalidValue("topic", name, "no section, tag or topic has notes by this name.", suggestions=close,
                           see="topics")

    def for_tags(self, tags: Sequence[str], section: str | None = None) -> Page | None:
        """The note for a question or drill: the topic sharing most of its tags (its own section's
        topics first; on a tie, the one tagged with its earliest tag, then the first in the notes),
        else its section's notes, else None."""
        order = {t: n for n, t in enumerate(tags)}
        best: tuple | None = None
        for n, t in enumerate(self.topics):
            shared = [order[x] for x in t.tags if x in order]
            if not shared:
                continue
            key = (t.section != section, -len(shared), min(shared), n)
            if best is None or key < best[0]:
                best = (key, t)
        if best is not None:
            t = best[1]
            return Page(t.ref, "topic", t.title, t.text + "\n", (t,))
        if section is not None and section in self.sections:
            return self.page(section)
        return None


def load_notes(bank: Bank, extra_banks: Sequence[Path] = ()) -> Notes:
    """Read every notes file (built-in, beside the user banks, beside `--bank` paths and beside every
    file the bank was loaded from) whose section is in the bank, in the bank's section order."""
    by_section: dict[str, SectionNotes] = {}
    for path in notes_files([*extra_banks, *bank.files]):
        parsed = parse(path)
        have = by_section.get(parsed.section)
        if have is None:
            by_section[parsed.section] = parsed
        else:
            have.topics.extend(parsed.topics)
    order = {sid: n for n, sid in enumerate(bank.sections)}
    sections = {sid: by_section[sid] for sid in sorted(by_section, key=lambda s: order.get(s, len(order)))
                if sid in bank.sections}
    question_tags: dict[str, set[str]] = {}
    for q in bank.questions.values():
        for t in q.tags:
            question_tags.setdefault(t, set()).add(q.section)
    return Notes(sections, question_tags)
