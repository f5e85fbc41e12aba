def reverse_string(s):
    return " ".join(s.split(" ")[::-1])


def is_palindrome(s):
    t = "".join(c.lower() for c in s if c.isalnum())
    return t == t[::-1]
