"""Quality rules `mlprep content lint` applies on top of validation: answers a guesser could find
without knowing the subject, and tolerances that accept the wrong method.

- **Integer answers:** when every draw of a numeric answer is an integer (or most draws are), the
  effective tolerance max(abs, rel·|answer|) must stay below 0.5 — `math.isclose` accepts a difference
  equal to the tolerance, so 0.5 admits the un-floored answer and 1 the neighbouring integer.
- **Length give-away:** a key more than 1.5× the mean length of the other choices, or longer than
  every other choice by more than 40%.
- **Hedge give-away:** the key is the only hedged choice ("may", "often", "depends") while a wrong
  choice is absolute ("always", "never", "must").
- **Prompt give-away:** a short-answer prompt contains an accepted answer as whole words.

Each finding is a `Problem` naming file, line, question id and field. Loading does not apply these
rules (a shared bank with a long key still loads); lint fails on them.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable

from mlprep.errors import Problem
from mlprep.questions.model import Question, instantiate, normalize_text

DRAWS = 300
HEDGES = {"may", "might", "can", "could", "often", "usually", "typically", "tends", "tend", "generally",
          "some", "depends", "depending", "sometimes", "likely", "mostly", "roughly"}
ABSOLUTES = {"always", "never", "must", "only", "all", "none", "cannot", "guaranteed", "guarantees",
             "guarantee", "obsolete", "every", "impossible", "no"}


def audit(questions: Iterable[Question]) -> list[Problem]:
    problems: list[Problem] = []
    for q in questions:
        for field, message in _findings(q):
            problems.append(Problem(q.source, q.line, f"{q.id}: {field}", message))
    return problems


def _findings(q: Question) -> list[tuple[str, str]]:
    if q.type == "numeric":
        return _tolerance(q)
    if q.type in ("mcq", "multi"):
        return _lengths(q) + _hedges(q)
    if q.type == "short":
        return _prompt_contains_answer(q)
    return []


def _tolerance(q: Question) -> list[tuple[str, str]]:
    rng = random.Random(20261202)
    try:
        draws = [float(instantiate(q, rng).expected) for _ in range(DRAWS if q.parametric else 1)]
    except Exception:  # evaluation problems are reported by validation itself
        return []
    integers = sum(a.is_integer() for a in draws)
    if integers * 2 <= len(draws):
        return []
    tols = [max(q.abs_tol, q.rel_tol * abs(a)) for a in draws if a.is_integer()]
    worst = max(tols)
    if worst < 0.5:
        return []
    return [("tolerance", f"the answer is a whole number ({integers} of {len(draws)} draws), but the tolerance "
                          f"reaches {worst:g}, so a neighbouring or half-way answer is marked right. Use "
                          "`tolerance: {abs: 0}` (or below 0.5).")]


def _keys(q: Question) -> list[int]:
    return [q.answer] if q.type == "mcq" else list(q.answer)


def _lengths(q: Question) -> list[tuple[str, str]]:
    keys = _keys(q)
    lengths = [len(c) for c in q.choices]
    others = [n for i, n in enumerate(lengths) if i not in keys]
    if not others:
        return []
    mean_other = sum(others) / len(others)
    for k in keys:
        rest = max(n for i, n in enumerate(lengths) if i != k)
        if lengths[k] > 1.5 * mean_other or lengths[k] > 1.4 * rest:
            return [("choices", f"the right choice {chr(65 + k)} is much longer than the others "
                                f"({lengths[k]} characters against {mean_other:.0f} on average), which gives it "
                                "away: shorten it or make the wrong choices as specific.")]
    return []


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z']+", text.lower().replace("can't", "cannot")))


def _hedges(q: Question) -> list[tuple[str, str]]:
    keys = _keys(q)
    hedged = [i for i, c in enumerate(q.choices) if _words(c) & HEDGES]
    absolute = [i for i, c in enumerate(q.choices) if i not in keys and _words(c) & ABSOLUTES]
    if hedged and set(hedged) <= set(keys) and absolute:
        return [("choices", "only the right choice is hedged while a wrong one is absolute "
                            f"(choice {chr(65 + absolute[0])}), which gives it away: hedge a wrong choice too, "
                            "or state the right one plainly.")]
    return []


def _prompt_contains_answer(q: Question) -> list[tuple[str, str]]:
    prompt = f" {normalize_text(q.prompt)} "
    for a in q.answer:
        na = normalize_text(a)
        if na and f" {na} " in prompt:
            return [("accept", f"the prompt contains the accepted answer {a!r}: rephrase the prompt or drop it "
                               "from the accepted answers.")]
    return []
