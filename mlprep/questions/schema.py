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
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from mlprep.errors import Problem
from mlprep.questions import params as P
from mlprep.questions.model import LETTERS, TYPES, Question

FORMAT_VERSION = 1
ID_PATTERN = r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$"
PARAM_SAMPLES = 64

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=False)


class SectionModel(_Strict):
    id: str = Field(pattern=ID_PATTERN)
    title: str = Field(min_length=1)
    order: int | None = None
    description: str | None = None


class ToleranceModel(_Strict):
    """When `tolerance` is given, unspecified parts are 0; with no `tolerance` at all, rel = 1%."""

    abs: float = Field(default=0.0, ge=0)
    rel: float = Field(default=0.0, ge=0)


class ParamModel(_Strict):
    min: float | None = None
    max: float | None = None
    step: float | None = Field(default=None, gt=0)
    decimals: int | None = Field(default=None, ge=0, le=10)
    choices: list[Any] | None = None


class QuestionModel(_Strict):
    id: str = Field(pattern=ID_PATTERN, max_length=80)
    type: Literal["mcq", "multi", "truefalse", "numeric", "short", "flashcard", "code_output"]
    prompt: str = Field(min_length=1)
    explanation: str = Field(min_length=1)
    tags: list[str] = Field(min_length=1)
    difficulty: Literal[1, 2, 3]
    answer: Any = None
    choices: list[str] | None = None
    accept: list[str] | None = None
    tolerance: ToleranceModel | None = None
    unit: str | None = None
    code: str | None = None
    language: str = "python"
    shuffle: bool = True
    params: dict[str, ParamModel] | None = None
    where: str | None = None

    @field_validator("tags")
    @classmethod
    def _tags(cls, tags: list[str]) -> list[str]:
        import re

        for t in tags:
            if not re.match(ID_PATTERN, t):
                raise ValueError(f"tag {t!r} must be lowercase words joined by '-', e.g. 'log-loss'")
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

def _parse_yaml(text: str) -> tuple[Any, yaml.Node | None]:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return data, node


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
        return f"unknown type {err.get('input')!r}; use one of {', '.join(TYPES)}"
    if kind == "literal_error" and err["loc"] and err["loc"][0] == "difficulty":
        return "difficulty must be 1 (junior), 2 (mid) or 3 (senior)"
    if kind == "string_pattern_mismatch":
        return f"{err.get('input')!r} must be lowercase letters/digits joined by '-', e.g. 'metrics-precision-01'"
    return msg[0].lower() + msg[1:] if msg else kind


# ---------------------------------------------------------------- public API

def validate_file(path: Path, display: str | None = None) -> tuple[list[Question], SectionModel | None, list[Problem]]:
    """Parse and validate one bank file. Returns (questions, section, problems)."""
    name = display or str(path)
    problems: list[Problem] = []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [], None, [Problem(name, None, "", f"cannot read file: {exc}")]
    try:
        data, root = _parse_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        reason = getattr(exc, "problem", None) or str(exc)
        return [], None, [Problem(name, line, "", f"invalid YAML: {reason}. Check indentation and quoting "
                                  "(quote text containing ': ' or starting with a special character).")]
    if not isinstance(data, dict):
        return [], None, [Problem(name, 1, "", "a bank file must be a mapping with format_version, section "
                                  "and questions")]
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
        label = str(qid) if qid else f"questions[{i}]"
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
                errs.append(("answer", f"answer {m.answer!r} is not among the choices; give a letter "
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
                    errs.append(("answer", f"{bad!r} not among the choices; use letters A-"
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
            errs.append(("params", f"parameter name {name!r} must be a Python identifier (not 'answer')"))
        if spec.choices is None and (spec.min is None or spec.max is None):
            errs.append(("params", f"parameter {name!r} needs `min` and `max`, or `choices`"))
        elif spec.choices is None and spec.min is not None and spec.max is not None and spec.min > spec.max:
            errs.append(("params", f"parameter {name!r} has min > max"))
        elif spec.choices is not None and not spec.choices:
            errs.append(("params", f"parameter {name!r} has an empty `choices` list"))
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
            errs.append((field, f"expression {src!r}: {exc}"))
    names = set(m.params or {}) | {"answer"}
    for field in ("prompt", "explanation"):
        unknown = P.placeholders(getattr(m, field)) - names
        if unknown:
            errs.append((field, f"placeholder(s) {sorted(unknown)} are not declared in `params`"))
    if errs:
        return errs
    specs = {k: dict(raw["params"][k]) for k in m.params or {}}
    rng = random.Random(0)
    for _ in range(PARAM_SAMPLES):
        try:
            values = P.sample(specs, m.where, rng)
            result = P.evaluate(str(m.answer), values)
        except P.ExpressionError as exc:
            errs.append(("answer", f"{exc} (for some sampled values); add a `where` constraint or fix the "
                                   "ranges"))
            break
        if isinstance(result, bool) or not isinstance(result, (int, float)) or not math.isfinite(result):
            errs.append(("answer", f"expression gave {result!r} for {values}; it must give a finite number "
                                   "for every sample (add a `where` constraint or narrow the ranges)"))
            break
    return errs
