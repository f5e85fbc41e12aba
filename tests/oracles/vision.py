"""Independent oracles for the numeric questions of content/19-vision.yaml.

Boxes and masks are rasterised onto NumPy pixel grids and counted, convolutions are simulated by
enumerating kernel positions (or scattering kernels for transposed convolutions), and counts come
from the sizes of explicitly built arrays, so none of them reuses the YAML expression.
"""

from __future__ import annotations

import numpy as np


def _bottleneck_weights():
    shapes = [(64, 256, 1, 1), (64, 64, 3, 3), (256, 64, 1, 1)]   # (C_out, C_in, kH, kW)
    return sum(np.zeros(s).size for s in shapes)


def _conv_output(n, k, s, p):
    starts = range(0, n + 2 * p - k + 1, s)   # top-left corners on the padded input
    return len(starts)


def _box_mask(x1, y1, x2, y2, size=32):
    grid = np.zeros((size, size), dtype=bool)
    grid[y1:y2, x1:x2] = True
    return grid


def _iou(w1, h1, x, y, w2, h2):
    a = _box_mask(0, 0, w1, h1)
    b = _box_mask(x, y, x + w2, y + h2)
    return float(np.logical_and(a, b).sum() / np.logical_or(a, b).sum())


def _anchors(img, stride, scales, ratios):
    side = len(range(0, img, stride))
    return np.zeros((side, side, scales, ratios)).size


def _focal_ratio(p, g):
    ce = -np.log(p)
    fl = -((1.0 - p) ** g) * np.log(p)
    return float(fl / ce)


def _precision(d, tp):
    is_tp = np.array([True] * tp + [False] * (d - tp))
    return float(is_tp.mean())


def _recall(g, tp, dup):
    matched = np.array([True] * tp + [False] * (g - tp))   # one entry per ground-truth object
    return float(matched.mean())


def _dice(inter, extra_p, extra_t):
    n = inter + extra_p + extra_t
    pred = np.zeros(n, dtype=bool)
    true = np.zeros(n, dtype=bool)
    pred[: inter + extra_p] = True
    true[:inter] = True
    true[inter + extra_p:] = True
    tp = np.sum(pred & true)
    fp = np.sum(pred & ~true)
    fn = np.sum(~pred & true)
    return float(2 * tp / (2 * tp + fp + fn))


def _dice_from_iou(j):
    # Take |A ∪ B| = 1000 pixels and |A ∩ B| = 1000 j; then |A| + |B| = |A ∪ B| + |A ∩ B|.
    union = 1000.0
    inter = j * union
    precision_like = inter / ((union + inter) / 2)
    return float(precision_like)


def _transposed_conv(n, k, s, p):
    out = np.zeros((n - 1) * s + k)
    for i in range(n):
        out[i * s: i * s + k] += 1.0
    cropped = out[p: out.size - p] if p else out
    return cropped.size


def _vit_tokens(img, patch):
    image = np.zeros((img, img))
    patches = image.reshape(img // patch, patch, img // patch, patch).swapaxes(1, 2).reshape(-1, patch * patch)
    return patches.shape[0] + 1


ORACLES = {
    "vision-resnet-bottleneck-numeric-01": _bottleneck_weights,
    "vision-conv-output-param-01": _conv_output,
    "vision-iou-param-01": _iou,
    "vision-anchors-param-01": _anchors,
    "vision-focal-loss-param-01": _focal_ratio,
    "vision-precision-iou-param-01": _precision,
    "vision-recall-iou-param-01": _recall,
    "vision-dice-param-01": _dice,
    "vision-dice-iou-param-01": _dice_from_iou,
    "vision-transposed-conv-param-01": _transposed_conv,
    "vision-vit-patches-param-01": _vit_tokens,
}
