"""Collective disputes: the roster and representatives rule, and settling in parts (some
workers in mediation, the rest in arbitration) with totals that stay exact."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone

from tongxin.core.exceptions import ApplicationError
from tongxin.disputes.models import Claim, Handover, MediationCase
from tongxin.disputes.selectors import case_totals
from tongxin.disputes.tests.builders import act, open_case, signatures, workers

S = MediationCase.Status
COLLECTIVE = MediationCase.Kind.COLLECTIVE


@pytest.mark.parametrize(
    ("kind", "n_workers", "reps", "field", "message"),
    [
        (
            COLLECTIVE,
            9,
            3,
            "parties",
            "集体争议须有 10 名及以上职工，每名职工都应登记为当事人（现有 9 名）。",
        ),
        (COLLECTIVE, 12, 2, "is_representative", "集体争议应推举 3 至 5 名代表（现有 2 名）。"),
        (COLLECTIVE, 12, 6, "is_representative", "集体争议应推举 3 至 5 名代表（现有 6 名）。"),
        ("individual", 10, 0, "kind", "职工达 10 人及以上，应按集体争议登记。"),
        ("individual", 2, 1, "is_representative", "个人争议不设推举代表。"),
    ],
)
def test_acceptance_checks_the_roster(tree, cast, kind, n_workers, reps, field, message):
    # given an application whose roster breaks the rule
    case = open_case(
        cast["handler"], tree["town_a"], kind=kind, workers=n_workers, representatives=reps
    )
    # when it is accepted
    with pytest.raises(ApplicationError) as exc:
        act(cast["handler"], case, "accept")
    # then the refusal names the problem and the case is still an application
    assert (exc.value.field, exc.value.message) == (field, message)
    case.refresh_from_db()
    assert case.status == S.APPLIED
    assert list(case.events.values_list("action", flat=True)) == ["open"]


@pytest.mark.parametrize("reps", [3, 5])
def test_collective_case_with_3_to_5_representatives_is_accepted(tree, cast, reps):
    case = open_case(
        cast["handler"], tree["town_a"], kind=COLLECTIVE, workers=10, representatives=reps
    )
    assert act(cast["handler"], case, "accept").status == S.ACCEPTED


def test_after_acceptance_the_roster_rule_holds_at_every_change(tree, cast):
    case = open_case(
        cast["handler"], tree["town_a"], kind=COLLECTIVE, workers=10, representatives=3
    )
    act(cast["handler"], case, "accept")
    rep = workers(case)[0]
    # when a representative is dropped below three
    with pytest.raises(ApplicationError) as exc:
        act(cast["handler"], case, "change_party", party=rep.pk, is_representative=False)
    assert exc.value.field == "is_representative"
    rep.refresh_from_db()
    assert rep.is_representative
    # and a worker is removed below ten
    with pytest.raises(ApplicationError):
        act(cast["handler"], case, "remove_party", party=workers(case)[-1].pk, note="误录")
    assert len(workers(case)) == 10


@pytest.fixture
def pulandian(tree, cast, agencies):
    """23 workers, three claims each, mediated jointly; nine settle first."""
    handler = cast["handler"]
    case = open_case(
        handler,
        tree["town_a"],
        kind=COLLECTIVE,
        workers=23,
        representatives=5,
        amounts=("15000.00", "1379.31", "3333.33"),
        received_on=date(2026, 3, 2),
    )
    act(handler, case, "accept")
    for name, role in (
        ("hr", "joint_mediator"),
        ("arbitration", "arbitration_link"),
        ("court", "court_link"),
    ):
        act(handler, case, "join_agency", agency=agencies[name].code, agency_role=role)
    act(
        handler,
        case,
        "record_session",
        place="普兰店区职工服务中心",
        attendees="代表5人",
        statements="工资、年休假、经济补偿",
    )
    return case


def test_collective_case_settles_in_parts_and_totals_stay_exact(pulandian, cast, agencies):
    handler, case = cast["handler"], pulandian
    first_nine, other_14 = workers(case)[:9], workers(case)[9:]
    # given an agreement for nine workers, each paid a third less on the odd claim
    odd = {
        c.pk: "1000.00"
        for c in case.claims.filter(worker__in=first_nine, amount_claimed=Decimal("1379.31"))
    }
    act(
        handler,
        case,
        "draft_agreement",
        workers=[w.pk for w in first_nine],
        as_claimed=True,
        amounts=odd,
        facts="拖欠工资",
        terms="分两期支付",
        performance_method="银行转账",
        performance_due_on="2099-12-31",
    )
    act(handler, case, "sign_agreement", **signatures(timezone.localdate()))
    # and the other fourteen handed to the arbitration committee
    act(
        handler,
        case,
        "handover",
        kind="arbitration",
        agency=agencies["arbitration"].code,
        workers=[w.pk for w in other_14],
        documents="调解记录、工资表",
    )
    case.refresh_from_db()
    assert case.status == S.AGREEMENT_EFFECTIVE
    # when the nine are paid and the fourteen settle in the arbitration hearing
    act(handler, case, "record_payment", all=True)
    handover = case.handovers.get()
    act(
        handler,
        case,
        "handover_outcome",
        handover=handover.pk,
        outcome="settled",
        amounts={c.pk: c.amount_claimed for c in handover.claims.all()},
        note="庭审中调解",
    )
    case = act(handler, case, "record_payment", all=True, method="cash")
    # then every worker is settled, the case performed, and the sums add up to the cent
    totals = case_totals(case=case)
    per_worker_claimed = Decimal("15000.00") + Decimal("1379.31") + Decimal("3333.33")
    assert case.status == S.PERFORMED
    assert totals.claimed == per_worker_claimed * 23 == Decimal("453390.72")
    assert totals.agreed == totals.claimed - 9 * Decimal("379.31")
    assert totals.paid == totals.agreed == sum(w.paid for w in totals.workers)
    assert totals.outstanding == 0
    assert [w.paid for w in totals.workers[:9]] == [Decimal("19333.33")] * 9
    assert [w.paid for w in totals.workers[9:]] == [per_worker_claimed] * 14
    outcomes = Claim.objects.filter(case=case).values_list("outcome", flat=True)
    assert sorted(set(outcomes)) == ["agreed", "settled_elsewhere"]
    assert handover.legal_basis == "《劳动争议调解仲裁法》第十四条、第十五条"
    assert Handover.objects.get().outcome == "settled"


def test_handing_everyone_over_while_mediating_asks_to_end_mediation_first(
    pulandian, cast, agencies
):
    with pytest.raises(ApplicationError) as exc:
        act(
            cast["handler"],
            pulandian,
            "handover",
            kind="arbitration",
            agency=agencies["arbitration"].code,
        )
    assert exc.value.code == "end_mediation_first"
    assert not pulandian.handovers.exists()


def test_agreement_amounts_are_required_per_claim(pulandian, cast):
    first = workers(pulandian)[0]
    with pytest.raises(ApplicationError) as exc:
        act(
            cast["handler"],
            pulandian,
            "draft_agreement",
            workers=[first.pk],
            facts="事实",
            terms="条款",
            performance_method="转账",
            performance_due_on="2099-01-01",
        )
    claim = pulandian.claims.filter(worker=first).order_by("id").first()
    assert (exc.value.code, exc.value.field) == ("required", f"amounts.{claim.pk}")
    assert not pulandian.agreements.exists()
