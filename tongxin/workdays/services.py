from datetime import date

from django.contrib.auth.models import User
from django.db import transaction

from tongxin.core import refcache
from tongxin.core.services import audit_record
from tongxin.workdays.models import CalendarOverride


@transaction.atomic
def calendar_override_set(
    *, actor: User | None, day: date, is_working_day: bool, note: str = ""
) -> CalendarOverride:
    """Record whether `day` is a working day; writes an audit row."""
    row, _created = CalendarOverride.objects.update_or_create(
        day=day, defaults={"is_working_day": is_working_day, "note": note}
    )
    refcache.invalidate("calendar-overrides")
    audit_record(
        actor=actor,
        action="calendar_override_set",
        obj=row,
        data={"day": day.isoformat(), "is_working_day": is_working_day},
        note=note,
    )
    return row
