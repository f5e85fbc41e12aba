"""Validation of question-bank files (YAML) with precise, fixable error messages.

A bank file is::

    format_version: 1
    section: {id: metrics, title: "Evaluation metrics & bias-variance", order: 4}
    questions:
      - id: metrics-precision-01
        type: mcq            # mcq | multi | truefalse | numeric | short | flashcard | code_output
        prompt: ...          # Markdown
        ...

See docs/content-format.md for every field. This module imports pydantic, so it is only used when
a bank file is (re)validated, never on the cached start-up path.
"""

from __future__ import annotations

import math
import random
import re
import time
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from mlprep.errors import Problem
from mlprep.questions import params as P
from mlprep.questions.model import LETTERS, TYPES, Question
from mlprep.rules import (
    LINT_DRAWS,
    LINT_GRID,
    LINT_SECONDS,
    MAX_BANK_BYTES,
    MAX_LINE_CHARS,
    MAX_TEXT_CHARS,
    MAX_UNIT_CHARS,
    MAX_YAML_DEPTH,
    MAX_YAML_NODES,
)
from mlprep.safetext import clip, describe_char, quote, unsafe_chars

FORMAT_VERSION = 1
ID_PATTERN = r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$"
PARAM_SAMPLES = 64

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=False)


class SectionModel(_Strict):
    id: str = Field(pattern=ID_PATTERN)
    title: str = Field(min_length=1, max_length=MAX_LINE_CHARS)
    order: int | None = None
    description: str | None = Field(default=None, max_length=MAX_TEXT_CHARS)


class ToleranceModel(_Strict):
    """When `tolerance` is given, unspecified parts are 0; with no `tolerance` at all, rel = 1%."""

    abs: float = Field(default=0.0, ge=0)
    rel: float = Field(default=0.0, ge=0)


class ParamModel(_Strict):
    min: float | None = None
    max: float | None = None
    step: float | None = Field(default=None, gt=0)
    decimals: int | None = Field(default=None, ge=0, le=10)
    choices: list[Any] | None = Field(default=None, max_length=LINT_GRID)


_Line = Annotated[str, Field(max_length=MAX_LINE_CHARS)]


class QuestionModel(_Strict):
    id: str = Field(pattern=ID_PATTERN, max_length=80)
    type: Literal["mcq", "multi", "truefalse", "numeric", "short", "flashcard", "code_output"]
    prompt: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)
    explanation: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)
    tags: list[Annotated[str, Field(max_length=MAX_UNIT_CHARS)]] = Field(min_length=1, max_length=20)
    difficulty: Literal[1, 2, 3]
    answer: Any = None
    choices: list[_Line] | None = Field(default=None, max_length=len(LETTERS))
    accept: list[_Line] | None = Field(default=None, max_length=50)
    tolerance: ToleranceModel | None = None
    unit: str | None = Field(default=None, max_length=MAX_UNIT_CHARS)
    code: str | None = Field(default=None, max_length=MAX_TEXT_CHARS)
    language: str = Field(default="python", pattern=r"^[A-Za-z0-9][A-Za-z0-9+#._-]{0,29}$")
    shuffle: bool = True
    params: dict[str, ParamModel] | None = Field(default=None, max_length=20)
    where: str | None = Field(default=None, max_length=P.MAX_SOURCE)

    @field_validator("tags")
    @classmethod
    def _tags(cls, tags: list[str]) -> list[str]:
        import re

        for t in tags:
            if not re.match(ID_PATTERN, t):
                raise ValueError(f"tag {quote(t)} must be lowercase words joined by '-', e.g. 'log-loss'")
        if len(set(tags)) != len(tags):
            raise ValueError("tags repeat")
        return tags


