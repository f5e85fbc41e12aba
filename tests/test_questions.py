"""Answer checking for every question type, and parametric questions."""

from __future__ import annotations

import random

import pytest

from mlprep.questions import params as P
from mlprep.questions.model import (
    Question,
    check,
    instantiate,
    is_valid_response,
    normalize_output,
    parse_choices,
    parse_number,
)


def make(qtype: str, **kw) -> Question:
    base = dict(id="q", type=qtype, section="s", section_title="S", prompt="p", explanation="e", tags=("t",),
                difficulty=1)
    base.update(kw)
    return Question(**base)


def shown_of(q: Question, seed: int = 0):
    return instantiate(q, random.Random(seed))


def test_mcq_accepts_letter_or_number_of_the_shuffled_choice():
    q = make("mcq", choices=("right", "wrong 1", "wrong 2", "wrong 3"), answer=0)
    s = shown_of(q, seed=3)
    pos = s.order.index(0)
    assert check(s, "ABCD"[pos]).correct
    assert check(s, "abcd"[pos]).correct
    assert check(s, str(pos + 1)).correct
    assert not check(s, "ABCD"[(pos + 1) % 4]).correct
    assert s.expected_text().endswith("right")


def test_mcq_without_shuffle_keeps_order():
    q = make("mcq", choices=("a", "b", "both a and b"), answer=2, shuffle=False)
    s = shown_of(q)
    assert s.choices == ("a", "b", "both a and b")
    assert check(s, "c").correct


def test_multi_needs_exactly_the_right_set():
    q = make("multi", choices=("a", "b", "c", "d"), answer=(0, 2), shuffle=False)
    s = shown_of(q)
    assert check(s, "a,c").correct
    assert check(s, "C A").correct
    assert check(s, "1, 3").correct
    assert not check(s, "a").correct
    assert not check(s, "a,b,c").correct


def test_truefalse_spellings():
    s = shown_of(make("truefalse", answer=False))
    for text in ("f", "False", "no", "n", "0"):
        assert check(s, text).correct
    assert not check(s, "t").correct
    assert is_valid_response(s, "maybe") is not None


@pytest.mark.parametrize("text,value", [("0.75", 0.75), ("3/4", 0.75), ("75%", 0.75), ("1e-3", 0.001),
                                        (" -2.5 ", -2.5), ("1,000", 1000.0), (".5", 0.5)])
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "abc", "1/0", "1..2", "3/x"])
def test_parse_number_rejects(text):
    assert parse_number(text) is None


def test_numeric_tolerance():
    s = shown_of(make("numeric", answer=2 / 3, rel_tol=0.01, abs_tol=0.0))
    assert check(s, "0.667").correct
    assert check(s, "2/3").correct
    assert not check(s, "0.6").correct


def test_numeric_percent_answer_for_percent_question():
    s = shown_of(make("numeric", answer=75.0, rel_tol=0.01))
    assert check(s, "75%").correct and check(s, "75").correct


def test_short_answer_is_forgiving_but_not_too_forgiving():
    s = shown_of(make("short", answer=("gradient descent", "GD")))
    assert check(s, "Gradient-Descent!").correct
    assert check(s, "gd").correct
    typo = check(s, "gradient decsent")
    assert typo.correct and "typo" in typo.note
    assert not check(s, "stochastic gradient descent").correct
    assert not check(s, "g").correct


def test_short_answer_no_typos_on_short_words():
    s = shown_of(make("short", answer=("L1",)))
    assert check(s, "l1").correct
    assert not check(s, "L2").correct


def test_code_output_whitespace_insensitive():
    s = shown_of(make("code_output", code="print(x)", answer=("[1 2 3]\n(2, 3)",)))
    assert check(s, "[1 2 3]\n(2,3)").correct
    assert check(s, "[ 1  2 3 ]\n(2, 3)\n").correct
    assert not check(s, "[1 2 3]").correct
    assert normalize_output("[[1 2]\n [3 4]]") == normalize_output("[[1 2]\n[3 4]]")


def test_parse_choices_rejects_out_of_range():
    assert parse_choices("e", 4) is None
    assert parse_choices("5", 4) is None
    assert parse_choices("a,b", 4) == [0, 1]


def test_parametric_question_fresh_numbers_and_rendering():
    q = make("numeric", params={"tp": {"min": 1, "max": 50}, "fp": {"min": 1, "max": 50}},
             answer="tp / (tp + fp)", prompt="TP={{ tp }} FP={{ fp }}", explanation="= {{ answer:.3f }}")
    seen = set()
    for seed in range(10):
        s = shown_of(q, seed)
        tp, fp = s.values["tp"], s.values["fp"]
        assert s.expected == pytest.approx(tp / (tp + fp))
        assert s.prompt == f"TP={tp} FP={fp}"
        assert s.explanation == f"= {tp / (tp + fp):.3f}"
        seen.add((tp, fp))
    assert len(seen) > 5


def test_params_where_constraint_and_float_decimals():
    rng = random.Random(0)
    for _ in range(50):
        v = P.sample({"a": {"min": 0.0, "max": 1.0, "decimals": 2}, "b": {"choices": [1, 2]}}, "a > 0.5", rng)
        assert v["a"] > 0.5 and round(v["a"], 2) == v["a"] and v["b"] in (1, 2)


def test_params_numpy_and_math_available():
    assert P.evaluate("np.sqrt(x) + math.log(1)", {"x": 4}) == 2.0
    assert P.evaluate("norm([3, 4])", {}) == 5.0 == P.evaluate("np.norm(array([3, 4]))", {})
    with pytest.raises(P.ExpressionError):  # no attribute chains, even to a harmless function
        P.compile_expression("np.linalg.norm([3, 4])")
    with pytest.raises(P.ExpressionError):
        P.evaluate("__import__('os')", {})
    for bad in ("np.linalg.__dict__", "np.load('x.npy')", "np.lib.format", "np.array([1]).tofile('x')"):
        with pytest.raises(P.ExpressionError):
            P.compile_expression(bad)


@pytest.mark.parametrize("typed,expected,unit,right", [
    ("75%", 0.75, "", True),        # hundredths
    ("0.75%", 0.75, "", False),     # 0.0075, not 0.75
    ("0.75", 0.75, "", True),
    ("12.34%", 12.34, "", True),    # an answer asked for in percent, typed with its sign
    ("0.1234", 12.34, "", False),
    ("75%", 75, "%", True),         # unit "%": the typed figure is the answer
    ("0.75", 75, "%", False),
])
def test_a_percent_sign_means_hundredths(typed, expected, unit, right):
    from mlprep.questions.model import _check_number

    assert _check_number(typed, expected, 0.005, 0.0, unit).correct is right
