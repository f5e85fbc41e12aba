"""Quiz sessions: what to ask next, checking and rating answers, the second look, timed mocks."""
