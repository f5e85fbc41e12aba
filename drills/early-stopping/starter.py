"""Early stopping on a validation-loss curve, from scratch."""


def early_stopping(val_losses, patience, min_delta=0.0):
    """Return (best_epoch, stop_epoch), both 0-based epoch indices.

    An epoch improves if its loss < best - min_delta (best = lowest loss so far). Training stops
    at the epoch where `patience` consecutive epochs have passed without improvement; if that
    never happens, stop_epoch = len(val_losses) - 1. NaN is never an improvement.
    """
    # TODO: start from epoch 0 as the best so far, with a counter of epochs without improvement
    # TODO: for each later epoch, improve (update best, best_epoch, reset) or count; stop at patience
    # TODO: if the loop finishes, training ran to the last epoch
    raise NotImplementedError
