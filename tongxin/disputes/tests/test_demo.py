"""The demo's two stories come out as they happened (one seeding: it takes seconds)."""

from datetime import timedelta
from decimal import Decimal

from django.core.management import call_command

from tongxin.disputes.models import MediationCase
from tongxin.disputes.selectors import case_totals


def test_demo_tells_the_pulandian_and_quanzhou_stories(db, settings):
    settings.DEBUG = True
    call_command("seed_demo", orders=0, disputes=4, verbosity=0)
    # 23 workers, 5 representatives, 9 settled in mediation and 14 in the arbitration
    # hearing, 463,000 paid, three agencies signed off, '自动离职' corrected
    case = MediationCase.objects.get(org__code="PLD", kind="collective")
    totals = case_totals(case=case)
    assert case.status == "performed"
    assert len(totals.workers) == 23
    assert sum(w.worker.is_representative for w in totals.workers) == 5
    assert totals.agreed == totals.paid == Decimal("463000.00")
    assert case.agreements.get().workers.count() == 9
    handover = case.handovers.get()
    assert (handover.kind, handover.outcome, handover.workers.count()) == (
        "arbitration",
        "settled",
        14,
    )
    assert sorted(a.agency.code for a in case.agencies.all() if a.signed_off_at) == [
        "PLD-ARB",
        "PLD-COURT",
        "PLD-HRSS",
    ]
    separation = case.separations.get()
    assert (separation.recorded_reason, separation.lawful_reason, separation.status) == (
        "absconded",
        "worker_art38",
        "corrected",
    )
    assert separation.workers.count() == 23
    # the tea-table case: 2,300 paid within three hours of opening, linked to the appeal
    tea = MediationCase.objects.get(work_order__idempotency_key="demo-dispute-quanzhou")
    events = list(tea.events.order_by("id"))
    assert tea.status == "performed"
    assert case_totals(case=tea).paid == Decimal("2300.00")
    assert events[-1].created_at - events[0].created_at <= timedelta(hours=3)
    assert tea.work_order.events.filter(action="mediation").exists()
    # and the spread of ordinary cases
    assert MediationCase.objects.count() == 2 + 4
