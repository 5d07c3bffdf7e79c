from datetime import date, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from tongxin.core.exceptions import ApplicationError
from tongxin.core.validation import check_date_in_range


def parse_period(start: str | None, end: str | None) -> tuple[date, date]:
    """[start, end] from ISO dates; defaults to the last 365 days. Errors name the field."""
    today = timezone.localdate()
    try:
        end_day = date.fromisoformat(end) if end else today
    except ValueError:
        raise ApplicationError("结束日期格式应为 YYYY-MM-DD。", field="end") from None
    check_date_in_range(end_day, field="end", label=_("结束日期"))
    try:
        start_day = date.fromisoformat(start) if start else end_day - timedelta(days=364)
    except ValueError:
        raise ApplicationError("开始日期格式应为 YYYY-MM-DD。", field="start") from None
    check_date_in_range(start_day, field="start", label=_("开始日期"))
    if start_day > end_day:
        raise ApplicationError("开始日期不能晚于结束日期。", field="start")
    if (end_day - start_day).days > 366 * 5:
        raise ApplicationError("统计区间不能超过 5 年。", field="start")
    return start_day, end_day
