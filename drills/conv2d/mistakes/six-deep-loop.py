import numpy as np


def conv2d(x, w, b, stride=1, padding=0):
    x = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    n_batch, c_in, h, wd = x.shape
    c_out, _, kh, kw = w.shape
    h_out = (h - kh) // stride + 1
    w_out = (wd - kw) // stride + 1
    out = np.zeros((n_batch, c_out, h_out, w_out))
    for n in range(n_batch):
        for o in range(c_out):
            for i in range(h_out):
                for j in range(w_out):
                    total = b[o]
                    for c in range(c_in):
                        for u in range(kh):
                            for v in range(kw):
                                total += x[n, c, i * stride + u, j * stride + v] * w[o, c, u, v]
                    out[n, o, i, j] = total
    return out
