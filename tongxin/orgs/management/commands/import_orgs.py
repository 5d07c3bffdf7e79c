import csv
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tongxin.core.exceptions import ApplicationError
from tongxin.orgs import services

COLUMNS = ("code", "name", "level", "parent_code")


def read_rows(path: Path) -> list[dict[str, str]]:
    """Rows of a CSV (UTF-8, with or without BOM) or XLSX file with a header line."""
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(path, read_only=True).active
        lines = [
            ["" if c is None else str(c).strip() for c in row]
            for row in sheet.iter_rows(values_only=True)
        ]
    else:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            lines = [[c.strip() for c in row] for row in csv.reader(fh)]
    if not lines:
        raise CommandError("文件为空。")
    header = [h.lower() for h in lines[0]]
    missing = [c for c in COLUMNS[:3] if c not in header]
    if missing:
        raise CommandError(f"缺少列：{', '.join(missing)}（需要 {','.join(COLUMNS)}）")
    return [dict(zip(header, row, strict=False)) for row in lines[1:] if any(row)]


class Command(BaseCommand):
    help = "导入工会组织树：CSV 或 XLSX，列为 code,name,level,parent_code（全部成功或全部不导入）。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.exists():
            raise CommandError(f"找不到文件：{path}")
        rows = read_rows(path)
        self.stdout.write(f"读取 {len(rows)} 行，导入中……")

        def progress(done: int, total: int) -> None:
            self.stdout.write(f"\r已导入 {done}/{total}", ending="")
            self.stdout.flush()

        try:
            orgs = services.org_import_rows(actor=None, rows=rows, progress=progress)
        except ApplicationError as exc:
            raise CommandError(str(exc.message)) from exc
        finally:
            self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"已导入 {len(orgs)} 个组织。"))
