"""Runtime question model and answer checking for the seven question types.

`Question` is a plain frozen dataclass built from a validated bank entry (see `schema.py`); it is
cheap to create and to unpickle, so the quiz never needs pydantic on its hot path. `instantiate`
turns a question into what one showing presents (fresh parameters, shuffled choices), and
`check` decides whether a response is right.
"""

from __future__ import annotations

import math
import random
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from mlprep.questions import params as P

TYPES = ("mcq", "multi", "truefalse", "numeric", "short", "flashcard", "code_output")
OBJECTIVE_TYPES = frozenset(TYPES) - {"flashcard"}
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    section: str
    section_title: str
    prompt: str
    explanation: str
    tags: tuple[str, ...]
    difficulty: int
    source: str = ""
    line: int | None = None
    choices: tuple[str, ...] = ()
    answer: Any = None  # mcq: int; multi: tuple[int]; truefalse: bool; numeric: float|str expr;
    #                     short: tuple of accepted strings; flashcard: str; code_output: str
    abs_tol: float = 0.0
    rel_tol: float = 0.01
    unit: str = ""
    code: str = ""
    language: str = "python"
    shuffle: bool = True
    params: dict[str, dict[str, Any]] = field(default_factory=dict)
    where: str | None = None

    @property
    def parametric(self) -> bool:
        return bool(self.params)


@dataclass
class Shown:
    """One showing of a question: the rendered text and what counts as right this time."""

    question: Question
    prompt: str
    explanation: str
    choices: tuple[str, ...] = ()  # in display order
    order: tuple[int, ...] = ()  # order[display_index] = original index
    expected: Any = None
    values: dict[str, Any] = field(default_factory=dict)

    def expected_text(self) -> str:
        q = self.question
        if q.type == "mcq":
            i = self.order.index(q.answer)
            return f"{LETTERS[i]}) {self.choices[i]}"
        if q.type == "multi":
            idx = sorted(self.order.index(a) for a in q.answer)
            return ", ".join(f"{LETTERS[i]}) {self.choices[i]}" for i in idx)
        if q.type == "truefalse":
            return "True" if q.answer else "False"
        if q.type == "numeric":
            text = format_number(self.expected)
            return f"{text} {q.unit}".strip()
        if q.type in ("short", "code_output"):
            return q.answer[0]
        return str(self.expected)


@dataclass(frozen=True)
class Check:
    correct: bool
    note: str = ""  # e.g. "accepted with a typo", "within tolerance"


class CannotShow(Exception):
    """A question could not be prepared this time (its parameters gave an answer or a text that does not
    work: a division by zero for a rare draw, a format that does not fit the value). `mlprep content lint`
    tries many draws to catch this before; a session that still meets it skips the question."""

    def __init__(self, question: Question, reason: str):
        from mlprep.safetext import clip

        self.question, self.reason = question, clip(reason, 200)
        super().__init__(f"{question.id}: {self.reason}")


def format_number(x: float) -> str:
    if isinstance(x, int) or (isinstance(x, float) and x.is_integer() and abs(x) < 1e15):
        return str(int(x))
    return f"{x:.6g}"


def instantiate(q: Question, rng: random.Random | None = None) -> Shown:
    """Prepare one showing: sample parameters, compute the answer, shuffle the choices."""
    rng = rng or random.Random()
    values: dict[str, Any] = {}
    expected: Any = q.answer
    prompt, explanation = q.prompt, q.explanation
    if q.params:
        try:
            values = P.sample(q.params, q.where, rng)
            result = P.evaluate(q.answer, values)
            if isinstance(result, bool) or not isinstance(result, (int, float)) or not math.isfinite(result):
                raise P.ExpressionError(f"the answer came out as {str(result)[:40]}, not a finite number")
            expected = float(result)
            values["answer"] = expected
            prompt = P.render(q.prompt, values)
            explanation = P.render(q.explanation, values)
        except P.ExpressionError as exc:
            raise CannotShow(q, str(exc)) from None
    order = tuple(range(len(q.choices)))
    if q.choices and q.shuffle:
        shuffled = list(order)
        rng.shuffle(shuffled)
        order = tuple(shuffled)
    choices = tuple(q.choices[i] for i in order)
    return Shown(q, prompt, explanation, choices, order, expected, values)


# ---------------------------------------------------------------- normalisation helpers

