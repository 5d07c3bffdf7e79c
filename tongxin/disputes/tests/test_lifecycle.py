"""A case from application to money paid, and every refusal on the way."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from tongxin.core.exceptions import ApplicationError
from tongxin.disputes.models import Claim, DisputeEvent, MediationCase
from tongxin.disputes.tests.builders import (
    act,
    drafted_agreement,
    money,
    open_case,
    signatures,
    workers,
)
from tongxin.disputes.workflow import TRANSITIONS

S = MediationCase.Status
SH = ZoneInfo("Asia/Shanghai")
MONDAY = datetime(2026, 3, 2, 9, 0, tzinfo=SH)


def _actions(case):
    return list(case.events.order_by("id").values_list("action", "from_status", "to_status"))


@pytest.fixture
def quanzhou(tree, cast):
    """The tea-table case: one worker leaving the park is owed 2,300 yuan."""
    with time_machine.travel(MONDAY, tick=False):
        return open_case(cast["handler"], tree["town_a"], amounts=("2300.00",))


def test_same_day_case_from_application_to_money_paid(quanzhou, cast):
    handler = cast["handler"]
    with time_machine.travel(MONDAY + timedelta(hours=3), tick=False):
        # given the accepted application, a session at the tea table and an agreement
        act(handler, quanzhou, "accept")
        act(
            handler,
            quanzhou,
            "record_session",
            place="园区职工服务站茶室",
            attendees="申请人王工1；被申请人代表林某",
            statements="双方确认拖欠工资 2300 元。",
            proposals="当日一次性支付。",
        )
        act(
            handler,
            quanzhou,
            "draft_agreement",
            as_claimed=True,
            facts="拖欠工资 2300 元。",
            terms="被申请人当场支付王工1工资 2300 元。",
            performance_method="现金当场支付",
            performance_due_on="2026-03-02",
        )
        act(handler, quanzhou, "sign_agreement", **signatures(date(2026, 3, 2)))
        # when the employer pays on the spot
        case = act(handler, quanzhou, "record_payment", all=True, method="cash")
    # then the case is performed, every step on the timeline
    assert case.status == S.PERFORMED
    assert _actions(case) == [
        ("open", "", "applied"),
        ("accept", "applied", "accepted"),
        ("record_session", "accepted", "in_mediation"),
        ("draft_agreement", "in_mediation", "in_mediation"),
        ("sign_agreement", "in_mediation", "agreement_effective"),
        ("record_payment", "agreement_effective", "performed"),
    ]
    claim = case.claims.get()
    assert (claim.outcome, claim.amount_agreed) == (Claim.Outcome.AGREED, money("2300.00"))
    assert [p.amount for p in claim.payments.all()] == [money("2300.00")]
    assert case.agreements.get().effective_on == date(2026, 3, 2)


def test_an_agreement_needs_every_signature_and_the_seal(quanzhou, cast):
    handler = cast["handler"]
    with time_machine.travel(MONDAY, tick=False):
        drafted_agreement(handler, quanzhou, pay_by="2026-03-09")
        before = _actions(quanzhou)
        payload = signatures(date(2026, 3, 2))
        del payload["sealed_on"]
        # when the seal is missing
        with pytest.raises(ApplicationError) as exc:
            act(handler, quanzhou, "sign_agreement", **payload)
    # then it is refused, citing the law, and nothing changed
    assert (exc.value.code, exc.value.field) == ("signature_missing", "sealed_on")
    assert "第十四条" in exc.value.message
    quanzhou.refresh_from_db()
    assert quanzhou.status == S.IN_MEDIATION
    assert quanzhou.agreements.get().effective_on is None
    assert _actions(quanzhou) == before


@pytest.mark.parametrize(
    ("action", "payload"),
    [
        ("record_session", {"place": "茶室", "attendees": "双方", "statements": "陈述"}),
        ("sign_agreement", signatures(date(2026, 3, 2))),
        ("record_payment", {"all": True}),
        ("close", {"note": "结案"}),
        ("fail", {"reason": "no_agreement"}),
    ],
)
def test_actions_out_of_order_are_refused(quanzhou, cast, action, payload):
    # given a case not yet accepted
    with pytest.raises(ApplicationError) as exc:
        act(cast["handler"], quanzhou, action, **payload)
    assert (exc.value.code, exc.value.field) == ("transition_refused", "action")
    assert "当前状态“已申请”" in exc.value.message
    assert quanzhou.events.count() == 1  # only "open"


def test_refusal_needs_a_reason_and_ends_the_case(quanzhou, cast):
    with pytest.raises(ApplicationError) as exc:
        act(cast["handler"], quanzhou, "refuse", note="  ")
    assert (exc.value.code, exc.value.field) == ("required", "note")
    case = act(cast["handler"], quanzhou, "refuse", note="不属于劳动争议受理范围")
    assert case.status == S.REFUSED
    assert case.refusal_reason == "不属于劳动争议受理范围"


def test_operator_may_open_but_not_mediate(tree, cast):
    case = open_case(cast["operator"], tree["town_a"])
    with pytest.raises(ApplicationError) as exc:
        act(cast["operator"], case, "accept")
    assert exc.value.message == "您的岗位不能执行“受理”。"


def test_the_15_day_period_must_run_out_before_failing_for_it(quanzhou, cast):
    handler = cast["handler"]
    with time_machine.travel(MONDAY, tick=False):
        act(handler, quanzhou, "accept")
    # due 2026-03-17 (received 03-02 + 15 days)
    assert quanzhou.mediation_due_on == date(2026, 3, 17)
    with time_machine.travel(datetime(2026, 3, 17, 18, 0, tzinfo=SH), tick=False):
        with pytest.raises(ApplicationError) as exc:
            act(handler, quanzhou, "fail", reason="no_agreement_in_time")
        assert exc.value.code == "not_due"
    with time_machine.travel(datetime(2026, 3, 18, 9, 0, tzinfo=SH), tick=False):
        quanzhou.refresh_from_db()
        assert quanzhou.is_mediation_overdue
        case = act(handler, quanzhou, "fail", reason="no_agreement_in_time")
    assert (case.status, case.failure_reason, case.ended_on) == (
        S.FAILED,
        "no_agreement_in_time",
        date(2026, 3, 18),
    )


def test_extension_needs_both_parties_consent(quanzhou, cast):
    handler = cast["handler"]
    act(handler, quanzhou, "accept")
    with pytest.raises(ApplicationError) as exc:
        act(handler, quanzhou, "extend", until="2026-03-31", note="双方同意延期")
    assert (exc.value.code, exc.value.field) == ("consent_required", "parties_consent")
    case = act(
        handler, quanzhou, "extend", until="2026-03-31", parties_consent=True, note="待核对考勤记录"
    )
    assert case.mediation_due_on == date(2026, 3, 31)
    assert case.events.last().data == {"from": "2026-03-17", "to": "2026-03-31"}


def test_payment_cannot_exceed_what_was_agreed(quanzhou, cast):
    handler = cast["handler"]
    act(handler, quanzhou, "accept")
    act(handler, quanzhou, "record_session", place="茶室", attendees="双方", statements="陈述")
    act(
        handler,
        quanzhou,
        "draft_agreement",
        amounts={quanzhou.claims.get().pk: "2000.00"},
        facts="事实",
        terms="支付 2000 元",
        performance_method="转账",
        performance_due_on="2099-01-01",
    )
    act(handler, quanzhou, "sign_agreement", **signatures(timezone.localdate()))
    worker = workers(quanzhou)[0]
    with pytest.raises(ApplicationError) as exc:
        act(handler, quanzhou, "record_payment", worker=worker.pk, amount="2000.01")
    assert (exc.value.code, exc.value.field) == ("overpaid", "amount")
    case = act(handler, quanzhou, "record_payment", worker=worker.pk, amount="1500")
    assert case.status == S.PERFORMING
    case = act(handler, quanzhou, "record_payment", worker=worker.pk, amount="500.00")
    assert case.status == S.PERFORMED


def test_every_action_has_a_timeline_label():
    labels = dict(DisputeEvent.Action.choices)
    assert set(TRANSITIONS) | {"open"} <= set(labels)
