"""Hidden tests for `discriminator_loss` and `generator_loss`. Tolerance: RTOL=1e-6, ATOL=1e-9 for
probabilities inside (0, 1); RTOL_EDGE=1e-5 when some probabilities are exactly 0 or 1, so that
clipping p to [1e-12, 1 - 1e-12], clipping 1 - p to [1e-12, 1] and log(p + 1e-12) all pass
(they differ by about 3e-6 relative there), while another eps does not. RTOL_F32=1e-5 for float32
inputs, which a solution may keep in float32 (inside (0, 1) only: 1 - 1e-12 is 1 in float32)."""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call

RTOL, ATOL = 1e-6, 1e-9
RTOL_EDGE = 1e-5
RTOL_F32 = 1e-5


def check_d(solution, reference, d_real, d_fake, rtol=RTOL):
    expected = reference.discriminator_loss(np.copy(d_real), np.copy(d_fake))
    got = call(solution.discriminator_loss, d_real, d_fake)
    assert_close(got, expected, rtol=rtol, atol=ATOL, scalar=True)


def check_g(solution, reference, d_fake, non_saturating=None, rtol=RTOL):
    kwargs = {} if non_saturating is None else {"non_saturating": non_saturating}
    expected = reference.generator_loss(np.copy(d_fake), **kwargs)
    got = call(solution.generator_loss, d_fake, **kwargs)
    assert_close(got, expected, rtol=rtol, atol=ATOL, scalar=True)


EX_REAL = np.array([0.9, 0.8])
EX_FAKE = np.array([0.1, 0.3])


def test_discriminator_worked_example(solution, reference):
    """The example from the task: L_D ≈ 0.395270."""
    check_d(solution, reference, EX_REAL, EX_FAKE)


def test_generator_worked_example_non_saturating(solution, reference):
    """The example from the task, default (non-saturating) loss: ≈ 1.753279."""
    check_g(solution, reference, EX_FAKE)


def test_generator_worked_example_saturating(solution, reference):
    """The example from the task with non_saturating=False: ≈ -0.231018."""
    check_g(solution, reference, EX_FAKE, non_saturating=False)


def test_generator_explicit_non_saturating(solution, reference):
    """non_saturating=True passed explicitly gives -mean(log d_fake)."""
    check_g(solution, reference, np.array([0.2, 0.6, 0.05, 0.9]), non_saturating=True)


def test_discriminator_at_one_half(solution, reference):
    """D outputs 0.5 everywhere: L_D = 2 log 2."""
    check_d(solution, reference, np.full(4, 0.5), np.full(3, 0.5))


def test_discriminator_batches_of_different_sizes(solution, reference):
    """3 real and 5 fake samples: each batch is averaged separately, then the two means are added."""
    check_d(solution, reference, np.array([0.9, 0.6, 0.99]), np.array([0.2, 0.01, 0.5, 0.4, 0.05]))


def test_labels_real_one_fake_zero(solution, reference):
    """Confident on real (0.95) but fooled on fake (0.9): the fake term dominates."""
    check_d(solution, reference, np.array([0.95, 0.95]), np.array([0.9, 0.85]))


def test_perfect_discriminator_is_finite(solution, reference):
    """d_real = 1 and d_fake = 0 exactly: L_D is (almost) 0, not nan."""
    check_d(solution, reference, np.array([1.0, 1.0]), np.array([0.0, 0.0, 0.0]), rtol=RTOL_EDGE)


def test_fooled_discriminator_is_finite(solution, reference):
    """d_real = 0 and d_fake = 1 exactly: a large finite loss (about 55.26 with eps = 1e-12), not inf."""
    check_d(solution, reference, np.array([0.0]), np.array([1.0]), rtol=RTOL_EDGE)


def test_generator_at_zero_is_finite(solution, reference):
    """d_fake = 0 exactly: the non-saturating loss is -log(1e-12) ≈ 27.631, not inf."""
    check_g(solution, reference, np.array([0.0, 0.0]), rtol=RTOL_EDGE)


def test_saturating_generator_at_one_is_finite(solution, reference):
    """d_fake = 1 exactly: the saturating loss is about log(1e-12), not -inf."""
    check_g(solution, reference, np.array([1.0, 0.5]), non_saturating=False, rtol=RTOL_EDGE)


def test_mixed_edges(solution, reference):
    """A batch mixing exact 0s, exact 1s and ordinary probabilities."""
    check_d(solution, reference, np.array([1.0, 0.0, 0.7]), np.array([0.0, 1.0, 0.2, 0.6]), rtol=RTOL_EDGE)
    check_g(solution, reference, np.array([0.0, 1.0, 0.3]), rtol=RTOL_EDGE)


def test_python_lists(solution, reference):
    """Plain lists are accepted."""
    check_d(solution, reference, [0.7, 0.6, 0.8], [0.3, 0.2])
    check_g(solution, reference, [0.3, 0.2], non_saturating=False)


def test_column_vectors(solution, reference):
    """(n, 1) discriminator outputs: the mean runs over all entries."""
    check_d(solution, reference, np.array([[0.8], [0.7], [0.95]]), np.array([[0.1], [0.45], [0.3]]))
    check_g(solution, reference, np.array([[0.1], [0.45], [0.3]]))


def test_single_sample(solution, reference):
    """One real and one fake sample."""
    check_d(solution, reference, np.array([0.6]), np.array([0.35]))
    check_g(solution, reference, np.array([0.35]), non_saturating=False)



def test_float32_probabilities(solution, reference):
    """float32 probabilities strictly inside (0, 1) work (a float32 or float64 result is accepted)."""
    d_real = np.array([0.9, 0.75, 0.6], dtype=np.float32)
    d_fake = np.array([0.2, 0.05, 0.4, 0.3], dtype=np.float32)
    check_d(solution, reference, d_real, d_fake, rtol=RTOL_F32)
    check_g(solution, reference, d_fake, rtol=RTOL_F32)
    check_g(solution, reference, d_fake, non_saturating=False, rtol=RTOL_F32)


@pytest.mark.parametrize("seed", range(3))
def test_random_batches(solution, reference, seed):
    """Seeded random probabilities and batch sizes, both generator variants."""
    rng = np.random.default_rng(100 + seed)
    d_real = rng.uniform(0.01, 0.99, size=int(rng.integers(1, 30)))
    d_fake = rng.uniform(0.01, 0.99, size=int(rng.integers(1, 30)))
    check_d(solution, reference, d_real, d_fake)
    check_g(solution, reference, d_fake)
    check_g(solution, reference, d_fake, non_saturating=False)


def test_inputs_not_modified(solution, reference):
    """d_real and d_fake are left untouched, even when clipped (checked on every call)."""
    check_d(solution, reference, np.array([1.0, 0.4]), np.array([0.0, 0.5]), rtol=RTOL_EDGE)
    check_g(solution, reference, np.array([0.0, 0.5]), rtol=RTOL_EDGE)
