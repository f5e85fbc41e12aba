import numpy as np


def _iou(a, b):
    w = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    h = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = w * h
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def average_precision(pred_boxes, pred_scores, pred_image_ids, gt_boxes, gt_image_ids, iou_threshold=0.5):
    pred_boxes = np.asarray(pred_boxes, dtype=float).reshape(-1, 4).tolist()
    pred_scores = np.asarray(pred_scores, dtype=float).reshape(-1).tolist()
    pred_images = np.asarray(pred_image_ids).reshape(-1).tolist()
    gt_boxes = np.asarray(gt_boxes, dtype=float).reshape(-1, 4).tolist()
    gt_images = np.asarray(gt_image_ids).reshape(-1).tolist()
    if not gt_boxes or not pred_boxes:
        return 0.0
    order = sorted(range(len(pred_scores)), key=lambda i: (-pred_scores[i], i))
    matched = [False] * len(gt_boxes)
    by_image = {}
    for j, image in enumerate(gt_images):
        by_image.setdefault(image, []).append(j)
    tp = 0
    precisions, recalls = [], []
    for k, p in enumerate(order, start=1):
        best, best_j = -1.0, -1
        for j in by_image.get(pred_images[p], []):
            if not matched[j]:
                v = _iou(pred_boxes[p], gt_boxes[j])
                if v > best:
                    best, best_j = v, j
        if best_j >= 0 and best >= iou_threshold:
            matched[best_j] = True
            tp += 1
        precisions.append(tp / k)
        recalls.append(tp / len(gt_boxes))
    for k in range(len(order) - 2, -1, -1):
        precisions[k] = max(precisions[k], precisions[k + 1])
    ap, prev_r = 0.0, 0.0
    for k in range(len(order)):
        ap += (recalls[k] - prev_r) * precisions[k]
        prev_r = recalls[k]
    return ap
