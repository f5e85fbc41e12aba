def reverse_string(s):
    out = []
    for i in range(len(s) - 1, 0, -1):
        out.append(s[i])
    return "".join(out)


def is_palindrome(s):
    t = "".join(c.lower() for c in s if c.isalnum())
    return t == t[::-1]
