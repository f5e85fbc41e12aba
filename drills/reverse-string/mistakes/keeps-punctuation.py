def reverse_string(s):
    return s[::-1]


def is_palindrome(s):
    t = s.lower()
    return t == t[::-1]
