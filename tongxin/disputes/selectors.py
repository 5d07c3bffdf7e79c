"""Reads of mediation cases. Union staff see cases mediated in their part of the tree; a
partner agency's users see only the cases their agency takes part in. Anything else is 404."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from uuid import UUID

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Prefetch, Q, QuerySet, Sum
from django.http import Http404
from django.utils import timezone

from tongxin.disputes.models import (
    CaseAgency,
    Claim,
    DisputeEvent,
    MediationCase,
    Party,
)
from tongxin.orgs.selectors import agency_ids_for_user, scope_q

ZERO = Decimal("0.00")


def cents(value: Decimal | None) -> Decimal:
    """A money sum to the cent (SQLite returns sums of decimals unscaled)."""
    return (value or ZERO).quantize(ZERO)


@dataclass(frozen=True)
class DisputeFilter:
    status: str = ""
    kind: str = ""
    org: str = ""  # an org code: that org's subtree (within the user's scope)
    overdue: bool = False  # the 15-day period (or the extension) has run out
    q: str = ""  # case number, party name or court case number
    received_from: date | None = None
    received_to: date | None = None


def dispute_list_for_user(
    *, user: User | AnonymousUser, filters: DisputeFilter | None = None
) -> QuerySet[MediationCase]:
    """Cases in the user's subtrees or joined by the user's agency; newest first."""
    scope = scope_q(user=user, field="org")
    if agency_ids := agency_ids_for_user(user=user):
        joined = CaseAgency.objects.filter(agency_id__in=agency_ids).values("case_id")
        scope |= Q(pk__in=joined)
    qs = MediationCase.objects.filter(scope)
    f = filters or DisputeFilter()
    if f.status:
        qs = qs.filter(status=f.status)
    if f.kind:
        qs = qs.filter(kind=f.kind)
    if f.org:
        qs = qs.filter(org__path__contains=f"/{f.org}/")
    if f.overdue:
        qs = qs.filter(
            status__in=MediationCase.MEDIATING_STATUSES, mediation_due_on__lt=timezone.localdate()
        )
    if f.received_from:
        qs = qs.filter(received_on__gte=f.received_from)
    if f.received_to:
        qs = qs.filter(received_on__lte=f.received_to)
    if q := f.q.strip():
        named = Party.objects.filter(name__icontains=q).values("case_id")
        qs = qs.filter(Q(case_no__icontains=q) | Q(court_case_no__icontains=q) | Q(pk__in=named))
    return qs.select_related("org").order_by("-received_on", "-created_at")


def dispute_get_for_user(*, user: User | AnonymousUser, case_id: UUID | str) -> MediationCase:
    """One case the user may see, with what its page needs; else 404 (no hint it exists)."""
    try:
        pk = UUID(str(case_id))
    except ValueError:
        raise Http404 from None
    case = (
        dispute_list_for_user(user=user)
        .filter(pk=pk)
        .select_related("work_order", "referring_court")
        .prefetch_related(
            "mediators",
            Prefetch(
                "agencies", queryset=CaseAgency.objects.select_related("agency", "signed_off_by")
            ),
        )
        .first()
    )
    if case is None:
        raise Http404
    return case


def dispute_timeline(*, case: MediationCase) -> QuerySet[DisputeEvent]:
    return case.events.select_related("actor", "agency").order_by("created_at", "id")


@dataclass
class WorkerTotals:
    worker: Party
    claims: list[Claim] = field(default_factory=list)
    claimed: Decimal = ZERO
    agreed: Decimal = ZERO
    paid: Decimal = ZERO

    @property
    def outstanding(self) -> Decimal:
        return self.agreed - self.paid


@dataclass
class CaseTotals:
    workers: list[WorkerTotals]
    claimed: Decimal
    agreed: Decimal
    paid: Decimal

    @property
    def outstanding(self) -> Decimal:
        return self.agreed - self.paid


def case_totals(*, case: MediationCase) -> CaseTotals:
    """Claimed, agreed and paid per worker and for the case; the case figures are the sums
    of the worker figures, which are the sums of their claims (Decimal, so exact)."""
    claims = (
        case.claims.select_related("agreement", "handover")
        .annotate(paid=Sum("payments__amount"))
        .order_by("worker_id", "id")
    )
    rows = {w.pk: WorkerTotals(worker=w) for w in case.parties.filter(role=Party.Role.WORKER)}
    for claim in claims:
        row = rows[claim.worker_id]
        row.claims.append(claim)
        row.claimed += claim.amount_claimed or ZERO
        row.agreed += claim.amount_agreed or ZERO
        claim.paid = cents(claim.paid)  # type: ignore[attr-defined]
        row.paid += claim.paid  # type: ignore[attr-defined]
    workers = list(rows.values())
    return CaseTotals(
        workers=workers,
        claimed=sum((w.claimed for w in workers), ZERO),
        agreed=sum((w.agreed for w in workers), ZERO),
        paid=sum((w.paid for w in workers), ZERO),
    )
