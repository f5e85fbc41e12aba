"""Questions as data: the model and answer checking, bank validation, parametric expressions, loading.

Nothing here runs code from a bank, talks to the store or renders anything.
"""
