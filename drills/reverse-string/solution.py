"""Reverse a string and test for palindromes, the Pythonic way."""


def reverse_string(s):
    """The code points of s in reverse order: a slice with step -1 walks the string backwards."""
    return s[::-1]


def is_palindrome(s):
    """True when s reads the same backwards, ignoring case and every non-alphanumeric character."""
    # Normalize first: keep letters and digits (any script), lowercased. An empty result is a palindrome.
    chars = [c.lower() for c in s if c.isalnum()]
    return chars == chars[::-1]
