"""The user's time zone and calendar days.

Days (for streaks, "today", the activity calendar, the forecast and the interview plan) are the
user's local calendar days, so a review at 23:50 and one at 00:10 are on two days. The zone is, in
order: the `timezone` setting (an IANA name such as `Europe/Paris`), `$TZ`, the system zone
(`/etc/localtime`), else the current fixed UTC offset.
"""

from __future__ import annotations

import os
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path


def zone(name: str) -> tzinfo:
    """An IANA time zone by name; ValueError with a clear reason if unknown."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, IsADirectoryError):
        raise ValueError(f"unknown time zone {name!r}; use an IANA name such as Europe/Paris, "
                         "America/New_York or UTC") from None


def system_zone() -> tzinfo:
    tz = os.environ.get("TZ", "").lstrip(":")
    if tz:
        try:
            return zone(tz)
        except ValueError:
            pass
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
            pass
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
