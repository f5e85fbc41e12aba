"""The user's time zone and calendar days.

Days (for streaks, "today", the activity calendar, the forecast and the interview plan) are the
user's local calendar days, so a review at 23:50 and one at 00:10 are on two days. The zone is, in
order: the `timezone` setting (an IANA name such as `Europe/Paris`), `$TZ`, the system zone
(`/etc/localtime`), else the current fixed UTC offset.
"""

from __future__ import annotations

import os
import warnings
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from pathlib import Path

from mlprep.errors import MlprepWarning
from mlprep.rules import MAX_ZONE_NAME


def shown_name(name: str, limit: int = 40) -> str:
    """A user-given name for a message: quoted, and cut (with its length) when it is long."""
    return repr(name) if len(name) <= limit else f"{name[:limit]!r}… ({len(name)} characters)"


def zone(name: str) -> tzinfo:
    """An IANA time zone by name; ValueError with a clear reason if unknown (never OSError, even
    for a name too long for a file name)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    advice = "use an IANA name such as Europe/Paris, America/New_York or UTC"
    if not isinstance(name, str) or len(name) > MAX_ZONE_NAME:
        raise ValueError(f"unknown time zone {shown_name(str(name))}: time zone names are at most "
                         f"{MAX_ZONE_NAME} characters; {advice}")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name no file can have
        raise ValueError(f"unknown time zone {shown_name(name)}; {advice}") from None


def _fallback(source: str, name: str) -> tzinfo:
    """UTC, with a one-line warning naming where the bad zone came from (the CLI prints each once)."""
    warnings.warn(f"{source} {shown_name(name)} is not a time zone mlprep knows; using UTC. Set yours with "
                  "`mlprep config set timezone Europe/Paris` (an IANA name).", MlprepWarning, stacklevel=3)
    return timezone.utc


def system_zone() -> tzinfo:
    tz = os.environ.get("TZ", "").lstrip(":")
    if tz:
        try:
            return zone(tz)
        except ValueError:
            return _fallback("the TZ environment variable", tz)
    try:
        link = Path("/etc/localtime").resolve()
        if "zoneinfo" in link.parts:
            return zone("/".join(link.parts[link.parts.index("zoneinfo") + 1:]))
    except (OSError, ValueError):
        pass
    return datetime.now().astimezone().tzinfo or zone("UTC")


def user_zone(setting: str | None) -> tzinfo:
    """The zone named by the `timezone` setting, or the system's."""
    if setting:
        try:
            return zone(setting)
        except ValueError:
            return _fallback("the timezone setting", setting)
    return system_zone()


def local_date(moment: datetime, tz: tzinfo) -> date:
    return moment.astimezone(tz).date()


def start_of_day(day: date, tz: tzinfo) -> datetime:
    """The first instant of `day` in zone `tz` (aware)."""
    return datetime.combine(day, time(0), tz)


def end_of_day(day: date, tz: tzinfo) -> datetime:
    return start_of_day(day + timedelta(days=1), tz) - timedelta(microseconds=1)


def parse_day(text: str) -> date:
    """YYYY-MM-DD → date, ValueError naming the expected format."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-12-15") from None
