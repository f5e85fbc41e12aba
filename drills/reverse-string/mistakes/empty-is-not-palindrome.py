def reverse_string(s):
    return s[::-1]


def is_palindrome(s):
    t = "".join(c.lower() for c in s if c.isalnum())
    return len(t) > 0 and t == t[::-1]
