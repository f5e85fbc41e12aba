import math


def perplexity(token_log_probs, base=math.e):
    import numpy as np

    if isinstance(token_log_probs, np.ndarray):
        token_log_probs = token_log_probs.tolist()
    total, n = 0.0, 0
    for seq in token_log_probs:
        values = seq.tolist() if hasattr(seq, "tolist") else seq
        if not isinstance(values, list):
            values = [values]
        for x in values:
            x = float(x)
            if x != x or x > 0:
                raise ValueError("bad log-probability")
            total -= x
            n += 1
    if n == 0:
        raise ValueError("no tokens")
    e = total / n * math.log(base)
    return math.exp(e) if e < 709.78 else math.inf
