"""One SGD step of skip-gram with negative sampling, from scratch with NumPy."""

import numpy as np


def sgns_step(W_in, W_out, center, context, negatives, lr):
    """Return (W_in_new, W_out_new, loss).

    W_in, W_out: (V, d) float arrays (centre-word and context-word vectors); center, context: ints;
    negatives: 1-D int array of k sampled indices (may repeat, may contain context); lr: float.
    loss = -log σ(u_o·v_c) - Σ_k log σ(-u_k·v_c), at the parameters before the step.
    """
    # TODO: copies of W_in and W_out (do not modify the inputs)
    # TODO: v_c, u_o, U_neg; the scores s_o = u_o·v_c and s_k = u_k·v_c
    # TODO: the loss with a stable log σ (np.logaddexp)
    # TODO: gradients from the OLD parameters; accumulate repeated rows with np.add.at
    raise NotImplementedError
