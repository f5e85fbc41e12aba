"""`mlprep search`: ranked full-text search over questions, notes topics and drills.

The documents come from the loaded banks (prompt, choices, answer, explanation, tags, id), the study
notes (one document per `## Topic`) and the drills (title, task, tags). They are indexed with SQLite
FTS5 (`mlprep.store.search`) in a file of the cache folder, named by a key over the same file stamps
the bank cache uses (path, size, modification time, mlprep version) of every bank, notes and drill
file: the first search after a change builds a new index (about a second for the built-in content),
later ones reuse it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from pathlib import Path

from mlprep import __version__, paths
from mlprep.drills.catalogue import Drill
from mlprep.questions.bank import Bank
from mlprep.questions.topics import Notes
from mlprep.store.search import Doc, Hit, SearchIndex

KINDS = ("question", "note", "drill")


def documents(bank: Bank, notes: Notes, drills: dict[str, Drill]) -> Iterator[Doc]:
    for q in bank.questions.values():
        answer = ""
        if q.type in ("short", "code_output"):
            answer = " ".join(q.answer) if isinstance(q.answer, tuple) else str(q.answer)
        elif q.type == "flashcard":
            answer = str(q.answer)
        body = "\n".join(part for part in (" ".join(q.choices), answer, q.code, q.explanation) if part)
        yield Doc(q.id, "question", q.type, q.section, q.id, q.prompt, " ".join(q.tags), body)
    for t in notes.topics:
        yield Doc(t.ref, "note", "note", t.section, t.ref, t.title, " ".join(t.tags), _topic_body(t.text))
    for d in drills.values():
        try:
            task = d.task
        except OSError:
            task = ""
        yield Doc(d.slug, "drill", "drill", d.section, d.slug, d.title, " ".join(d.tags), task)


def _topic_body(text: str) -> str:
    """A topic's text without its heading and `Tags:` line(s), which are indexed as title and tags."""
    lines = text.splitlines()[1:]
    out, in_tags = [], False
    for line in lines:
        if line.startswith("Tags:") or in_tags:
            in_tags = line.rstrip().endswith(",")
            continue
        in_tags = False
        out.append(line)
    return "\n".join(out).strip("\n")


def content_key(bank: Bank, notes: Notes, drills: dict[str, Drill]) -> str:
    """A digest of every file the index is built from (the bank cache's stamps), plus the index schema."""
    from mlprep.store.search import SCHEMA_VERSION

    h = hashlib.sha1(f"search-{SCHEMA_VERSION}".encode())
    files = list(bank.files) + sorted({Path(t.source) for t in notes.topics})
    for d in drills.values():
        files += [d.folder / "drill.yaml", d.folder / "task.md"]
    for f in files:
        try:
            st = Path(f).stat()
            h.update(f"{Path(f).resolve()}|{st.st_size}|{st.st_mtime_ns}|{__version__}\n".encode())
        except OSError:
            h.update(str(f).encode())
    return h.hexdigest()[:20]


def index_path(key: str) -> Path:
    return paths.cache_dir() / f"search-{key}.sqlite3"


def open_index(bank: Bank, notes: Notes, drills: dict[str, Drill]) -> SearchIndex:
    """The index for this content: reused when its file exists, built (and older ones removed) when not."""
    from mlprep.errors import StoreError

    path = index_path(content_key(bank, notes, drills))
    if path.exists():
        try:
            return SearchIndex(path)
        except StoreError:
            pass  # unreadable or from another version: rebuild it
    try:
        for old in path.parent.glob("search-*.sqlite3"):
            if old != path:
                old.unlink(missing_ok=True)
        return SearchIndex.build(path, documents(bank, notes, drills))
    except (OSError, StoreError):  # a read-only cache folder: index in a temporary folder for this run
        import tempfile

        index = SearchIndex.build(Path(tempfile.mkdtemp(prefix="mlprep-search-")) / path.name,
                                  documents(bank, notes, drills))
        try:  # the open connection keeps reading it; nothing is left behind
            index.path.unlink()
            index.path.parent.rmdir()
        except OSError:
            pass
        return index


def search(index: SearchIndex, query: str, limit: int = 10, kinds: Sequence[str] = ()) -> list[Hit]:
    from mlprep.errors import InvalidValue

    bad = [k for k in kinds if k not in KINDS]
    if bad:
        raise InvalidValue("kind", bad[0], f"search one of: {', '.join(KINDS)}.")
    return index.search(query, limit, kinds)
