"""Hidden tests for `reverse_string` and `is_palindrome`. Exact answers: a str equal to the
reference's, and a bool (np.bool_ accepted) equal to the reference's. No tolerances needed.
"""

import numpy as np
import pytest

from mlprep.drillkit import call, fail

NOISE = " ,.!?:;'-_()"
LETTERS = "abcxyzABCXYZ0129ñéÑÉ"


def check_reverse(solution, reference, s):
    expected = reference.reverse_string(s)
    got = call(solution.reverse_string, s)
    if got is None:
        fail("returned None. Did you forget a `return` statement?")
    if isinstance(got, (list, tuple)):
        fail(f"returned a {type(got).__name__} of characters; join them into a str (\"\".join(...)).", got=got)
    if not isinstance(got, str):
        fail(f"returned a {type(got).__name__}; return a str.", got=got)
    if got != expected:
        i = next((i for i, (g, e) in enumerate(zip(got, expected)) if g != e), min(len(got), len(expected)))
        fail(f"expected {expected!r} ({len(expected)} characters), got {got!r} ({len(got)} characters); "
             f"they first differ at position {i}.", expected=expected, got=got)


def check_palindrome(solution, reference, s):
    expected = reference.is_palindrome(s)
    got = call(solution.is_palindrome, s)
    if got is None:
        fail("returned None. Did you forget a `return` statement?")
    if not isinstance(got, (bool, np.bool_)):
        fail(f"returned {got!r} (a {type(got).__name__}); return True or False.", got=got)
    if bool(got) != expected:
        normalized = "".join(c.lower() for c in s if c.isalnum())
        fail(f"expected {expected}, got {bool(got)}. Normalized (alphanumeric characters only, lowercased), "
             f"the text is {normalized!r}, which reversed is {normalized[::-1]!r}.", expected=expected, got=got)


def random_text(rng, n, alphabet):
    return "".join(rng.choice(list(alphabet), n)) if n else ""


# ---------------------------------------------------------------------- reverse_string

def test_reverse_worked_example(solution, reference):
    """The example from the task: "hello, world" -> "dlrow ,olleh"."""
    check_reverse(solution, reference, "hello, world")


def test_reverse_keeps_every_character(solution, reference):
    """The first and the last characters are both kept (no off-by-one)."""
    check_reverse(solution, reference, "abcdef")
    check_reverse(solution, reference, "xy")


def test_reverse_empty_and_single(solution, reference):
    """"" stays "", a single character stays itself."""
    check_reverse(solution, reference, "")
    check_reverse(solution, reference, "z")


def test_reverse_characters_not_words(solution, reference):
    """Characters are reversed, not the order of the words; spaces are characters."""
    check_reverse(solution, reference, "the quick  brown fox ")


def test_reverse_unicode(solution, reference):
    """Non-ASCII characters and emoji are single code points, reversed as such."""
    check_reverse(solution, reference, "héllo wörld ñ 😀!")


@pytest.mark.parametrize("seed", range(4))
def test_reverse_random(solution, reference, seed):
    """Seeded random strings with letters, digits, punctuation, whitespace and emoji."""
    rng = np.random.default_rng(seed)
    check_reverse(solution, reference, random_text(rng, int(rng.integers(0, 80)), LETTERS + NOISE + "\t😀"))


# ---------------------------------------------------------------------- is_palindrome

def test_palindrome_worked_examples(solution, reference):
    """The examples from the task (a sentence palindrome, a near miss, a question)."""
    check_palindrome(solution, reference, "A man, a plan, a canal: Panama")
    check_palindrome(solution, reference, "race a car")
    check_palindrome(solution, reference, "Was it a car or a cat I saw?")


def test_palindrome_ignores_case(solution, reference):
    """Upper and lower case are the same letter."""
    check_palindrome(solution, reference, "Noon")
    check_palindrome(solution, reference, "RaceCar")


def test_palindrome_ignores_punctuation_and_spaces(solution, reference):
    """Punctuation and spaces are dropped before comparing."""
    check_palindrome(solution, reference, "No 'x' in Nixon")
    check_palindrome(solution, reference, "Step on no pets!")
    check_palindrome(solution, reference, "a.b,a")


def test_palindrome_digits_count(solution, reference):
    """Digits are alphanumeric: they are kept and compared."""
    check_palindrome(solution, reference, "12321")
    check_palindrome(solution, reference, "a1b2a")
    check_palindrome(solution, reference, "1a2")


def test_palindrome_non_ascii_letters(solution, reference):
    """Letters such as ñ and é are alphanumeric (str.isalnum), not noise."""
    check_palindrome(solution, reference, "Ñaña")
    check_palindrome(solution, reference, "été")
    check_palindrome(solution, reference, "añña")


def test_palindrome_empty_after_filtering(solution, reference):
    """"" and punctuation-only strings are palindromes (nothing left to compare)."""
    check_palindrome(solution, reference, "")
    check_palindrome(solution, reference, "?! ...")


def test_palindrome_short_cases(solution, reference):
    """One and two characters: "a" is a palindrome, "ab" is not, "aa" is."""
    check_palindrome(solution, reference, "a")
    check_palindrome(solution, reference, "ab")
    check_palindrome(solution, reference, "aa")


def test_palindrome_near_misses(solution, reference):
    """One character off in the middle or at the ends is not a palindrome."""
    check_palindrome(solution, reference, "abca")
    check_palindrome(solution, reference, "abcba")
    check_palindrome(solution, reference, "abcdba")


@pytest.mark.parametrize("seed", range(6))
def test_palindrome_random(solution, reference, seed):
    """Seeded random palindromes with case and punctuation noise, and perturbed ones that are not."""
    rng = np.random.default_rng(seed)
    for _ in range(8):
        core = random_text(rng, int(rng.integers(1, 12)), LETTERS)
        text = core + (core[::-1] if rng.random() < 0.5 else core[-2::-1])
        if rng.random() < 0.5:  # perturb one character
            i = int(rng.integers(len(text)))
            text = text[:i] + str(rng.choice(list("qQ7"))) + text[i + 1:]
        text = "".join(c.upper() if rng.random() < 0.3 else c for c in text)
        pieces = [c + (str(rng.choice(list(NOISE))) if rng.random() < 0.3 else "") for c in text]
        check_palindrome(solution, reference, "".join(pieces))
