"""Hidden tests for `tfidf`. The vocabulary must match exactly (same sorted list); the matrix is
compared with rtol=1e-9, atol=1e-12."""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call, fail

RTOL, ATOL = 1e-9, 1e-12


def run(solution, reference, docs, **kwargs):
    exp_matrix, exp_vocab = reference.tfidf([list(d) for d in docs], **kwargs)
    got = call(solution.tfidf, [list(d) for d in docs], **kwargs)
    if got is None:
        fail("returned None. Did you forget a `return` statement?")
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail(f"returned a {type(got).__name__}; return a pair (matrix, vocabulary).", got=got)
    matrix, vocab = got
    vocab = [str(v) for v in np.asarray(vocab, dtype=object).ravel()] if vocab is not None else None
    if vocab != list(exp_vocab):
        fail(f"expected the vocabulary {exp_vocab!r} (distinct tokens, sorted), got {vocab!r}.",
             expected=exp_vocab, got=vocab)
    assert_close(matrix, exp_matrix, rtol=RTOL, atol=ATOL, what="the matrix")
    return np.asarray(matrix, dtype=float)


def test_worked_example(solution, reference):
    """The example from the task: three documents, the last one empty."""
    run(solution, reference, [["the", "cat", "sat"], ["the", "dog", "the"], []])


def test_vocabulary_is_sorted_not_first_seen(solution, reference):
    """Columns follow the sorted vocabulary (upper case sorts before lower case), not first appearance."""
    run(solution, reference, [["zebra", "apple", "Mango"], ["apple", "kiwi"], ["zebra", "zebra"]])


def test_term_in_every_document_keeps_a_weight(solution, reference):
    """A term present in every document still has idf 1 (the + 1), so it is not zeroed out."""
    m = run(solution, reference, [["a", "b"], ["a", "c"], ["a"]])
    if np.any(m[:, 0] == 0):
        fail("a term that occurs in every document got weight 0; scikit-learn's idf adds 1.")


def test_unsmoothed_idf(solution, reference):
    """smooth_idf=False: idf = ln(n / df) + 1."""
    run(solution, reference, [["a", "b", "b"], ["b", "c"], ["c", "d", "d", "d"], ["a"]], smooth_idf=False)


def test_document_frequency_counts_documents(solution, reference):
    """A term repeated many times in one document has df = 1, not its number of occurrences."""
    run(solution, reference, [["x"] * 6 + ["y"], ["y", "z"], ["z", "y", "w"]], norm=None)


def test_no_normalisation_gives_raw_tf_times_idf(solution, reference):
    """norm=None returns tf · idf, unnormalised."""
    run(solution, reference, [["a", "a", "b"], ["b", "c"], ["c", "c", "c", "a"]], norm=None)


def test_l1_normalisation(solution, reference):
    """norm='l1': each row sums to 1 in absolute value."""
    m = run(solution, reference, [["a", "a", "b"], ["b", "c"], ["c", "c", "c", "a"]], norm="l1")
    if not np.allclose(np.abs(m).sum(axis=1), 1.0):
        fail("with norm='l1' every row should sum to 1.")


def test_sublinear_tf(solution, reference):
    """sublinear_tf=True replaces each non-zero count by 1 + ln(count)."""
    run(solution, reference, [["a"] * 5 + ["b"], ["b", "b", "c"], ["a", "c", "d"]], sublinear_tf=True, norm=None)


def test_sublinear_tf_with_unsmoothed_l2(solution, reference):
    """sublinear_tf with smooth_idf=False and l2 rows."""
    run(solution, reference, [["a"] * 3 + ["b"] * 2, ["b", "c", "c"], ["d"], ["a", "d", "d"]],
        sublinear_tf=True, smooth_idf=False)


def test_empty_documents_are_zero_rows(solution, reference):
    """Empty documents give rows of zeros (not NaN) under every norm."""
    docs = [[], ["a", "b"], [], ["b", "c", "c"]]
    for norm in ("l2", "l1", None):
        m = run(solution, reference, docs, norm=norm)
        if np.any(m[[0, 2]] != 0):
            fail(f"with norm={norm!r}, the rows of empty documents must be all zeros.")


def test_rows_have_unit_length(solution, reference):
    """With norm='l2' every non-empty row has Euclidean norm 1 (rows, not columns, are normalised)."""
    m = run(solution, reference, [["a", "b", "b"], ["b", "c"], ["a", "c", "c", "d"]])
    if not np.allclose(np.linalg.norm(m, axis=1), 1.0):
        fail("with norm='l2' every row of a non-empty document should have unit length.")


def test_single_document(solution, reference):
    """One document: every idf is ln(2/2) + 1 = 1, so the row is the normalised counts."""
    run(solution, reference, [["b", "a", "b", "c", "b"]])


@pytest.mark.parametrize("seed", range(6))
def test_random_corpora(solution, reference, seed):
    """Seeded random corpora with random options (Zipf-like token frequencies, some empty documents)."""
    rng = np.random.default_rng(seed)
    words = [f"w{i:02d}" for i in range(int(rng.integers(3, 40)))]
    p = 1.0 / np.arange(1, len(words) + 1)
    docs = [list(rng.choice(words, size=int(rng.integers(0, 30)), p=p / p.sum())) for _ in range(int(rng.integers(1, 25)))]
    docs.append([words[0]])
    run(solution, reference, [[str(t) for t in d] for d in docs], smooth_idf=bool(seed % 2),
        sublinear_tf=bool(seed % 3 == 0), norm=["l2", "l1", None][seed % 3])


def test_no_tokens_raises(solution, reference):
    """Every document empty: raise ValueError (empty vocabulary)."""
    with pytest.raises(ValueError):
        call(solution.tfidf, [[], []])


def test_bad_norm_raises(solution, reference):
    """norm must be 'l2', 'l1' or None: anything else raises ValueError."""
    with pytest.raises(ValueError):
        call(solution.tfidf, [["a", "b"]], norm="max")


def test_input_is_not_modified(solution, reference):
    """The caller's lists are unchanged (checked by the grader on every call)."""
    run(solution, reference, [["b", "a"], ["a", "a", "c"]], sublinear_tf=True)


def speed_case():
    rng = np.random.default_rng(0)
    words = [f"t{i:03d}" for i in range(600)]
    docs = [[str(t) for t in rng.choice(words, size=40)] for _ in range(2000)]
    return {"function": "tfidf", "args": (docs,)}
