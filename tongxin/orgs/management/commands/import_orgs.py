import csv
import io
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from tongxin.core.exceptions import ApplicationError
from tongxin.orgs import services

COLUMNS = ("code", "name", "level", "parent_code")


def _decode(data: bytes) -> str:
    """UTF-8 (a BOM is dropped), else GB18030: what Excel and WPS on a Chinese Windows save as
    "CSV" by default, a superset of GBK and GB2312. Bytes that are neither are refused."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CommandError(_("无法识别文件编码：请将 CSV 另存为 UTF-8 或 GBK（GB18030）编码。"))


def read_rows(path: Path) -> list[dict[str, str]]:
    """Rows of a CSV (UTF-8 with or without BOM, or GBK/GB18030) or XLSX file with a header
    line."""
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(path, read_only=True).active
        lines = [
            ["" if c is None else str(c).strip() for c in row]
            for row in sheet.iter_rows(values_only=True)
        ]
    else:
        text = _decode(path.read_bytes())
        lines = [[c.strip() for c in row] for row in csv.reader(io.StringIO(text, newline=""))]
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
