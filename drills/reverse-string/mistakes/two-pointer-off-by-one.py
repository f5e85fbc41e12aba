def reverse_string(s):
    return s[::-1]


def is_palindrome(s):
    t = [c.lower() for c in s if c.isalnum()]
    for i in range(len(t) // 2):
        if t[i] != t[-i]:
            return False
    return True
