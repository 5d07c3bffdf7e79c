"""Handovers when mediation fails or an agreement is not performed, and correcting a wrong
'自动离职' registration so the workers can claim unemployment benefit."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tongxin.core.exceptions import ApplicationError
from tongxin.disputes.models import MediationCase, SeparationCorrection
from tongxin.disputes.tests.builders import act, open_case, signed_agreement, workers

S = MediationCase.Status
SH = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def agreed(tree, cast, agencies):
    """An agreement to pay 2,300 by 2026-03-09, signed on 03-02."""
    handler = cast["handler"]
    with time_machine.travel(datetime(2026, 3, 2, 9, tzinfo=SH), tick=False):
        return signed_agreement(
            handler,
            tree["town_a"],
            signed_on=date(2026, 3, 2),
            pay_by="2026-03-09",
            terms="一周内支付",
        )


def test_unperformed_agreement_goes_to_arbitration_then_closes(agreed, cast):
    handler = cast["handler"]
    with time_machine.travel(datetime(2026, 3, 9, 17, tzinfo=SH), tick=False):
        with pytest.raises(ApplicationError) as exc:
            act(handler, agreed, "mark_not_performed", note="未按期支付")
        assert exc.value.code == "not_due"
    with time_machine.travel(datetime(2026, 3, 10, 9, tzinfo=SH), tick=False):
        case = act(handler, agreed, "mark_not_performed", note="未按期支付")
        assert case.status == S.NOT_PERFORMED
        assert case.events.last().data == {"owed": "2300.00"}
        case = act(handler, case, "handover", kind="payment_order", agency="JJ-FY")
    assert case.status == S.HANDED_OVER
    assert case.handovers.get().legal_basis == "《劳动争议调解仲裁法》第十六条"
    case = act(handler, case, "close", note="已移交法院")
    assert case.status == S.CLOSED


def test_payment_order_only_for_money_still_owed(agreed, cast):
    act(cast["handler"], agreed, "record_payment", all=True)
    agreed.refresh_from_db()
    assert agreed.status == S.PERFORMED
    with pytest.raises(ApplicationError) as exc:
        act(cast["handler"], agreed, "handover", kind="payment_order", agency="JJ-FY")
    assert exc.value.code == "transition_refused"  # a performed case hands nothing over


def test_handover_needs_an_agency_of_the_right_kind(tree, cast, agencies):
    case = open_case(cast["handler"], tree["town_a"])
    act(cast["handler"], case, "accept")
    act(cast["handler"], case, "fail", reason="respondent_refused")
    for agency in ("JJ-FY", "NA-FY", ""):  # a court for arbitration; another county's; none
        with pytest.raises(ApplicationError) as exc:
            act(cast["handler"], case, "handover", kind="arbitration", agency=agency)
        assert (exc.value.field, exc.value.message) == (
            "agency",
            "请选择本辖区的劳动人事争议仲裁委员会。",
        )
    with pytest.raises(ApplicationError) as exc:
        act(cast["handler"], case, "handover", kind="court_return", agency="JJ-FY")
    assert exc.value.code == "invalid_kind"
    assert not case.handovers.exists()
    case = act(cast["handler"], case, "handover", kind="arbitration", agency="JJ-LDZC")
    assert case.status == S.HANDED_OVER
    assert case.claims.get().outcome == "handed_over"


def test_court_referred_case_returns_to_the_court(tree, cast, agencies):
    case = open_case(
        cast["handler"],
        tree["town_a"],
        source="court_entrusted",
        referring_court="JJ-FY",
        court_case_no="（2026）闽0582民初1234号",
        court_procedure="summary",
        received_on=date(2026, 3, 2),
    )
    assert case.referral_due_on == date(2026, 3, 9)
    act(cast["handler"], case, "accept")
    act(cast["handler"], case, "fail", reason="no_agreement")
    case = act(
        cast["handler"],
        case,
        "handover",
        kind="court_return",
        agency="JJ-FY",
        documents="起诉状、调解笔录",
    )
    assert case.status == S.HANDED_OVER
    assert "第二十一条" in case.handovers.get().legal_basis


def test_wrong_separation_reason_is_corrected_through_the_hr_bureau(tree, cast, agencies):
    handler = cast["handler"]
    case = open_case(handler, tree["town_a"], kind="collective", workers=10, representatives=3)
    with pytest.raises(ApplicationError) as exc:
        act(
            handler,
            case,
            "record_separation",
            recorded_reason="absconded",
            lawful_reason="absconded",
            evidence="工资条",
        )
    assert exc.value.field == "lawful_reason"
    case = act(
        handler,
        case,
        "record_separation",
        recorded_reason="absconded",
        lawful_reason="worker_art38",
        evidence="欠薪两个月的工资条、考勤记录",
    )
    row = case.separations.get()
    assert (row.workers.count(), row.status) == (10, SeparationCorrection.Status.RECORDED)
    assert case.events.last().data["unemployment_benefit"] is True
    with pytest.raises(ApplicationError) as exc:
        act(handler, case, "separation_notice", separation=row.pk)
    assert (exc.value.code, exc.value.field) == ("required", "hr_bureau")
    act(
        handler,
        case,
        "separation_notice",
        separation=row.pk,
        hr_bureau="JJ-HRSS",
        notice_sent_on="2026-03-05",
    )
    act(handler, case, "separation_corrected", separation=row.pk, corrected_on="2026-03-12")
    row.refresh_from_db()
    assert (row.status, row.hr_bureau, row.notice_sent_on, row.corrected_on) == (
        "corrected",
        agencies["hr"],
        date(2026, 3, 5),
        date(2026, 3, 12),
    )
    assert [e.action for e in case.events.order_by("id")][-3:] == [
        "record_separation",
        "separation_notice",
        "separation_corrected",
    ]


def test_claim_amount_from_the_calculator_keeps_its_breakdown(tree, cast):
    case = open_case(cast["handler"], tree["town_a"])
    worker = workers(case)[0]
    case = act(
        cast["handler"],
        case,
        "add_claim",
        worker=worker.pk,
        type="severance",
        calculator_inputs={
            "start_date": "2021-03-01",
            "end_date": "2024-03-10",
            "termination_ground": "mutual_employer_initiated",
            "avg_monthly_wage_12m": "9000",
            "local_avg_monthly_wage": "10000",
            "local_min_wage": "2420",
        },
    )
    # then the amount is the calculator's (3.5 months × 9,000) with its breakdown kept
    claim = case.claims.get(type="severance")
    assert str(claim.amount_claimed) == "31500.00"
    assert claim.calculation["calculator"] == "severance"
    assert str(claim.calculation["result"]["amount"]) in ("31500.00", "31500.0", "31500")
    assert claim.calculation["result"]["components"]
    with pytest.raises(ApplicationError) as exc:
        act(
            cast["handler"],
            case,
            "add_claim",
            worker=worker.pk,
            type="severance",
            calculator_inputs={"start_date": "2021-03-01"},
        )
    assert exc.value.field.startswith("calculator_inputs")
