"""Finding, loading and caching question banks.

Banks come from three places, in this order: the built-in `content/` folder, the user's banks
folder (`<data home>/banks`), and any `--bank PATH` given on the command line (a file or a folder).
Each file is validated once (see `schema.py`) and the result is cached as JSON keyed by the
file's path, size and modification time, so starting a quiz does not re-parse YAML or import
pydantic unless a bank changed. The cache is plain data on purpose: loading it never runs code
(a pickle would), so a tampered cache file can at worst be rejected and rebuilt.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from copy import copy
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from mlprep import __version__, paths
from mlprep.errors import ContentError, InvalidValue, Problem
from mlprep.fsutil import atomic_write
from mlprep.questions.model import TYPES, Question

BANK_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    order: int


@dataclass
class Bank:
    """All loaded questions, by id, with their sections in display order."""

    questions: dict[str, Question] = field(default_factory=dict)
    sections: dict[str, Section] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)  # files of the user's banks folder left out (one each)

    def in_section(self, section_id: str) -> list[Question]:
        return [q for q in self.questions.values() if q.section == section_id]

    def __len__(self) -> int:
        return len(self.questions)


def _files_in(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.suffix in BANK_SUFFIXES and p.is_file()
                      and not any(part.startswith(".") for part in p.relative_to(path).parts))
    return [path]


def bank_files(extra: Sequence[Path] = (), builtin: bool = True, user: bool = True) -> list[Path]:
    """Every bank file to load, built-in first. Missing `--bank` paths are an error."""
    files: list[Path] = []
    if builtin:
        files += _files_in(paths.content_dir())
    user_dir = paths.user_banks_dir()
    if user and user_dir.is_dir():
        files += _files_in(user_dir)
    for p in extra:
        p = Path(p).expanduser()
        if not p.exists():
            raise InvalidValue("bank", p, "no such file or folder. Give a YAML bank file or a folder of them.")
        if p.is_file() and p.suffix not in BANK_SUFFIXES:
            raise InvalidValue("bank", p, "not a YAML file (expected a .yaml or .yml bank file).")
        files += _files_in(p)
    seen: set[Path] = set()
    unique = []
    for f in files:
        r = f.resolve()
        if r not in seen:
            seen.add(r)
            unique.append(f)
    return unique


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _cache_path(path: Path) -> Path:
    digest = hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:20]
    return paths.cache_dir() / f"bank-{digest}.json"


CACHE_FORMAT = 4  # 1 was a pickle; 2 and 3 other JSON layouts
_FIELDS = [f.name for f in fields(Question)]


def _stamp(path: Path) -> list:
    st = path.stat()
    return [str(path.resolve()), st.st_size, st.st_mtime_ns, __version__, CACHE_FORMAT, _FIELDS]


def _encode(stamp: list, questions: list[Question], section: Section) -> str:
    # By column: a field with one value for the whole bank (source, section, language...) is stored once.
    # Smaller than one object per question, and much quicker to parse.
    cols: dict[str, Any] = {}
    for f in _FIELDS:
        values = [q.__dict__[f] for q in questions]
        same = bool(values) and all(v == values[0] and type(v) is type(values[0]) for v in values)
        cols[f] = {"all": values[0]} if same else {"each": values}
    return json.dumps({"stamp": stamp, "section": [section.id, section.title, section.order], "n": len(questions),
                       "cols": cols}, ensure_ascii=False, allow_nan=True, separators=(",", ":"))


def _column(col: dict, n: int, tuples: bool) -> Any:
    if "all" in col:
        value = col["all"]
        if tuples and type(value) is list:
            value = tuple(value)
        if isinstance(value, (dict, list)):  # mutable: each question gets its own copy
            return [copy(value) for _ in range(n)] if type(value) is list else [dict(value) for _ in range(n)]
        return [value] * n  # immutable: one object shared by every question
    values = col["each"]
    if len(values) != n:
        raise ValueError("column length")
    return [tuple(v) if type(v) is list else v for v in values] if tuples else values


def _decode(text: str, stamp: list) -> tuple[list[Question], Section] | None:
    import gc

    enabled = gc.isenabled()
    gc.disable()  # tens of thousands of new containers, none of them garbage: no collections meanwhile
    try:
        return _decode_data(json.loads(text), stamp)
    finally:
        if enabled:
            gc.enable()


def _decode_data(data: Any, stamp: list) -> tuple[list[Question], Section] | None:
    if not isinstance(data, dict) or data.get("stamp") != stamp:
        return None
    sid, title, order = data["section"]
    n, cols = int(data["n"]), data["cols"]
    if list(cols) != _FIELDS:
        return None
    columns = [_column(cols[f], n, f in ("tags", "choices", "answer")) for f in _FIELDS]
    by_name = dict(zip(_FIELDS, columns))
    if not (all(type(v) is str for v in by_name["id"]) and all(v in TYPES for v in by_name["type"])
            and all(type(v) is str for v in by_name["prompt"]) and all(type(v) is int for v in by_name["difficulty"])):
        return None  # not what this version writes: rebuild
    new, setattr_, fields_ = object.__new__, object.__setattr__, _FIELDS
    questions = []
    for row in zip(*columns):
        q = new(Question)
        # Built without __init__, as unpickling did: the values were validated when the cache was written.
        setattr_(q, "__dict__", dict(zip(fields_, row)))
        questions.append(q)
    return questions, Section(str(sid), str(title), int(order))


def load_file(path: Path, use_cache: bool = True) -> tuple[list[Question], Section | None, list[Problem]]:
    """Load one bank file, from cache when it is unchanged."""
    display = _display(path)
    cache = _cache_path(path)
    try:
        stamp = _stamp(path)
    except OSError as exc:
        return [], None, [Problem(display, None, "", f"cannot read file: {exc}")]
    if use_cache and cache.exists():
        try:
            cached = _decode(cache.read_text(encoding="utf-8"), stamp)
            if cached is not None:
                return cached[0], cached[1], []
        except Exception:  # a stale or corrupt cache is simply rebuilt
            pass
    from mlprep.questions.schema import validate_file

    questions, model, problems = validate_file(path, display)
    section = Section(model.id, model.title, model.order if model.order is not None else 1000) if model else None
    if use_cache and not problems and section is not None:
        try:
            write_cache(cache, _encode(stamp, questions, section))
        except (TypeError, ValueError):
            pass  # a value JSON cannot hold: this bank is simply not cached
    return questions, section, problems


def write_cache(cache: Path, text: str) -> None:
    """Write a cache file (JSON text) atomically; caching is an optimisation, so errors are ignored."""
    try:
        data = text.encode("utf-8")
        atomic_write(cache, lambda tmp: tmp.write_bytes(data), fsync=False)
    except OSError:
        pass  # a read-only home still works


def check_files(files: Iterable[Path], use_cache: bool = True,
                lenient: Iterable[Path] = ()) -> tuple[Bank, list[Problem]]:
    """Load and validate files, collecting every problem (including duplicate ids across files).

    A file in `lenient` (the user's banks folder) that has any problem, a repeated id included, is left
    out whole instead: its first problem goes to `bank.skipped` (saying how many more it has), so one
    broken shared bank never blocks the others."""
    bank = Bank()
    problems: list[Problem] = []
    soft = {Path(p).resolve() for p in lenient}
    for path in files:
        questions, section, probs = load_file(path, use_cache=use_cache)
        if soft and path.resolve() in soft:
            if not probs:
                probs = [Problem(q.source, q.line, f"{q.id}: id", f"duplicate id: already used in "
                                 f"{bank.questions[q.id].source}:{bank.questions[q.id].line}")
                         for q in questions if q.id in bank.questions]
            if probs or section is None:
                first = probs[0] if probs else Problem(_display(path), None, "", "no section")
                more = f" (and {len(probs) - 1} more problem{'s' * (len(probs) > 2)})" if len(probs) > 1 else ""
                bank.skipped.append(Problem(first.file, first.line, first.where, first.message + more))
                continue
        problems += probs
        bank.files.append(path)
        if section is None:
            continue
        if section.id not in bank.sections:
            bank.sections[section.id] = section
        for q in questions:
            other = bank.questions.get(q.id)
            if other is not None:
                problems.append(Problem(q.source, q.line, f"{q.id}: id",
                                        f"duplicate id: already used in {other.source}:{other.line}; "
                                        "give this question a new, unique id"))
                continue
            bank.questions[q.id] = q
    bank.sections = dict(sorted(bank.sections.items(), key=lambda kv: (kv[1].order, kv[1].title)))
    return bank, problems


def load_bank(extra: Sequence[Path] = (), use_cache: bool = True) -> Bank:
    """Load every bank (built-in, user folder, `--bank` paths). Raises ContentError on any problem in a
    built-in bank or a `--bank` path; a broken file in the user's banks folder is left out and named in
    `bank.skipped` (the CLI warns about it in one line)."""
    files = bank_files(extra)
    explicit = {f.resolve() for f in bank_files(extra, builtin=False, user=False)} if extra else set()
    user = [f for f in bank_files(builtin=False, user=True) if f.resolve() not in explicit]
    bank, problems = check_files(files, use_cache=use_cache, lenient=user)
    if problems:
        raise ContentError(problems)
    return bank


def duplicates_against(bank: Bank, reference: Bank) -> list[Problem]:
    """Problems for the questions of `bank` whose id a question of `reference` (another set of files,
    e.g. the built-in banks) already uses: loading both together would fail."""
    out = []
    for q in bank.questions.values():
        other = reference.questions.get(q.id)
        if other is not None and other.source != q.source:
            out.append(Problem(q.source, q.line, f"{q.id}: id",
                               f"duplicate id: already used in {other.source}:{other.line}; give this question "
                               "a new, unique id (ids are global across every bank)"))
    return out


def tag_counts(bank: Bank, sections: list[str] | tuple[str, ...] = ()) -> dict[str, dict[str, int]]:
    """Per section (in bank order): each tag and how many of the section's questions carry it,
    most used first, then alphabetical."""
    out: dict[str, dict[str, int]] = {}
    for sid in bank.sections:
        if sections and sid not in sections:
            continue
        counts: dict[str, int] = {}
        for q in bank.in_section(sid):
            for t in q.tags:
                counts[t] = counts.get(t, 0) + 1
        out[sid] = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return out
