"""The full-text search index: one SQLite FTS5 file of documents, ranked with bm25.

An index file holds the documents of one version of the content (questions, notes topics, drills);
its name carries a content key, so a changed bank simply gets a new file and an unchanged one is
reused. Documents are plain data (`Doc`): the caller decides what goes in which column. User text
never reaches FTS5 syntax: every word is quoted (`quote`) before it is matched.

Ranking: documents with every query word come first, ranked by bm25 with the columns weighted
(id and tags above title, title above body); then, when there are fewer than asked for, documents with
all words but one, then documents with any of the words, each group ranked the same way.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from mlprep.errors import StoreError
from mlprep.fsutil import atomic_write

SCHEMA_VERSION = 2
# The columns query words are matched in, and their bm25 weights: ident, title, tags, body, extra (joined
# compounds); `kind` is indexed only to filter by it.
SEARCHED = ("ident", "title", "tags", "body", "extra")
WEIGHTS = (6.0, 4.0, 5.0, 1.0, 3.0, 0.0)
RANK = f"bm25({', '.join(str(w) for w in WEIGHTS)})"
MARK_START, MARK_END = "\x02", "\x03"  # snippet highlight markers (never in indexed text)
SNIPPET_TOKENS = 14
MAX_SUBSET_WORDS = 6  # up to this many words, documents missing one word rank before the rest
_WORD = re.compile(r"\w+(?:[-'’.]\w+)*", re.UNICODE)
_COMPOUND = re.compile(r"\b\w+(?:-\w+)+\b")


@dataclass(frozen=True)
class Doc:
    ref: str  # what the user types to open it (a question id, a topic ref, a drill slug)
    kind: str  # "question", "note", "drill"
    type: str  # question type, "note" or "drill"
    section: str
    ident: str
    title: str
    tags: str
    body: str


@dataclass(frozen=True)
class Hit:
    ref: str
    kind: str
    type: str
    section: str
    title: str
    snippet: str  # with MARK_START/MARK_END around matched words
    score: float  # bm25 (lower is better)
    all_words: bool  # every query word matched


def words(text: str) -> list[str]:
    """The words of a query: runs of letters/digits (keeping inner hyphens and dots, as in k-means)."""
    return [w for w in _WORD.findall(text) if w.strip("-'’.")]


def quote(word: str) -> str:
    """One word as an FTS5 string: double quotes doubled, so no user text is ever FTS5 syntax."""
    return '"' + word.replace('"', '""') + '"'


def _term(word: str) -> str:
    """A word of 3+ characters also matches as a prefix ("init" finds "initialization"); a hyphenated
    word also matches joined ("k-means" finds "kmeans")."""
    if "-" in word:
        joined = word.replace("-", "")
        return f"({quote(word)} OR {quote(joined)})" if joined.isalnum() else quote(word)
    return quote(word) + ("*" if len(word) >= 3 and word.isalnum() else "")


def compounds(text: str) -> str:
    """Hyphenated words also written joined ("k-means" → "kmeans"), so either spelling finds them."""
    return " ".join(m.group(0).replace("-", "") for m in _COMPOUND.finditer(text))


class SearchIndex:
    """A read-only FTS5 index in one file, built once by `build`."""

    def __init__(self, path: Path):
        self.path = Path(path)
        try:
            self.db = sqlite3.connect(self.path.resolve().as_uri() + "?mode=ro", uri=True)
            version = self.db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot read the search index {self.path}: {exc}") from None
        if version is None or int(version[0]) != SCHEMA_VERSION:
            self.db.close()
            raise StoreError(f"the search index {self.path} is from another version of mlprep")

    @staticmethod
    def fts5_available() -> bool:
        db = sqlite3.connect(":memory:")
        try:
            db.execute("CREATE VIRTUAL TABLE t USING fts5(x)")
            return True
        except sqlite3.OperationalError:
            return False
        finally:
            db.close()

    @classmethod
    def build(cls, path: Path, docs: Iterable[Doc]) -> SearchIndex:
        """Write a new index file atomically (a reader never sees half an index) and open it."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)

        def write(tmp: Path) -> None:
            tmp.unlink(missing_ok=True)
            db = sqlite3.connect(tmp)
            try:
                db.execute("PRAGMA journal_mode = OFF")
                db.execute("PRAGMA synchronous = OFF")
                db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                db.execute("INSERT INTO meta VALUES ('version', ?)", (str(SCHEMA_VERSION),))
                db.execute("CREATE TABLE docs (id INTEGER PRIMARY KEY, ref TEXT NOT NULL, kind TEXT NOT NULL, "
                           "type TEXT NOT NULL, section TEXT NOT NULL, title TEXT NOT NULL)")
                db.execute("CREATE VIRTUAL TABLE fts USING fts5(ident, title, tags, body, extra, kind, "
                           "tokenize = 'porter unicode61')")
                with db:
                    for n, d in enumerate(docs, 1):
                        db.execute("INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?)",
                                   (n, d.ref, d.kind, d.type, d.section, d.title))
                        db.execute("INSERT INTO fts (rowid, ident, title, tags, body, extra, kind) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?)",
                                   (n, d.ident, d.title, d.tags, d.body,
                                    compounds(" ".join((d.ident, d.title, d.tags, d.body))), d.kind))
                    db.execute("INSERT INTO fts (fts) VALUES ('optimize')")
            finally:
                db.close()

        try:
            atomic_write(path, write, fsync=False)
        except (OSError, sqlite3.DatabaseError) as exc:
            raise StoreError(f"cannot write the search index {path}: {exc}") from None
        return cls(path)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __len__(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM docs").fetchone()[0])

    def search(self, query: str, limit: int = 10, kinds: Iterable[str] = ()) -> list[Hit]:
        """The best `limit` documents for the words of `query` (any text: it is never parsed as FTS5)."""
        terms = [_term(w) for w in dict.fromkeys(w.lower() for w in words(query))]
        if not terms or limit <= 0:
            return []
        kinds = tuple(kinds)
        every = " AND ".join(terms)
        ranked = [(rowid, score, every, True) for rowid, score in self._rank(every, limit, kinds)]
        seen = {r[0] for r in ranked}
        anyword = " OR ".join(terms)
        if len(ranked) < limit and 2 < len(terms) <= MAX_SUBSET_WORDS:
            # Then documents with all words but one (one query word may be a typo or a synonym).
            partial: dict[int, float] = {}
            for skip in range(len(terms)):
                expr = " AND ".join(t for n, t in enumerate(terms) if n != skip)
                for rowid, score in self._rank(expr, limit - len(ranked) + len(seen), kinds):
                    if rowid not in seen:
                        partial[rowid] = min(score, partial.get(rowid, score))
            best = sorted(partial.items(), key=lambda kv: kv[1])[:limit - len(ranked)]
            ranked += [(rowid, score, anyword, False) for rowid, score in best]
            seen.update(partial)
        if len(ranked) < limit and len(terms) > 1:
            more = [(rowid, score) for rowid, score in self._rank(anyword, limit + len(seen), kinds)
                    if rowid not in seen]
            ranked += [(rowid, score, anyword, False) for rowid, score in more[:limit - len(ranked)]]
        return [self._hit(rowid, score, expr, all_words) for rowid, score, expr, all_words in ranked]

    def _rank(self, expr: str, limit: int, kinds: tuple[str, ...]) -> list[tuple[int, float]]:
        """(rowid, bm25) of the best matches, through FTS5's ORDER BY rank fast path (no snippets)."""
        match = f"{{{' '.join(SEARCHED)}}} : ({expr})"
        if kinds:
            match = f"({match}) AND kind : ({' OR '.join(quote(k) for k in kinds)})"
        try:
            rows = self.db.execute("SELECT rowid, rank FROM fts WHERE fts MATCH ? AND rank MATCH ? "
                                   "ORDER BY rank LIMIT ?", (match, RANK, limit)).fetchall()
        except sqlite3.OperationalError as exc:  # quoting makes this unreachable for user text
            raise StoreError(f"search failed: {exc}") from None
        return [(int(r[0]), float(r[1])) for r in rows]

    def _hit(self, rowid: int, score: float, expr: str, all_words: bool) -> Hit:
        snip = "snippet(fts, {}, '" + MARK_START + "', '" + MARK_END + "', '…', " + str(SNIPPET_TOKENS) + ")"
        row = self.db.execute(
            f"SELECT d.ref, d.kind, d.type, d.section, d.title, {snip.format(1)}, {snip.format(3)}, {snip.format(2)} "
            "FROM fts JOIN docs d ON d.id = fts.rowid WHERE fts MATCH ? AND fts.rowid = ?",
            (f"{{{' '.join(SEARCHED)}}} : ({expr})", rowid)).fetchone()
        return Hit(row[0], row[1], row[2], row[3], row[4], _best_snippet(row[5], row[6], row[7]), score, all_words)


def _best_snippet(title: str, body: str, tags: str) -> str:
    """The snippet with the most highlighted words: the title's on a tie, the tags' only when
    nothing else matched."""
    best = max((title, body), key=lambda s: s.count(MARK_START))
    if MARK_START not in best and MARK_START in tags:
        return f"{title[:80]} · tags: {tags}"
    return best
