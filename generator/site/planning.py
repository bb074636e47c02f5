"""Follow-up dates: counted from the day of the conversation, moved off the weekend.

The site's planner does the same in the browser (site_templates/assets/planner.js); this module
computes the worked example shown without JavaScript, and is the reference the tests compare the
browser's dates with.
"""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta

from generator.content.model import Moment


def next_school_day(day: dt.date) -> dt.date:
    """Saturday and Sunday move to the Monday after; holidays are not known here."""
    if day.weekday() >= 5:
        return day + dt.timedelta(days=7 - day.weekday())
    return day


def moment_date(start: dt.date, moment: Moment) -> dt.date:
    """``start`` plus the moment; a month later on the 31st ends on the month's last day."""
    raw = start + relativedelta(days=moment.dagen, weeks=moment.weken, months=moment.maanden)
    return next_school_day(raw)


def schedule(start: dt.date, momenten: list[Moment]) -> list[tuple[Moment, dt.date]]:
    return [(m, moment_date(start, m)) for m in momenten]
