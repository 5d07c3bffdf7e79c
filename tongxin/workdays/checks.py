from typing import Any

from django.core.checks import Warning, register
from django.db import DatabaseError
from django.utils import timezone

from tongxin.workdays.calendar import missing_calendar_years


@register()
def calendar_years_check(app_configs: Any, **kwargs: Any) -> list[Warning]:
    """Warn when this or next year's holiday schedule is unknown (deadlines fall back to Mon–Fri)."""
    try:
        years = missing_calendar_years(timezone.localdate())
    except DatabaseError:  # before migrate
        return []
    return [
        Warning(
            f"{y} 年的法定节假日安排缺失：工作日按周一至周五计算。请升级 chinesecalendar "
            f"或用 `manage.py workdays set` 录入国务院公布的放假安排。",
            id="workdays.W001",
        )
        for y in years
    ]
