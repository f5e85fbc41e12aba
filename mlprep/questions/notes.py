"""Study notes: one Markdown file per section, `content/notes/<section-id>.md`, checked like a bank.

A notes file starts with `# <Section title>`; each `## <Topic>` is followed by a `Tags: a, b` line
(tags of that section's questions; a line ending in "," continues) and has a `Practice:` line. Every
`mlprep quiz --tag X` must name a tag of the section, every `mlprep drill SLUG` a drill, every
`mlprep show ID` a question; no line is longer than 80 characters (notes are read in a terminal).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from mlprep.errors import Problem
from mlprep.questions.bank import Bank

MAX_LINE = 80
_QUIZ = re.compile(r"mlprep\s+quiz\s+--tag\s+([A-Za-z0-9_-]+)")
_DRILL = re.compile(r"mlprep\s+drill\s+([A-Za-z0-9_-]+)")
_SHOW = re.compile(r"mlprep\s+show\s+([A-Za-z0-9_-]+)")


def notes_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.md")) if folder.is_dir() else []


def check_notes(files: Iterable[Path], bank: Bank, drill_slugs: set[str], *,
                require_every_section: bool = False) -> list[Problem]:
    files = list(files)
    problems: list[Problem] = []
    tags: dict[str, set[str]] = {}
    for q in bank.questions.values():
        tags.setdefault(q.section, set()).update(q.tags)
    for path in files:
        problems += _check_file(path, tags, set(bank.questions), drill_slugs)
    if require_every_section:
        have = {p.stem for p in files}
        for sid in bank.sections:
            if sid not in have:
                problems.append(Problem(f"content/notes/{sid}.md", None, "", f"the section {sid!r} has no study notes"))
    return problems


def _check_file(path: Path, tags: dict[str, set[str]], ids: set[str], drills: set[str]) -> list[Problem]:
    name = str(path)
    sid = path.stem
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        return [Problem(name, None, "", f"cannot read the notes: {exc}")]
    if sid not in tags:
        return [Problem(name, None, "", f"no bank has the section {sid!r}; name the file after a section id")]
    own = tags[sid]
    out: list[Problem] = []

    def add(i: int, message: str) -> None:
        out.append(Problem(name, i + 1, "", message))

    if not lines or not lines[0].startswith("# "):
        add(0, "notes start with a '# <Section title>' line")
    for i, line in enumerate(lines):
        if len(line) > MAX_LINE:
            add(i, f"the line has {len(line)} characters; wrap notes at {MAX_LINE}")
        if any(ord(c) < 32 and c != "\t" or 127 <= ord(c) < 160 for c in line):
            add(i, "control characters are not allowed in notes")
        if line.startswith("Tags:"):
            spec, j = line[len("Tags:"):], i
            while spec.rstrip().endswith(",") and j + 1 < len(lines):
                j += 1
                spec += " " + lines[j]
            for tag in (t.strip() for t in spec.split(",")):
                if tag and tag not in own:
                    add(i, f"the tag {tag!r} is not used by any question of the {sid} section")
        for m in _QUIZ.finditer(line):
            if m.group(1) not in own:
                add(i, f"`mlprep quiz --tag {m.group(1)}`: no question of the {sid} section has this tag")
        for m in _DRILL.finditer(line):
            if m.group(1) not in drills:
                add(i, f"`mlprep drill {m.group(1)}`: there is no such drill")
        for m in _SHOW.finditer(line):
            if m.group(1) not in ids:
                add(i, f"`mlprep show {m.group(1)}`: there is no such question")
    heads = [i for i, line in enumerate(lines) if line.startswith("## ")]
    if not heads:
        add(0, "notes need '## <Topic>' headings")
    for n, h in enumerate(heads):
        body = lines[h + 1:heads[n + 1] if n + 1 < len(heads) else len(lines)]
        first = next((b for b in body if b.strip()), "")
        if not first.startswith("Tags:"):
            add(h, f"the topic {lines[h][3:]!r} needs a 'Tags:' line right after its heading")
        if not any(b.startswith("Practice:") for b in body):
            add(h, f"the topic {lines[h][3:]!r} needs a 'Practice:' line")
    return out
