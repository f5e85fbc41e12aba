"""The built-in banks are right, not just well-formed.

- every `code_output` snippet is executed and must print exactly its stored answer;
- every numeric question has an independent oracle in `tests/oracles/<section>.py`
  (a function written separately from the YAML expression) and must agree with it:
  parametric questions over many sampled parameter sets, fixed ones on their stored answer.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import math
import pkgutil
import random

import pytest

from mlprep.questions import bank as banklib
from mlprep.questions.model import instantiate, normalize_output

pytestmark = pytest.mark.content  # the content checks; `-m "not content"` is the quick code loop

BANK = banklib.check_files(banklib.bank_files(user=False), use_cache=False)[0]
QUESTIONS = list(BANK.questions.values())


def _oracles() -> dict:
    import tests.oracles as pkg

    table: dict = {}
    for mod in pkgutil.iter_modules(pkg.__path__):
        module = importlib.import_module(f"tests.oracles.{mod.name}")
        for qid, fn in getattr(module, "ORACLES", {}).items():
            assert qid not in table, f"oracle for {qid} defined twice"
            table[qid] = fn
    return table


ORACLES = _oracles()


def run_snippet(code: str) -> str:
    import numpy as np

    out = io.StringIO()
    saved = np.get_printoptions()
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(code, "<snippet>", "exec"), {"__name__": "__snippet__"})
    finally:
        np.set_printoptions(**saved)
    return out.getvalue()


@pytest.mark.parametrize("q", [q for q in QUESTIONS if q.type == "code_output"], ids=lambda q: q.id)
def test_code_output_snippet_prints_stored_answer(q):
    printed = run_snippet(q.code)
    assert normalize_output(printed) == normalize_output(q.answer[0]), (
        f"{q.id}: snippet prints\n{printed}\nbut the bank says\n{q.answer[0]}")


NUMERIC = [q for q in QUESTIONS if q.type == "numeric"]


@pytest.mark.parametrize("q", NUMERIC, ids=lambda q: q.id)
def test_numeric_answer_matches_independent_oracle(q):
    assert q.id in ORACLES, f"{q.id}: add an independent oracle to tests/oracles/{q.section}.py"
    oracle = ORACLES[q.id]
    if not q.parametric:
        assert math.isclose(q.answer, oracle(), rel_tol=1e-6, abs_tol=1e-9), (
            f"{q.id}: bank says {q.answer}, oracle computes {oracle()}")
        return
    rng = random.Random(1234)
    for _ in range(200):
        shown = instantiate(q, rng)
        values = {k: v for k, v in shown.values.items() if k != "answer"}
        want = float(oracle(**values))
        assert math.isclose(shown.expected, want, rel_tol=1e-6, abs_tol=1e-9), (
            f"{q.id}: with {values} the bank computes {shown.expected}, the oracle {want}")
        assert "{{" not in shown.prompt and "{{" not in shown.explanation


def test_every_oracle_belongs_to_a_numeric_question():
    stray = set(ORACLES) - {q.id for q in NUMERIC}
    assert not stray, f"oracles without a numeric question: {sorted(stray)}"
