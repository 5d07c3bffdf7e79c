"""The mediation ledger (台账): one row per case with figures from the records, and nothing
personal about the workers in it."""

import io
from datetime import date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from openpyxl import load_workbook

from tongxin.core.masking import mask_id_number, mask_phone
from tongxin.disputes import exports
from tongxin.disputes.models import MediationCase, Party
from tongxin.disputes.tests.builders import act, open_case, roster, signatures, workers

SH = ZoneInfo("Asia/Shanghai")
DAY = date(2026, 3, 2)
ID_NUMBER = "11010519491231002X"


@pytest.fixture
def ledger_cases(tree, cast, agencies):
    """On one day in town A: a worker (with phone and ID number) paid 1,000 of the 2,300
    agreed; a collective case of 10 where 4 settle and 6 go to arbitration."""
    handler = cast["handler"]
    with time_machine.travel(datetime.combine(DAY, time(10), tzinfo=SH), tick=False):
        parties = roster(1)
        parties[1]["id_number"] = ID_NUMBER
        single = open_case(handler, tree["town_a"], parties=parties)
        collective = open_case(
            handler,
            tree["town_a"],
            kind=MediationCase.Kind.COLLECTIVE,
            workers=10,
            representatives=3,
            amounts=("8000.00", "1234.56"),
        )
        for case in (single, collective):
            act(handler, case, "accept")
            act(handler, case, "record_session", place="茶室", attendees="双方", statements="陈述")
        four = [w.pk for w in workers(collective)[:4]]
        for case, chosen in ((single, "all"), (collective, four)):
            act(
                handler,
                case,
                "draft_agreement",
                workers=chosen,
                as_claimed=True,
                facts="拖欠工资",
                terms="分期支付",
                performance_method="银行转账",
                performance_due_on="2026-03-31",
            )
            act(handler, case, "sign_agreement", **signatures(DAY))
        act(handler, single, "record_payment", worker=workers(single)[0].pk, amount="1000")
        act(handler, collective, "record_payment", all=True)
        act(
            handler,
            collective,
            "handover",
            kind="arbitration",
            agency=agencies["arbitration"].code,
            workers=[w.pk for w in workers(collective)[4:]],
        )
    return single, collective


def _rows(content: bytes) -> list[list]:
    sheet = load_workbook(io.BytesIO(content)).active
    return [
        [
            v.date() if isinstance(v, datetime) else Decimal(str(v)) if isinstance(v, float) else v
            for v in row
        ]
        for row in sheet.iter_rows(values_only=True)
    ]


def test_one_row_per_case_with_its_figures(ledger_cases, cast):
    # given the two cases (and a later application with nothing decided yet)
    later = open_case(cast["handler"], cast["handler"].staff_roles.get().org)
    # when the ledger is written
    rows = _rows(exports.ledger_xlsx(exports.ledger_cases(MediationCase.objects.all())))
    # then a header and one row per case, oldest application first
    assert rows[0] == exports.HEADERS
    per_worker = Decimal("8000.00") + Decimal("1234.56")
    assert rows[1:] == [
        [
            "2026-JJKFQ-0001",
            DAY,
            DAY,
            "晋江经济开发区工会",
            "个人争议",
            "来访申请",
            "履行中",
            "恒兴鞋业有限公司",
            1,
            2300,
            2300,
            0,
            1000,
            DAY,
            "handler",
            None,
        ],
        [
            "2026-JJKFQ-0002",
            DAY,
            DAY,
            "晋江经济开发区工会",
            "集体争议（10人及以上）",
            "来访申请",
            "履行中",
            "恒兴鞋业有限公司",
            10,
            10 * per_worker,
            4 * per_worker,
            0,
            4 * per_worker,
            DAY,
            "handler",
            "2026-03-02 申请劳动仲裁→晋江市劳动人事争议仲裁委员会（处理中）",
        ],
        [
            later.case_no,
            later.received_on,
            None,
            "晋江经济开发区工会",
            "个人争议",
            "来访申请",
            "已申请",
            "恒兴鞋业有限公司",
            1,
            2300,
            0,
            0,
            0,
            None,
            None,
            None,
        ],
    ]


def test_no_phone_id_number_or_worker_name_leaves(ledger_cases):
    content = exports.ledger_xlsx(exports.ledger_cases(MediationCase.objects.all()))
    cells = {str(v) for row in _rows(content) for v in row if v is not None}
    text = "\n".join(cells)
    people = Party.objects.filter(role=Party.Role.WORKER)
    secrets = {ID_NUMBER, mask_id_number(ID_NUMBER)}
    for worker in people:
        secrets |= {worker.phone, mask_phone(worker.phone), worker.name}
    assert len(secrets) == 2 + 10 * 3  # the single worker shares name and phone with one of 10
    assert [s for s in secrets if s in text] == []
    assert [w.id_number for w in people if w.id_number] == [ID_NUMBER]  # it was on record


def test_the_ledger_takes_three_queries_however_many_cases(ledger_cases, django_assert_num_queries):
    # cases with their figures, their mediators, their handovers
    with django_assert_num_queries(3):
        exports.ledger_xlsx(exports.ledger_cases(MediationCase.objects.all()))


def test_a_formula_typed_as_the_employer_is_text_in_the_ledger(cast, tree):
    # given a case whose employer was entered as a formula
    evil = '=HYPERLINK("http://evil","x")'
    parties = roster(1)
    parties[0]["name"] = evil
    open_case(cast["handler"], tree["town_a"], parties=parties)
    # when the ledger is written
    content = exports.ledger_xlsx(exports.ledger_cases(MediationCase.objects.all()))
    # then the employer cell is that text, not a live formula, and the figures stay numbers
    sheet = load_workbook(io.BytesIO(content)).active
    employer = sheet.cell(row=2, column=exports.HEADERS.index("用人单位") + 1)
    assert (employer.value, employer.data_type, employer.quotePrefix) == (evil, "s", True)
    claimed = sheet.cell(row=2, column=exports.HEADERS.index("请求金额") + 1)
    assert (claimed.value, claimed.data_type) == (2300, "n")
