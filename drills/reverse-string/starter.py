"""Reverse a string and detect palindromes."""


def reverse_string(s):
    """Return s backwards (its characters in reverse order), as a str."""
    # TODO: return the characters of s in reverse order
    raise NotImplementedError


def is_palindrome(s):
    """True if s reads the same backwards, ignoring case and non-alphanumeric characters.

    Keep the characters c with c.isalnum(), lowercase them, compare with the reverse.
    An empty result counts as a palindrome.
    """
    # TODO: normalize s (alphanumeric characters only, lowercased)
    # TODO: compare the normalized string with its reverse
    raise NotImplementedError
