"""Small helpers shared by the case generators (dates and weekday names only: no scoring logic)."""
import datetime as dt

WEEKDAY = "一二三四五六日"


def day(m, d, y=2026):
    return dt.date(y, m, d)


def days_of(month, year=2026):
    d = dt.date(year, month, 1)
    while d.month == month:
        yield d
        d += dt.timedelta(days=1)


def weekday_char(d):
    return WEEKDAY[d.weekday()]


def is_weekend(d):
    return d.weekday() >= 5
