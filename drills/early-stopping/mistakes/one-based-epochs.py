def early_stopping(val_losses, patience, min_delta=0.0):
    best, best_epoch, wait = val_losses[0], 1, 0
    for epoch, loss in enumerate(val_losses[1:], start=2):
        if loss < best - min_delta:
            best, best_epoch, wait = loss, epoch, 0
        else:
            wait += 1
            if wait >= patience:
                return best_epoch, epoch
    return best_epoch, len(val_losses)