class BankModel(_Strict):
    format_version: int
    section: SectionModel
    questions: list[dict[str, Any]] = Field(min_length=1)

    @field_validator("format_version")
    @classmethod
    def _version(cls, v: int) -> int:
        if v != FORMAT_VERSION:
            raise ValueError(f"unsupported format_version {v}; this mlprep reads version {FORMAT_VERSION}")
        return v


# ---------------------------------------------------------------- YAML with line numbers

class BankFileError(Exception):
    """A bank file refused before validation (too big, an alias bomb, too deep, a control character)."""

    def __init__(self, line: int | None, where: str, message: str):
        super().__init__(message)
        self.line, self.where, self.message = line, where, message


def _check_events(text: str) -> None:
    """One streaming pass over the YAML events, before anything is built: the nesting depth and the
    number of nodes the document would have with every alias expanded ("billion laughs": a few
    hundred bytes of nested aliases that expand to 10^9 strings) are bounded, and recursive aliases
    refused. Each anchor's expanded size is known when it closes, so the count is exact and O(events)."""
    loader = _Loader(text)
    sizes: dict[str, int] = {}
    stack: list[list[Any]] = [[None, 0]]  # [anchor, expanded size so far] of each open collection
    open_anchors: set[str] = set()
    try:
        while loader.check_event():
            ev = loader.get_event()
            line = ev.start_mark.line + 1 if ev.start_mark is not None else None
            if isinstance(ev, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                if len(stack) > MAX_YAML_DEPTH:
                    raise BankFileError(line, "", f"YAML nested more than {MAX_YAML_DEPTH} levels deep; a bank "
                                                  "needs only a few levels")
                stack.append([ev.anchor, 1])
                if ev.anchor:
                    open_anchors.add(ev.anchor)
                continue
            if isinstance(ev, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                anchor, size = stack.pop()
                if anchor:
                    sizes[anchor] = size
                    open_anchors.discard(anchor)
                stack[-1][1] += size
            elif isinstance(ev, yaml.ScalarEvent):
                if ev.anchor:
                    sizes[ev.anchor] = 1
                stack[-1][1] += 1
            elif isinstance(ev, yaml.AliasEvent):
                if ev.anchor in open_anchors:
                    raise BankFileError(line, "", f"the alias *{clip(ev.anchor, 40)} refers to a collection "
                                                  "that contains it (a recursive alias); banks cannot be recursive")
                stack[-1][1] += sizes.get(ev.anchor, 1)
            else:
                continue
            if sum(frame[1] for frame in stack) > MAX_YAML_NODES:
                raise BankFileError(line, "", f"the YAML expands to more than {MAX_YAML_NODES:,} values once "
                                              "its aliases (*name) are expanded (an alias bomb?); write the "
                                              "questions out, or use fewer aliases")
    finally:
        loader.dispose()


def _parse_yaml(text: str) -> tuple[Any, yaml.Node | None]:
    _check_events(text)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return data, node


def _raw_unsafe(text: str) -> BankFileError | None:
    """A terminal-unsafe character typed raw in the file (YAML refuses most, without a useful line)."""
    found = unsafe_chars(text)
    if not found:
        return None
    index, ch = found[0]
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    key = None
    for src in reversed(text[:index].split("\n")):
        m = re.match(r"\s*(?:-\s+)?([A-Za-z_][\w-]*)\s*:", src)
        if m:
            key = m.group(1)
            break
    more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
    return BankFileError(line, key or "", f"column {col}: the character {describe_char(ch)}{more} is not "
                                          f"allowed: {_UNSAFE_WHY}")


_UNSAFE_WHY = ("banks may not contain terminal control characters (ESC, BEL, CR, C1 controls) or bidi "
               "overrides; remove it (write text, not escape sequences)")


def _walk(node: yaml.Node | None, path: tuple[Any, ...] = ()) -> Any:
    """(path, key-or-value scalar node) for every scalar, depth-first (depth is bounded by _check_events)."""
    if isinstance(node, yaml.ScalarNode):
        yield path, node
    elif isinstance(node, yaml.SequenceNode):
        for i, child in enumerate(node.value):
            yield from _walk(child, (*path, i))
    elif isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            key = k.value if isinstance(k, yaml.ScalarNode) else "?"
            yield (*path, key), k
            yield from _walk(v, (*path, key))


def _label(path: tuple[Any, ...], data: Any) -> str:
    """How a problem names a field: `q-id: prompt` inside a question, else the dotted path."""
    if len(path) >= 2 and path[0] == "questions" and isinstance(path[1], int) and isinstance(data, dict):
        qs = data.get("questions")
        qid = None
        if isinstance(qs, list) and path[1] < len(qs) and isinstance(qs[path[1]], dict):
            qid = qs[path[1]].get("id")
        head = clip(qid, 80) if isinstance(qid, str) else f"questions[{path[1]}]"
        rest = _fmt_loc(path[2:])
        return f"{head}: {rest}" if rest else head
    return _fmt_loc(path)


def _text_problems(name: str, root: yaml.Node | None, data: Any) -> list[Problem]:
    """Terminal-unsafe characters (written as YAML escapes such as "\\e" or "\\u202e") in any key or
    value, with the line and field they are in."""
    problems: list[Problem] = []
    for path, node in _walk(root):
        value = node.value
        if not isinstance(value, str):
            continue
        found = unsafe_chars(value)
        if not found:
            continue
        index, ch = found[0]
        line = node.start_mark.line + 1 + value.count("\n", 0, index)
        line = min(line, node.end_mark.line + 1)
        more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
        problems.append(Problem(name, line, _label(path, data),
                                f"the character {describe_char(ch)}{more} is not allowed: {_UNSAFE_WHY}"))
        if len(problems) >= 20:
            break
    return problems


def _read_bank(path: Path) -> str:
    """The file's text, refusing what is not a regular file or is larger than MAX_BANK_BYTES, without
    reading more than that."""
    import os
    import stat as stat_

    if not stat_.S_ISREG(path.stat().st_mode):  # a FIFO or a device would block or never end
        raise BankFileError(None, "", "not a regular file; give a YAML bank file")
    with path.open("rb") as fh:
        st = os.fstat(fh.fileno())
        if not stat_.S_ISREG(st.st_mode):
            raise BankFileError(None, "", "not a regular file; give a YAML bank file")
        if st.st_size > MAX_BANK_BYTES:
            raise BankFileError(None, "", f"the file is {st.st_size:,} bytes; a bank may be at most "
                                          f"{MAX_BANK_BYTES:,} bytes (split it into several files)")
        data = fh.read(MAX_BANK_BYTES + 1)
    if len(data) > MAX_BANK_BYTES:
        raise BankFileError(None, "", f"the file is larger than {MAX_BANK_BYTES:,} bytes; split it into "
                                      "several files")
    return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")  # YAML line breaks, not CRs


def _mapping_lines(node: yaml.Node | None) -> dict[str, int]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {k.value: k.start_mark.line + 1 for k, _ in node.value if isinstance(k, yaml.ScalarNode)}


def _child(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return v
    return None


def _fmt_loc(loc: tuple[Any, ...]) -> str:
    return ".".join(str(x) for x in loc)


def _pyd_message(err: dict[str, Any]) -> str:
    kind, msg = err["type"], err["msg"]
    if kind == "extra_forbidden":
        return "unknown field; check its spelling (see docs/content-format.md for the fields)"
    if kind == "missing":
        return "required field is missing"
    if kind == "literal_error" and err["loc"] and err["loc"][0] == "type":
        return f"unknown type {quote(err.get('input'))}; use one of {', '.join(TYPES)}"
    if kind == "literal_error" and err["loc"] and err["loc"][0] == "difficulty":
        return "difficulty must be 1 (junior), 2 (mid) or 3 (senior)"
    if kind == "string_pattern_mismatch" and err["loc"] and err["loc"][-1] == "language":
        return f"{quote(err.get('input'))} is not a language name (e.g. python, bash, sql)"
    if kind == "string_pattern_mismatch":
        return f"{quote(err.get('input'))} must be lowercase letters/digits joined by '-', e.g. 'metrics-precision-01'"
    return msg[0].lower() + msg[1:] if msg else kind


# ---------------------------------------------------------------- public API

def validate_file(path: Path, display: str | None = None) -> tuple[list[Question], SectionModel | None, list[Problem]]:
    """Parse and validate one bank file. Returns (questions, section, problems)."""
    name = display or str(path)
    problems: list[Problem] = []
    try:
        text = _read_bank(path)
    except BankFileError as exc:
        return [], None, [Problem(name, exc.line, exc.where, exc.message)]
    except (OSError, UnicodeDecodeError) as exc:
        return [], None, [Problem(name, None, "", f"cannot read file: {exc}")]
    raw_problem = _raw_unsafe(text)
    if raw_problem is not None:
        return [], None, [Problem(name, raw_problem.line, raw_problem.where, raw_problem.message)]
    try:
        data, root = _parse_yaml(text)
    except BankFileError as exc:
        return [], None, [Problem(name, exc.line, exc.where, exc.message)]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        reason = getattr(exc, "problem", None) or str(exc)
        return [], None, [Problem(name, line, "", f"invalid YAML: {reason}. Check indentation and quoting "
                                  "(quote text containing ': ' or starting with a special character).")]
    if not isinstance(data, dict):
        return [], None, [Problem(name, 1, "", "a bank file must be a mapping with format_version, section "
                                  "and questions")]
    unsafe = _text_problems(name, root, data)
    if unsafe:
        return [], None, unsafe
    top_lines = _mapping_lines(root)
    try:
        bank = BankModel.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            loc = err["loc"]
            key = str(loc[0]) if loc else ""
            line = top_lines.get(key)
            if key == "section" and len(loc) > 1:
                line = _mapping_lines(_child(root, "section")).get(str(loc[1]), line)
            problems.append(Problem(name, line, _fmt_loc(loc), _pyd_message(dict(err))))
        return [], None, problems

    q_nodes = _child(root, "questions")
    items = q_nodes.value if isinstance(q_nodes, yaml.SequenceNode) else []
    questions: list[Question] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(bank.questions):
        node = items[i] if i < len(items) else None
        line = node.start_mark.line + 1 if node is not None else None
        lines = _mapping_lines(node)
        qid = raw.get("id") if isinstance(raw, dict) else None
        label = clip(qid, 80) if qid else f"questions[{i}]"
        if not isinstance(raw, dict):
            problems.append(Problem(name, line, label, "each question must be a mapping of fields"))
            continue
        try:
            model = QuestionModel.model_validate(raw)
        except ValidationError as exc:
            for err in exc.errors():
                field = str(err["loc"][0]) if err["loc"] else ""
                problems.append(Problem(name, lines.get(field, line), f"{label}: {_fmt_loc(err['loc'])}",
                                        _pyd_message(dict(err))))
            continue
        if model.id in seen:
            problems.append(Problem(name, line, f"{model.id}: id",
                                    f"duplicate id (first used at line {seen[model.id]}); ids must be unique"))
            continue
        seen[model.id] = line or 0
        q, errs = _build(model, bank.section, name, line, raw)
        for field, message in errs:
            problems.append(Problem(name, lines.get(field, line), f"{model.id}: {field}", message))
        if q is not None and not errs:
            questions.append(q)
    return questions, bank.section, problems


def _letter_or_text(value: Any, choices: list[str]) -> int | None:
    if isinstance(value, str):
        v = value.strip()
        if len(v) == 1 and v.upper() in LETTERS[: len(choices)]:
            return LETTERS.index(v.upper())
        if v in choices:
            return choices.index(v)
    return None


def _build(m: QuestionModel, section: SectionModel, source: str, line: int | None,
           raw: dict[str, Any]) -> tuple[Question | None, list[tuple[str, str]]]:
    errs: list[tuple[str, str]] = []
    kw: dict[str, Any] = {}
    t = m.type

    def forbid(*fields: str) -> None:
        for f in fields:
            if f in raw:
                errs.append((f, f"`{f}` does not apply to {t} questions; remove it"))

    if t in ("mcq", "multi"):
        ch = m.choices or []
        if not 2 <= len(ch) <= len(LETTERS):
            errs.append(("choices", f"{t} questions need a list of 2 or more `choices`"))
        elif len(set(ch)) != len(ch):
            errs.append(("choices", "choices repeat; every choice must be different"))
        if t == "mcq":
            idx = _letter_or_text(m.answer, ch)
            if idx is None:
                errs.append(("answer", f"answer {quote(m.answer)} is not among the choices; give a letter "
                                       f"A-{LETTERS[max(len(ch), 1) - 1]} or the exact text of a choice"))
            kw["answer"] = idx
        else:
            answers = m.answer if isinstance(m.answer, list) else None
            if not answers:
                errs.append(("answer", "multi questions need `answer` as a list of letters, e.g. [A, C]"))
            else:
                idxs = [_letter_or_text(a, ch) for a in answers]
                bad = [a for a, i in zip(answers, idxs) if i is None]
                if bad:
                    errs.append(("answer", f"{clip(bad)} not among the choices; use letters A-"
                                           f"{LETTERS[max(len(ch), 1) - 1]} or exact choice texts"))
                kw["answer"] = tuple(sorted({i for i in idxs if i is not None}))
        kw["choices"] = tuple(ch)
        forbid("tolerance", "unit", "code", "params", "where", "accept")
    else:
        forbid("choices", "shuffle")

    if t == "truefalse":
        if not isinstance(m.answer, bool):
            errs.append(("answer", "truefalse questions need `answer: true` or `answer: false`"))
        kw["answer"] = m.answer
        forbid("tolerance", "unit", "code", "params", "where", "accept")
    elif t == "numeric":
        tol = m.tolerance or ToleranceModel(rel=0.01)
        kw.update(abs_tol=tol.abs, rel_tol=tol.rel, unit=m.unit or "")
        forbid("code", "accept")
        if m.params:
            kw["params"] = {k: dict(raw["params"][k]) for k in m.params}
            kw["where"] = m.where
            errs.extend(_check_params(m, raw))
            kw["answer"] = str(m.answer)
        else:
            forbid("where")
            if isinstance(m.answer, bool) or not isinstance(m.answer, (int, float)) or not math.isfinite(m.answer):
                errs.append(("answer", "numeric questions need a finite number as `answer` (or `params` "
                                       "and an expression)"))
            kw["answer"] = float(m.answer) if isinstance(m.answer, (int, float)) else None
    elif t in ("short", "code_output"):
        answers = m.answer if isinstance(m.answer, list) else [m.answer]
        answers = [a for a in answers if a is not None]
        if not answers or not all(isinstance(a, (str, int, float)) for a in answers):
            errs.append(("answer", f"{t} questions need `answer` as text"))
        kw["answer"] = tuple(str(a).rstrip("\n") for a in answers + (m.accept or []))
        if t == "short":
            from mlprep.questions.model import normalize_text

            blank = [a for a in kw["answer"] if not normalize_text(a)]
            if blank:
                errs.append(("answer" if blank[0] in answers else "accept",
                             f"{quote(blank[0])} has no letter or digit: matching ignores punctuation, so any "
                             "punctuation typed would be marked right; put words in the answer"))
            if any(len(a) > MAX_LINE_CHARS for a in kw["answer"]):
                errs.append(("answer", f"accepted answers are limited to {MAX_LINE_CHARS} characters"))
        elif any(len(a) > MAX_TEXT_CHARS for a in kw["answer"]):
            errs.append(("answer", f"the expected output is limited to {MAX_TEXT_CHARS} characters"))
        forbid("tolerance", "unit", "params", "where")
        if t == "code_output":
            if not (m.code and m.code.strip()):
                errs.append(("code", "code_output questions need the snippet in `code`"))
            kw["code"] = (m.code or "").rstrip("\n")
            kw["language"] = m.language
        else:
            forbid("code")
    elif t == "flashcard":
        if not isinstance(m.answer, str) or not m.answer.strip():
            errs.append(("answer", "flashcards need the back of the card as text in `answer`"))
        elif len(m.answer) > MAX_TEXT_CHARS:
            errs.append(("answer", f"the back of a card is limited to {MAX_TEXT_CHARS} characters"))
        kw["answer"] = m.answer
        forbid("tolerance", "unit", "code", "params", "where", "accept")
    if errs:
        return None, errs
    q = Question(id=m.id, type=t, section=section.id, section_title=section.title, prompt=m.prompt,
                 explanation=m.explanation, tags=tuple(m.tags), difficulty=m.difficulty, source=source,
                 line=line, shuffle=m.shuffle, **kw)
    return q, errs


def _check_params(m: QuestionModel, raw: dict[str, Any]) -> list[tuple[str, str]]:
    errs: list[tuple[str, str]] = []
    for name, spec in (m.params or {}).items():
        if not name.isidentifier() or name.startswith("_") or name == "answer":
            errs.append(("params", f"parameter name {quote(name)} must be a Python identifier (not 'answer')"))
        if spec.choices is None and (spec.min is None or spec.max is None):
            errs.append(("params", f"parameter {quote(name)} needs `min` and `max`, or `choices`"))
        elif spec.choices is None and spec.min is not None and spec.max is not None and spec.min > spec.max:
            errs.append(("params", f"parameter {quote(name)} has min > max"))
        elif spec.choices is not None and not spec.choices:
            errs.append(("params", f"parameter {quote(name)} has an empty `choices` list"))
    if not isinstance(m.answer, (str, int, float)) or isinstance(m.answer, bool):
        errs.append(("answer", "a parametric question needs `answer` as an expression over its params, "
                               "e.g. 'tp / (tp + fp)'"))
        return errs
    if errs:
        return errs
    for field, src in (("answer", str(m.answer)), ("where", m.where)):
        if src is None:
            continue
        try:
            P.compile_expression(src)
        except P.ExpressionError as exc:
            errs.append((field, f"expression {quote(src)}: {exc}"))
    names = set(m.params or {}) | {"answer"}
    for field in ("prompt", "explanation"):
        unknown = P.placeholders(getattr(m, field)) - names
        if unknown:
            errs.append((field, f"placeholder(s) {sorted(unknown)} are not declared in `params`"))
    if errs:
        return errs
    specs = {k: dict(raw["params"][k]) for k in m.params or {}}
    problem = check_draws(specs, str(m.answer), m.where, {"prompt": m.prompt, "explanation": m.explanation})
    if problem is not None:
        errs.append(problem)
    return errs


def _grid_values(spec: dict[str, Any]) -> list[Any] | None:
    """Every value a parameter can take, or None when there are too many to list."""
    if "choices" in spec:
        return list(spec["choices"])
    lo, hi, step = spec["min"], spec["max"], spec.get("step")
    if isinstance(lo, int) and isinstance(hi, int) and (step is None or isinstance(step, int)):
        n = (hi - lo) // (step or 1) + 1
        return list(range(lo, hi + 1, step or 1)) if n <= LINT_GRID else None
    if step:
        n = int(round((hi - lo) / step))
        return [round(lo + step * i, 10) for i in range(n + 1)] if n + 1 <= LINT_GRID else None
    decimals = int(spec.get("decimals", 2))
    n = int(round((hi - lo) * 10 ** decimals))
    if n + 1 > LINT_GRID:
        return None
    return sorted({round(lo + i / 10 ** decimals, decimals) for i in range(n + 1)} | {round(lo, decimals), round(hi, decimals)})


def _corners(spec: dict[str, Any]) -> list[Any]:
    """The values where expressions usually break: the ends of a range and 0, 1, -1 inside it."""
    if "choices" in spec:
        ch = list(spec["choices"])
        return ch if len(ch) <= 8 else [ch[0], ch[-1]]
    lo, hi = spec["min"], spec["max"]
    out = [lo, hi] + [v for v in (0, 1, -1) if lo <= v <= hi]
    return list(dict.fromkeys(out))


def _draws(specs: dict[str, dict[str, Any]], where: str | None) -> Any:
    """Parameter values to try: every combination when the grid is small (at most LINT_GRID), else the
    corners of the ranges and LINT_DRAWS seeded random draws. Combinations failing `where` are left out."""
    import itertools

    names = list(specs)
    grids = [_grid_values(specs[n]) for n in names]
    total = 1
    for g in grids:
        total = total * len(g) if g is not None and total <= LINT_GRID else LINT_GRID + 1
    if total <= LINT_GRID:
        combos: Any = itertools.product(*grids)  # type: ignore[arg-type]
        for combo in combos:
            values = dict(zip(names, combo))
            if _holds(where, values):
                yield values
        return
    corners = [_corners(specs[n]) for n in names]
    size = 1
    for c in corners:
        size *= len(c)
    if size <= 512:
        for combo in itertools.product(*corners):
            values = dict(zip(names, combo))
            if _holds(where, values):
                yield values
    rng = random.Random(0)
    for _ in range(LINT_DRAWS):
        yield P.sample(specs, where, rng)


def _holds(where: str | None, values: dict[str, Any]) -> bool:
    if where is None:
        return True
    try:
        return bool(P.evaluate(where, values))
    except P.ExpressionError as exc:
        raise P.ExpressionError(f"{exc} for {_show_values(values)}") from None


def check_draws(specs: dict[str, dict[str, Any]], answer: str, where: str | None,
                templates: dict[str, str]) -> tuple[str, str] | None:
    """Evaluate the answer and fill every template over the draws of `_draws` (bounded by LINT_SECONDS):
    the first failure as (field, message), or None. This is what lets a quiz never meet a question that
    cannot be shown: a format spec that fails for some values (`{{ answer:d }}` on a float), a division by
    zero for a rare draw, a `where` that never holds."""
    deadline = time.monotonic() + LINT_SECONDS
    tried = 0
    try:
        for values in _draws(specs, where):
            tried += 1
            shown = _show_values(values)
            try:
                result = P.evaluate(answer, values)
            except P.ExpressionError as exc:
                return ("answer", f"{exc} for {shown}; add a `where` constraint or fix the ranges")
            if isinstance(result, bool) or not isinstance(result, (int, float)) or not math.isfinite(result):
                return ("answer", f"expression gave {clip(result)} for {shown}; it must give a finite number "
                                  "for every draw (add a `where` constraint or narrow the ranges)")
            filled = {**values, "answer": float(result)}
            for field, template in templates.items():
                try:
                    P.render(template, filled)
                except P.ExpressionError as exc:
                    return (field, f"{exc} for {shown}, answer = {clip(float(result))}; fix the "
                                   "placeholder's format")
            if time.monotonic() > deadline:
                break
    except P.ExpressionError as exc:  # from `where` itself, or a constraint that never holds
        return ("where", f"{exc}")
    if tried == 0:
        return ("where", f"the constraint {quote(where)} holds for no combination of the parameters; widen "
                         "the ranges")
    return None


def _show_values(values: dict[str, Any]) -> str:
    return clip(", ".join(f"{k} = {clip(v, 20)}" for k, v in values.items()), 120)
