"""Excel rows from typed text: a formula never reaches a sheet live, the text stays as typed."""

import io
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from tongxin.core.xlsx import append_row


def _written(values: list) -> list:
    """The cells of the one row `append_row` writes, read back as Excel would get them."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("表")
    append_row(ws, values)
    out = io.BytesIO()
    wb.save(out)
    return list(load_workbook(io.BytesIO(out.getvalue())).active[1])


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://evil","x")',
        "=1+1",
        "+1+1",
        "-1+1",
        "@SUM(A1)",
        "\t=1+1",
        "\r=1+1",
    ],
)
def test_text_that_would_be_a_formula_is_written_as_text(text):
    # when a row holds text that Excel or WPS could take for a formula
    (cell,) = _written([text])
    # then it is a string cell showing exactly that text, quote-prefixed so it stays text
    assert (cell.value, cell.data_type, cell.quotePrefix) == (text, "s", True)


def test_numbers_dates_and_plain_text_around_it_keep_their_types():
    # when a row mixes formula-like text with plain text, numbers, money and dates
    cells = _written(["=1+1", "恒兴鞋业", 3, Decimal("2300.50"), date(2026, 3, 2)])
    # then only that text is quote-prefixed; the rest is written as before
    assert [(c.data_type, c.quotePrefix) for c in cells] == [
        ("s", True),
        ("s", False),
        ("n", False),
        ("n", False),
        ("d", False),
    ]
    assert [c.value for c in cells[:4]] == ["=1+1", "恒兴鞋业", 3, 2300.5]


def test_control_characters_xml_cannot_hold_are_dropped_not_fatal():
    # when typed text holds a control character (openpyxl refuses to write it)
    (cell,) = _written(["恒兴\x01鞋业\x0b"])
    # then the export still succeeds, without it
    assert cell.value == "恒兴鞋业"
