"""One home for the rules and defaults that more than one subsystem (or the CLI's help) relies on.

Change a number here and every command, message and help text follows.
"""

from __future__ import annotations

# ------------------------------------------------------------------ quiz sessions
SESSION_LIMIT = 20          # questions in one `mlprep quiz` session (`-n`)
NEW_PER_SESSION = 10        # new (never seen) questions a session adds (`--new`), without an interview plan
MAX_REVIEWS_PER_DAY = 100   # daily cap on reviews of seen questions (`quiz --max-reviews`, reported by `today`)
SEARCH_LIMIT = 10           # results `mlprep search` shows (`--limit`)
LEECH_LAPSES = 8            # a leech: forgotten (Again on a Review card) this many times or more, as Anki counts
MOCK_MAX_MINUTES = 600      # longest mock interview (`mlprep mock --minutes`)
WEAK_TAG_MIN_ANSWERS = 5    # a tag is ranked among the weakest (stats, quiz --weak) only after this many answers

# ------------------------------------------------------------------ drills
DRILL_PREFIX = "drill:"     # a drill's item id in the store is DRILL_PREFIX + slug
FAST_MINUTES = {1: 10, 2: 20, 3: 30}   # a first-attempt pass within this many minutes (by difficulty) is Easy
SLOW_PASS_MAX_DAYS = 3      # a correct but not vectorized pass is Hard, due again within this many days
SLOW_FACTOR = 10.0          # a passing submission more than this many times slower than the reference is "not vectorized"
RESERVED_DRILL_NAMES = ("next",)  # words `mlprep drill WORD` reads as commands, so no drill may be named so
DEFAULT_FORBIDDEN_IMPORTS = ("sklearn", "scipy", "torch", "tensorflow", "jax", "keras", "statsmodels")
DEFAULT_TIME_LIMIT = 20     # seconds for all calls into a submission
DEFAULT_MEMORY_MB = 2048    # address-space limit of the process that runs a submission
WATCH_POLL_SECONDS = 0.1    # `drill --watch` checks the file's modification time this often

# ------------------------------------------------------------------ settings (`mlprep config`)
MAX_ZONE_NAME = 64          # longest time-zone name accepted (the longest IANA name is about 30 characters)
# name -> (default, one-line description); parsed and checked by `mlprep.settings`.
SETTINGS = {
    "desired_retention": ("0.9", "Target recall when due (0.70-0.99)."),
    "timezone": ("", "Zone for days, e.g. Europe/Paris."),
    "rating": ("auto", "auto (checked, timed) or manual (1-4)."),
    "new_per_day": ("20", "New questions a day (0-1000)."),
    "learning_steps": ("1m 10m", "Steps of new cards, e.g. '1m 10m'."),
    "relearning_steps": ("10m", "Steps of lapsed cards, e.g. '10m'."),
    "maximum_interval": ("36500", "Longest interval in days (1-36500)."),
}
SETTING_CHOICES = {  # settings that take one of a few words
    "rating": ("auto", "manual"),
}
NEW_PER_DAY_MAX = 1000
MAX_STEPS = 10                  # learning or relearning steps at most
MAX_STEP_SECONDS = 30 * 86400   # one step at most 30 days
MAX_INTERVAL_DAYS = 36500

# ------------------------------------------------------------------ card management and `mlprep optimize`
NOTE_MAX_CHARS = 2000           # a personal note on a card
FSRS_PARAMETERS_KEY = "fsrs_parameters"  # settings key of the parameters fitted by `mlprep optimize`
MIN_OPTIMIZE_REVIEWS = 400      # question reviews needed before `mlprep optimize` fits parameters
OPTIMIZE_HOLDOUT = 0.2          # share of the review history (the latest, by time) held out to evaluate the fit

# ------------------------------------------------------------------ bank files are untrusted data (questions/schema.py)
MAX_BANK_BYTES = 2_000_000  # a bank file larger than this is refused before it is read (built-in ones: < 100 kB)
MAX_YAML_NODES = 100_000    # YAML nodes of one file once aliases are expanded ("billion laughs" stops here)
MAX_YAML_DEPTH = 40         # nesting of YAML collections
MAX_TEXT_CHARS = 10_000     # prompt, explanation, flashcard back, code, section description
MAX_LINE_CHARS = 1_000      # one choice, accepted answer, expression, section title
MAX_UNIT_CHARS = 40         # `unit`, `language`, a tag
MAX_MESSAGE_CHARS = 600     # an error message quoting bank content is cut here
LINT_GRID = 1024            # lint tries every combination of parameter values when there are at most this many
LINT_DRAWS = 300            # ... else this many seeded random draws (plus the corners of the ranges)
LINT_SECONDS = 2.0          # time budget for the draws of one parametric question
