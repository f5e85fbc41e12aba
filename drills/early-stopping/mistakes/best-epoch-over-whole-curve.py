import numpy as np


def early_stopping(val_losses, patience, min_delta=0.0):
    best, wait = val_losses[0], 0
    stop = len(val_losses) - 1
    for epoch in range(1, len(val_losses)):
        if val_losses[epoch] < best - min_delta:
            best, wait = val_losses[epoch], 0
        else:
            wait += 1
            if wait >= patience:
                stop = epoch
                break
    return int(np.nanargmin(val_losses)), stop
