def accuracy(y_true, y_pred):
    correct = 0
    for t, p in zip(list(y_true), list(y_pred)):
        if t == p:
            correct += 1
    return correct / len(y_true)
