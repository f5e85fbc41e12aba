def early_stopping(val_losses, patience, min_delta=0.0):
    best, best_epoch, bad_epochs = val_losses[0], 0, 0
    for epoch in range(1, len(val_losses)):
        loss = val_losses[epoch]
        if loss < best - min_delta:
            best, best_epoch = loss, epoch
        else:
            bad_epochs += 1
            if bad_epochs >= patience:
                return best_epoch, epoch
    return best_epoch, len(val_losses) - 1
