"""One home for the rules and defaults that more than one subsystem (or the CLI's help) relies on.

Change a number here and every command, message and help text follows.
"""

from __future__ import annotations

# ------------------------------------------------------------------ quiz sessions
SESSION_LIMIT = 20          # questions in one `mlprep quiz` session (`-n`)
NEW_PER_SESSION = 10        # new (never seen) questions a session adds (`--new`), without an interview plan
MAX_REVIEWS_PER_DAY = 100   # daily cap on reviews of seen questions (`quiz --max-reviews`, reported by `today`)
LEECH_LAPSES = 8            # a leech: forgotten (Again on a Review card) this many times or more, as Anki counts

# ------------------------------------------------------------------ drills
DRILL_PREFIX = "drill:"     # a drill's item id in the store is DRILL_PREFIX + slug
FAST_MINUTES = {1: 10, 2: 20, 3: 30}   # a first-attempt pass within this many minutes (by difficulty) is Easy
DEFAULT_FORBIDDEN_IMPORTS = ("sklearn", "scipy", "torch", "tensorflow", "jax", "keras", "statsmodels")
DEFAULT_TIME_LIMIT = 20     # seconds for all calls into a submission
DEFAULT_MEMORY_MB = 2048    # address-space limit of the process that runs a submission
WATCH_POLL_SECONDS = 0.1    # `drill --watch` checks the file's modification time this often

# ------------------------------------------------------------------ settings (`mlprep config`)
SETTINGS = {  # name -> (default, description)
    "desired_retention": ("0.9", "Target probability of recalling a card when it comes due (0.70-0.99)."),
    "timezone": ("", "IANA time zone for days and streaks, e.g. Europe/Paris (empty: the system's)."),
}
