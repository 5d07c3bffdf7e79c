"""The work-order ledger (台账): what a worker typed reaches Excel as text, never a formula."""

import io

from openpyxl import load_workbook

from tongxin.appeals.tests.factories import submit

EVIL = '=HYPERLINK("http://evil","x")'


def test_a_formula_typed_as_the_employer_is_text_in_the_ledger(client_for, tree):
    # given an appeal whose employer name is a formula
    order = submit(tree["town_a"], employer_name=EVIL, amount_claimed="2300")
    # when the supervisor exports the ledger
    response = client_for("supervisor").get("/orders/export.xlsx")
    # then the cell is the text as typed, not a live formula, and the figures stay numbers
    sheet = load_workbook(io.BytesIO(response.content))["工单台账"]
    header = [c.value for c in sheet[1]]
    row = dict(zip(header, sheet[2], strict=True))
    assert row["查询码"].value == order.tracking_code
    employer = row["用人单位"]
    assert (employer.value, employer.data_type, employer.quotePrefix) == (EVIL, "s", True)
    assert [(row[h].value, row[h].data_type) for h in ("涉及金额", "重办次数")] == [
        (2300, "n"),
        (0, "n"),
    ]
    assert row["受理时间"].data_type == "d"
