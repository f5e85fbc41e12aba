"""Early stopping on a validation-loss curve, with patience and a minimum improvement."""


def early_stopping(val_losses, patience, min_delta=0.0):
    """Return (best_epoch, stop_epoch) for a validation-loss curve (epochs are 0-based indices).

    An epoch improves when its loss < best - min_delta; training stops at the epoch where
    `patience` consecutive epochs have passed without improvement, else at the last epoch.
    """
    best, best_epoch, wait = val_losses[0], 0, 0  # epoch 0 always sets the first best
    for epoch in range(1, len(val_losses)):
        loss = val_losses[epoch]
        if loss < best - min_delta:  # a real improvement (NaN compares False: never one)
            best, best_epoch, wait = loss, epoch, 0
        else:
            wait += 1
            if wait >= patience:
                return best_epoch, epoch
    return best_epoch, len(val_losses) - 1