def normalize_text(s: str) -> str:
    """Case-, accent-, space- and punctuation-insensitive form of a short answer."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[^\w\s]", " ", s)
    return " ".join(s.split())


def levenshtein(a: str, b: str, limit: int = 3) -> int:
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def typo_budget(answer: str) -> int:
    n = len(answer.replace(" ", ""))
    if n < 5 or answer.isdigit():
        return 0
    return 1 if n < 10 else 2


def _typo_of(given: str, answer: str) -> bool:
    """A small typo of `answer`: within the edit budget and starting with the same letter, so a
    dropped or added negation prefix ("reducible" vs "irreducible") is never forgiven."""
    return bool(given) and bool(answer) and given[0] == answer[0] and levenshtein(given, answer) <= typo_budget(answer)


def normalize_output(s: str) -> str:
    """Whitespace-insensitive form of printed output: trim lines, collapse runs of spaces,
    ignore spaces just inside brackets and after commas, drop blank lines."""
    lines = []
    for line in s.replace("\r\n", "\n").split("\n"):
        line = " ".join(line.split())
        line = re.sub(r"([\[\(\{]) ", r"\1", line)
        line = re.sub(r" ([\]\)\}])", r"\1", line)
        line = re.sub(r"\s*,\s*", ", ", line)
        if line:
            lines.append(line)
    return "\n".join(lines)


_NUMBER = re.compile(r"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$")


def parse_number(text: str) -> float | None:
    """Parse '0.75', '3/4', '75%', '1e-3', '1,000'. Returns None if it is not a number."""
    t = text.strip().replace(",", "").replace(" ", "").replace("−", "-")
    if not t:
        return None
    percent = t.endswith("%")
    if percent:
        t = t[:-1]
    try:
        if "/" in t:
            num, den = t.split("/", 1)
            if not (_NUMBER.match(num) and _NUMBER.match(den)):
                return None
            value = float(num) / float(den)
        elif _NUMBER.match(t) or t.lower() in ("inf", "-inf", "+inf"):
            value = float(t)
        else:
            return None
    except (ValueError, ZeroDivisionError):
        return None
    return value / 100 if percent else value


# Letters a choice can be typed with on another keyboard layout: Cyrillic and Greek capitals and the
# Cyrillic small letters that look like a, b (в), c and e. Full-width forms (Ａ, ２) count as ASCII.
_LOOKALIKES = str.maketrans({"а": "a", "в": "b", "с": "c", "е": "e", "А": "A", "В": "B", "С": "C", "Е": "E",
                             "Α": "A", "Β": "B", "Ε": "E"})
_WRAPPING = "()[]{}.:;"


def _choice_index(token: str) -> int | None:
    """`b`, `B)`, `(b)`, `b.`, `2`, `2)` as a 0-based index; None for anything else (never raises)."""
    t = token if token.isascii() else "".join(
        chr(ord(c) - 0xFEE0) if "\uff01" <= c <= "\uff5e" else c for c in token.translate(_LOOKALIKES))
    t = t.strip(_WRAPPING)
    if not t.isascii():
        return None
    if t.isdigit():
        return int(t) - 1 if len(t) <= 3 else None
    if len(t) == 1 and t.isalpha():
        return LETTERS.index(t.upper())
    return None


def parse_choices(text: str, n: int) -> list[int] | None:
    """Parse 'b', '2', 'a,c', 'A C', '1 3', 'B)', '(b)' into 0-based indices; None if invalid."""
    parts = [p for p in re.split(r"[\s,;]+", text.strip()) if p]
    if not parts:
        return None
    out: list[int] = []
    for p in parts:
        i = _choice_index(p)
        if i is None or not 0 <= i < n:
            return None
        if i not in out:
            out.append(i)
    return out


_TRUE = {"t", "true", "y", "yes", "1"}
_FALSE = {"f", "false", "n", "no", "0"}


def parse_bool(text: str) -> bool | None:
    t = text.strip().lower()
    return True if t in _TRUE else False if t in _FALSE else None


def is_valid_response(shown: Shown, text: str) -> str | None:
    """Return None when `text` is a well-formed answer for this question, else why not."""
    q = shown.question
    if q.type in ("mcq", "multi"):
        picked = parse_choices(text, len(shown.choices))
        last = LETTERS[len(shown.choices) - 1]
        if picked is None:
            from mlprep.safetext import clip

            typed = f"{clip(text.strip(), 20)!r} is not one of the choices. " if text.strip() else ""
            return typed + f"Type a letter A-{last} or a number 1-{len(shown.choices)}" + (
                ", several separated by commas." if q.type == "multi" else ".")
        if q.type == "mcq" and len(picked) != 1:
            return "Pick exactly one choice."
        return None
    if q.type == "truefalse":
        return None if parse_bool(text) is not None else "Type t(rue) or f(alse)."
    if q.type == "numeric":
        return None if parse_number(text) is not None else (
            "Type a number, e.g. 0.75, 3/4, 75% or 1e-3.")
    if not text.strip():
        return "Type an answer (or s to skip)."
    return None


def check(shown: Shown, text: str) -> Check:
    """Decide whether `text` answers this showing correctly (objective types only)."""
    q = shown.question
    if q.type == "mcq":
        picked = parse_choices(text, len(shown.choices)) or []
        return Check(len(picked) == 1 and shown.order[picked[0]] == q.answer)
    if q.type == "multi":
        picked = parse_choices(text, len(shown.choices)) or []
        if {shown.order[i] for i in picked} == set(q.answer):
            return Check(True)
        return Check(False, _multi_note(shown, picked))
    if q.type == "truefalse":
        return Check(parse_bool(text) == q.answer)
    if q.type == "numeric":
        return _check_number(text, float(shown.expected), q.abs_tol, q.rel_tol, q.unit)
    if q.type == "short":
        given = normalize_text(text)
        best = min(levenshtein(given, normalize_text(a)) for a in q.answer)
        if best == 0:
            return Check(True)
        if any(_typo_of(given, normalize_text(a)) for a in q.answer):
            return Check(True, "accepted, with a small typo")
        return Check(False)
    if q.type == "code_output":
        given = normalize_output(text)
        if any(given == normalize_output(a) for a in _outputs(q)):
            return Check(True)
        return Check(False, _first_difference(given, normalize_output(_outputs(q)[0])))
    raise ValueError(f"{q.type} questions are self-rated, not checked")


def _join(letters: list[str]) -> str:
    return letters[0] if len(letters) == 1 else ", ".join(letters[:-1]) + " and " + letters[-1]


def _multi_note(shown: Shown, picked: list[int]) -> str:
    """Which right choices a select-all answer missed and which it picked wrongly, by their letters."""
    right = set(shown.question.answer)
    chosen = set(picked)
    missed = [LETTERS[i] for i, orig in enumerate(shown.order) if orig in right and i not in chosen]
    extra = [LETTERS[i] for i in sorted(chosen) if shown.order[i] not in right]
    parts = []
    if missed:
        parts.append(f"you missed {_join(missed)}")
    if extra:
        parts.append(f"{_join(extra)} {'is' if len(extra) == 1 else 'are'} not right")
    text = "; ".join(parts) + "."
    return text[0].upper() + text[1:] if parts else ""


def _first_difference(given: str, expected: str) -> str:
    """Where printed output first differs from what the snippet prints (both normalized)."""
    mine, want = given.split("\n") if given else [], expected.split("\n") if expected else []
    for n, (a, b) in enumerate(zip(mine, want), 1):
        if a != b:
            return f"Line {n} differs: you wrote `{a}`, it prints `{b}`."
    if len(mine) < len(want):
        return (f"It prints {len(want)} lines and you gave {len(mine)}: line {len(mine) + 1} is "
                f"`{want[len(mine)]}`.")
    if len(mine) > len(want):
        return f"It prints {len(want)} line{'s' * (len(want) != 1)}; from line {len(want) + 1} on yours has more."
    return ""


def _outputs(q: Question) -> tuple[str, ...]:
    return q.answer if isinstance(q.answer, tuple) else (q.answer,)


def _same_number(a: float, b: float) -> bool:
    """Equal up to float rounding (-137/5 typed is exactly -27.4, even if the two floats differ in the
    last bit): such an answer is exact, not merely "within tolerance"."""
    return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-15)


def _check_number(text: str, expected: float, abs_tol: float, rel_tol: float, unit: str = "") -> Check:
    """A number within tolerance. A trailing % means hundredths ("75%" is 0.75), so "0.75%" is not 0.75;
    the typed figure itself counts only where the answer is on the percent scale (unit "%", or an
    expected value above 1, as in "give it in percent: 12.34")."""
    value = parse_number(text)
    if value is None:
        return Check(False)
    percent = text.strip().endswith("%")
    if percent and unit.strip() == "%":
        candidates = [value * 100]
    elif percent and abs(expected) > 1:
        candidates = [value, value * 100]
    else:
        candidates = [value]
    for v in candidates:
        if math.isclose(v, expected, rel_tol=rel_tol, abs_tol=abs_tol):
            return Check(True, "" if _same_number(v, expected) else "within tolerance")
    return Check(False)
    raw = text.strip().endswith("%")
    candidates = [value, value * 100] if raw else [value]
    for v in candidates:
        if math.isclose(v, expected, rel_tol=rel_tol, abs_tol=abs_tol):
            return Check(True, "" if _same_number(v, expected) else "within tolerance")
    return Check(False)
