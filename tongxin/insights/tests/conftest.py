"""Mediation cases of March and April 2026, built through the services as mediators would, on
the days they happened (the services date acceptance, signatures and payments 'today')."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tongxin.disputes.models import MediationCase
from tongxin.disputes.tests.builders import act, open_case, signatures, workers
from tongxin.disputes.tests.conftest import agencies  # noqa: F401 (a fixture, used below)

SH = ZoneInfo("Asia/Shanghai")
START, END = date(2026, 3, 1), date(2026, 4, 30)
PERIOD = {"start": "2026-03-01", "end": "2026-04-30"}


def on(day: date) -> time_machine.travel:
    return time_machine.travel(datetime.combine(day, time(10), tzinfo=SH), tick=False)


def _agree(actor, case, day: date, *, due: str, **payload) -> None:
    act(
        actor,
        case,
        "draft_agreement",
        facts="拖欠工资",
        terms="按协议支付",
        performance_method="银行转账",
        performance_due_on=due,
        **payload,
    )
    act(actor, case, "sign_agreement", **signatures(day))


def _session(actor, case) -> None:
    act(actor, case, "record_session", place="职工服务中心", attendees="双方", statements="陈述")


@pytest.fixture
def mediation_cases(tree, cast, agencies) -> dict[str, MediationCase]:  # noqa: F811
    """County A, received in the period: a same-day settlement (town A); a collective case of
    12 workers settled in parts, 5 by agreement and 7 after a handover to arbitration (town
    A); a failed case handed to arbitration (county A itself); a refused application (an
    enterprise union under town A); an agreement signed after the 15 days, part paid and
    judicially confirmed (town A). Outside the cohort: a case received in February (town A)
    and one in county B, the outsider's."""
    handler, supervisor, outsider = cast["handler"], cast["supervisor"], cast["outsider"]
    arbitration, court = agencies["arbitration"].code, agencies["court"].code
    cases = {}
    with on(date(2026, 2, 10)):
        cases["february"] = open_case(handler, tree["town_a"], received_on=date(2026, 2, 10))
        act(handler, cases["february"], "accept")
    with on(date(2026, 3, 2)):
        same_day = cases["same_day"] = open_case(handler, tree["town_a"], amounts=("2300.00",))
        act(handler, same_day, "accept")
        _session(handler, same_day)
        _agree(handler, same_day, date(2026, 3, 2), due="2026-03-02", as_claimed=True)
        act(handler, same_day, "record_payment", all=True, method="cash")
    with on(date(2026, 3, 5)):
        county_b = cases["county_b"] = open_case(outsider, tree["county_b"], amounts=("800.00",))
        act(outsider, county_b, "accept")
        _session(outsider, county_b)
        _agree(outsider, county_b, date(2026, 3, 5), due="2026-03-31", as_claimed=True)
        act(outsider, county_b, "record_payment", all=True)
    with on(date(2026, 3, 10)):
        collective = cases["collective"] = open_case(
            handler,
            tree["town_a"],
            kind=MediationCase.Kind.COLLECTIVE,
            workers=12,
            representatives=3,
            amounts=("15000.00", "1379.31"),
        )
        act(handler, collective, "accept")
        _session(handler, collective)
    first_five, other_seven = workers(collective)[:5], workers(collective)[5:]
    with on(date(2026, 3, 20)):
        odd = collective.claims.filter(worker__in=first_five, amount_claimed="1379.31")
        _agree(
            handler,
            collective,
            date(2026, 3, 20),
            due="2026-03-31",
            workers=[w.pk for w in first_five],
            as_claimed=True,
            amounts={c.pk: "1000.00" for c in odd},
        )
        act(
            handler,
            collective,
            "handover",
            kind="arbitration",
            agency=arbitration,
            workers=[w.pk for w in other_seven],
        )
    with on(date(2026, 3, 25)):
        act(handler, collective, "record_payment", all=True)
    with on(date(2026, 4, 10)):
        handover = collective.handovers.get()
        act(
            handler,
            collective,
            "handover_outcome",
            handover=handover.pk,
            outcome="settled",
            amounts={c.pk: c.amount_claimed for c in handover.claims.all()},
            note="仲裁庭审中调解",
        )
        act(handler, collective, "record_payment", all=True)
    with on(date(2026, 4, 1)):
        failed = cases["failed"] = open_case(
            supervisor, tree["county_a"], workers=2, amounts=("5000.00",)
        )
        act(supervisor, failed, "accept")
    with on(date(2026, 4, 8)):
        _session(supervisor, failed)
        act(supervisor, failed, "fail", reason="no_agreement")
        act(supervisor, failed, "handover", kind="arbitration", agency=arbitration)
    with on(date(2026, 4, 2)):
        cases["refused"] = open_case(handler, tree["ent_a"], amounts=("900.00",))
        act(handler, cases["refused"], "refuse", note="不属于受理范围")
    with on(date(2026, 4, 3)):
        late = cases["late"] = open_case(handler, tree["town_a"], amounts=("4000.00",))
        act(handler, late, "accept")
        _session(handler, late)
    with on(date(2026, 4, 24)):
        _agree(
            handler,
            late,
            date(2026, 4, 24),
            due="2026-05-31",
            amounts={late.claims.get().pk: "3000"},
        )
        act(handler, late, "record_payment", worker=workers(late)[0].pk, amount="1000.00")
    with on(date(2026, 4, 27)):
        act(handler, late, "handover", kind="judicial_confirmation", agency=court)
    with on(date(2026, 5, 6)):
        act(
            handler, late, "handover_outcome", handover=late.handovers.get().pk, outcome="confirmed"
        )
    for case in cases.values():
        case.refresh_from_db()
    return cases
