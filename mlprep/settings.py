"""Parsing and checking the values of the settings in `rules.SETTINGS` (and the fitted FSRS parameters).

`problem(key, value)` says why a value is not allowed (None when it is): `mlprep config set` refuses it
with that sentence, and restoring a backup refuses a file that carries such a value. The `parse_*`
functions turn stored text into what the scheduler takes; a stored value that no longer parses falls
back to the default there, so a bad row never stops a quiz.
"""

from __future__ import annotations

import json
import math
import re
from datetime import timedelta
from typing import Any

from mlprep.rules import (
    FSRS_PARAMETERS_KEY,
    MAX_INTERVAL_DAYS,
    MAX_STEP_SECONDS,
    MAX_STEPS,
    NEW_PER_DAY_MAX,
    SETTING_CHOICES,
    SETTINGS,
)

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_STEP = re.compile(r"(\d+(?:\.\d+)?)([smhd])")
# fsrs 6 (FSRS-6) takes 21 parameters; FSRS-5 vectors (19) gain w19 = 0 and the FSRS-5 decay w20 = 0.5.
FSRS_PARAMETER_COUNT = 21
_FSRS5_TAIL = (0.0, 0.5)


def parse_steps(text: str) -> tuple[timedelta, ...]:
    """'1m 10m' → (1 minute, 10 minutes); ValueError with the reason."""
    tokens = text.replace(",", " ").split()
    if len(tokens) > MAX_STEPS:
        raise ValueError(f"at most {MAX_STEPS} steps")
    steps = []
    for token in tokens:
        m = _STEP.fullmatch(token.lower())
        if not m:
            raise ValueError(f"{token!r} is not a step; write a number and a unit (s, m, h or d), e.g. '1m 10m'")
        seconds = float(m.group(1)) * _UNITS[m.group(2)]
        if not 1 <= seconds <= MAX_STEP_SECONDS:
            raise ValueError(f"step {token!r} is out of range; each step is from 1s to {MAX_STEP_SECONDS // 86400}d")
        steps.append(timedelta(seconds=seconds))
    return tuple(steps)


def format_steps(steps: tuple[timedelta, ...]) -> str:
    out = []
    for step in steps:
        secs = step.total_seconds()
        unit = next(u for u in ("d", "h", "m", "s") if secs % _UNITS[u] == 0 or u == "s")
        value = secs / _UNITS[unit]
        out.append(f"{value:g}{unit}")
    return " ".join(out)


def _int_in(value: str, lo: int, hi: int) -> int:
    try:
        n = int(value.strip())
    except ValueError:
        raise ValueError(f"give a whole number from {lo} to {hi}") from None
    if not lo <= n <= hi:
        raise ValueError(f"give a whole number from {lo} to {hi}")
    return n


def parse(key: str, value: str) -> Any:
    """The value of a setting, parsed; ValueError with the allowed range or format."""
    if key == "desired_retention":
        try:
            r = float(value)
        except ValueError:
            raise ValueError("give a number from 0.70 to 0.99 (0.90 is the usual choice)") from None
        if not (math.isfinite(r) and 0.7 <= r <= 0.99):
            raise ValueError("give a number from 0.70 to 0.99 (0.90 is the usual choice)")
        return r
    if key == "timezone":
        if not value:
            return None
        from mlprep.clock import zone

        return zone(value)
    if key in SETTING_CHOICES:
        if value not in SETTING_CHOICES[key]:
            raise ValueError(f"use one of {', '.join(SETTING_CHOICES[key])}")
        return value
    if key == "new_per_day":
        return _int_in(value, 0, NEW_PER_DAY_MAX)
    if key in ("learning_steps", "relearning_steps"):
        return parse_steps(value)
    if key == "maximum_interval":
        return _int_in(value, 1, MAX_INTERVAL_DAYS)
    if key == FSRS_PARAMETERS_KEY:
        return parse_parameters(value)
    raise ValueError(f"unknown setting; settings: {', '.join(SETTINGS)}")


def problem(key: str, value: Any) -> str | None:
    """Why `value` is not allowed for setting `key` (None when it is, or when the key is not a setting)."""
    if key not in SETTINGS and key != FSRS_PARAMETERS_KEY:
        return None
    if not isinstance(value, str):
        return "should be text"
    try:
        parse(key, value)
    except ValueError as exc:
        return str(exc)
    return None


def value_or_default(key: str, stored: str | None) -> Any:
    """The parsed stored value, or the parsed default when none is stored or it does not parse."""
    if stored is not None:
        try:
            return parse(key, stored)
        except ValueError:
            pass
    return parse(key, SETTINGS[key][0])


def to_fsrs_parameters(values: list[float] | tuple[float, ...]) -> tuple[float, ...]:
    """A parameter vector for fsrs 6 (21 values): FSRS-6 vectors as they are, FSRS-5 (19) extended."""
    values = tuple(float(v) for v in values)
    if len(values) == FSRS_PARAMETER_COUNT - len(_FSRS5_TAIL):
        values += _FSRS5_TAIL
    if len(values) != FSRS_PARAMETER_COUNT:
        raise ValueError(f"FSRS parameters should be {FSRS_PARAMETER_COUNT} numbers (or 19 from FSRS-5), "
                         f"got {len(values)}")
    if not all(math.isfinite(v) for v in values):
        raise ValueError("FSRS parameters should be finite numbers")
    from fsrs.scheduler import LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS

    for i, (v, lo, hi) in enumerate(zip(values, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS)):
        if not lo <= v <= hi:
            raise ValueError(f"FSRS parameter w{i} = {v:g} is outside fsrs's range [{lo:g}, {hi:g}]")
    return values


def clip_parameters(values: list[float] | tuple[float, ...]) -> tuple[float, ...]:
    """Parameters from another FSRS implementation, extended to 21 and clipped to fsrs's ranges."""
    from fsrs.scheduler import LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS

    values = tuple(float(v) for v in values)
    if len(values) == FSRS_PARAMETER_COUNT - len(_FSRS5_TAIL):
        values += _FSRS5_TAIL
    return tuple(min(max(v, lo), hi) for v, lo, hi in zip(values, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS))


def parse_parameters(value: str) -> tuple[float, ...]:
    """The stored fitted parameters: JSON `{"parameters": [...], ...}` as `mlprep optimize` writes it."""
    try:
        doc = json.loads(value)
    except ValueError:
        raise ValueError("should be the JSON written by `mlprep optimize`") from None
    params = doc.get("parameters") if isinstance(doc, dict) else None
    if not isinstance(params, list) or not all(isinstance(v, (int, float)) and not isinstance(v, bool)
                                               for v in params):
        raise ValueError("should be the JSON written by `mlprep optimize` (a \"parameters\" list of numbers)")
    return to_fsrs_parameters(params)
