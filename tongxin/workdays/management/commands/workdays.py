from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tongxin.workdays import calendar, services


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
            result = calendar.add_working_days(day, o["n"])
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
