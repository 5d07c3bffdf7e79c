from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from tongxin.workdays import calendar, services

# Statutory periods run to weeks; 10,000 working days (about 40 years) is past any real use
# and keeps the day-by-day count fast.
MAX_WORKING_DAYS = 10_000


def _parse_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"日期格式应为 YYYY-MM-DD：{value}") from exc


class Command(BaseCommand):
    help = "工作日计算与日历调整：`workdays add YYYY-MM-DD N`，`workdays set YYYY-MM-DD on|off`"

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        add = sub.add_parser("add", help="打印某日之后第 N 个工作日（当日不计）")
        add.add_argument("day")
        add.add_argument("n", type=int)
        set_ = sub.add_parser("set", help="把某日记为上班（on）或休息（off）")
        set_.add_argument("day")
        set_.add_argument("state", choices=["on", "off"])
        set_.add_argument("--note", default="")

    def handle(self, *args: Any, **o: Any) -> None:
        day = _parse_date(o["day"])
        if o["action"] == "add":
            if o["n"] < 0:
                raise CommandError("N 不能为负数。")
            if o["n"] > MAX_WORKING_DAYS:
                raise CommandError(
                    _("N 不能超过 %(max)d（约 40 年的工作日）。") % {"max": MAX_WORKING_DAYS}
                )
            try:
                result = calendar.add_working_days(day, o["n"])
            except OverflowError as exc:
                raise CommandError(
                    _("结果超出可计算的日期范围（最晚 %(last)s）。") % {"last": date.max}
                ) from exc
            for year in sorted({day.year, result.year}):
                if not calendar.package_covers(year):
                    self.stderr.write(
                        f"注意：chinesecalendar 未收录 {year} 年，该年除已录入的调整外按周一至周五计算。"
                    )
            self.stdout.write(result.isoformat())
        else:
            row = services.calendar_override_set(
                actor=None, day=day, is_working_day=o["state"] == "on", note=o["note"]
            )
            self.stdout.write(f"{row.day.isoformat()} {'上班' if row.is_working_day else '休息'}")
