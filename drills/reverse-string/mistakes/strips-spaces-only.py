def reverse_string(s):
    return s[::-1]


def is_palindrome(s):
    t = s.replace(" ", "").lower()
    return t == t[::-1]
