import re


def reverse_string(s):
    return s[::-1]


def is_palindrome(s):
    t = re.sub(r"[^a-z0-9]", "", s.lower())
    return t == t[::-1]
