"""Rows for every Excel export: what people typed reaches the sheet as text, never as a formula.

openpyxl writes a string that begins with `=` as a live formula (`=HYPERLINK("http://…","x")`
typed as an employer's name would run when the ledger is opened), and text that begins with
`+ - @`, a tab or a CR turns into one as soon as someone edits the cell in Excel or WPS. Such
text goes out as a string cell with the quote prefix set: shown exactly as typed (no visible
apostrophe), and still text after an edit. Numbers, dates and every other string are written
as before; control characters that XML cannot hold are dropped rather than failing the export.
"""

from collections.abc import Iterable
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def append_row(ws: WriteOnlyWorksheet, values: Iterable[Any]) -> None:
    """Append one row to a write-only sheet, user text made safe (see the module docstring)."""
    ws.append([_safe(ws, v) if isinstance(v, str) else v for v in values])


def _safe(ws: WriteOnlyWorksheet, text: str) -> Any:
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    if not text.startswith(FORMULA_STARTS):
        return text
    cell = WriteOnlyCell(ws, value=text)
    cell.data_type = "s"
    cell.quotePrefix = True
    return cell
