"""Work-order indicators ("响应快、办得好、评价高"), computed from records, never typed in.

Each indicator states its numerator and denominator; definitions follow domain-model.md §2.
Scope: orders whose handling org is in the org's subtree, received in [start, end)."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from tongxin.appeals.models import Nature, WorkOrder
from tongxin.orgs.models import OrgUnit

S = WorkOrder.Status
SAT = WorkOrder.Satisfaction
DONE = (S.REPLIED, S.REVISITED, S.CLOSED)


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str
    numerator: int | Decimal  # Decimal for a rate of money (yuan over yuan)
    denominator: int | Decimal | None  # None: a count, not a rate
    definition: str

    @property
    def rate(self) -> Decimal | None:
        if not self.denominator:
            return None
        return (Decimal(self.numerator) * 100 / self.denominator).quantize(Decimal("0.01"))


def _period(start: date, end: date) -> tuple[datetime, datetime]:
    return (
        timezone.make_aware(datetime.combine(start, time.min)),
        timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min)),
    )


def orders_in_scope(*, org: OrgUnit, start: date, end: date) -> QuerySet[WorkOrder]:
    """Orders handled in `org`'s subtree, received from `start` to `end` inclusive."""
    lo, hi = _period(start, end)
    subtree = OrgUnit.objects.filter(path__startswith=org.path).values("id")
    return WorkOrder.objects.filter(
        assigned_org_id__in=subtree, received_at__gte=lo, received_at__lt=hi
    )


def _counts(qs: QuerySet[WorkOrder]) -> dict[str, int]:
    now = timezone.now()
    dispatched = Q(dispatched_at__isnull=False) & ~Q(status__in=(S.MERGED, S.INVALID))
    done = dispatched & Q(status__in=DONE)
    revisited = Q(revisit_result__in=(SAT.SATISFIED, SAT.BASICALLY_SATISFIED, SAT.UNSATISFIED))
    return qs.aggregate(
        received=Count("pk", filter=~Q(status__in=(S.MERGED, S.INVALID))),
        dispatched=Count("pk", filter=dispatched),
        accept_due=Count(
            "pk", filter=dispatched & (Q(accepted_at__isnull=False) | Q(accept_due_at__lt=now))
        ),
        accepted_on_time=Count("pk", filter=dispatched & Q(accepted_at__lte=F("accept_due_at"))),
        done=Count("pk", filter=done),
        done_on_time=Count("pk", filter=done & Q(replied_at__lte=F("due_at"))),
        revisited=Count("pk", filter=revisited),
        satisfied=Count(
            "pk", filter=Q(revisit_result__in=(SAT.SATISFIED, SAT.BASICALLY_SATISFIED))
        ),
        requests_done=Count("pk", filter=done & Q(nature=Nature.REQUEST)),
        solved=Count("pk", filter=done & Q(nature=Nature.REQUEST, solved=True)),
        suggestions_done=Count("pk", filter=done & Q(nature=Nature.SUGGESTION)),
        adopted=Count(
            "pk",
            filter=Q(
                suggestion_adopted__in=(WorkOrder.Adoption.ADOPTED, WorkOrder.Adoption.PARTLY)
            ),
        ),
    )


def indicators_for_org(*, org: OrgUnit, start: date, end: date) -> list[Indicator]:
    """The seven headline indicators with numerators and denominators."""
    c = _counts(orders_in_scope(org=org, start=start, end=end))
    return [
        Indicator("received", "受理量", c["received"], None, "期内受理的诉求（不含合并、无效）"),
        Indicator(
            "accepted_on_time",
            "按时签收率",
            c["accepted_on_time"],
            c["accept_due"],
            "按时签收的工单 / 已签收或签收时限已到的派发工单",
        ),
        Indicator("done", "办结率", c["done"], c["dispatched"], "已办结反馈的工单 / 派发工单"),
        Indicator(
            "done_on_time",
            "按时办结率",
            c["done_on_time"],
            c["done"],
            "在办结时限内反馈的工单 / 已办结工单",
        ),
        Indicator(
            "satisfied",
            "满意率",
            c["satisfied"],
            c["revisited"],
            "满意+基本满意 / 成功回访（不含未接通）",
        ),
        Indicator(
            "solved",
            "解决率",
            c["solved"],
            c["requests_done"],
            "已解决的求决类工单 / 已办结的求决类工单",
        ),
        Indicator(
            "suggestions_adopted",
            "建议采纳数",
            c["adopted"],
            c["suggestions_done"],
            "采纳或部分采纳的意见建议 / 已办结的意见建议",
        ),
    ]


def indicators_by_child(
    *, org: OrgUnit, start: date, end: date
) -> list[tuple[OrgUnit, list[Indicator]]]:
    """The same indicators for each direct child org, for comparison charts."""
    return [
        (child, indicators_for_org(org=child, start=start, end=end))
        for child in org.children.filter(is_active=True).order_by("name")
    ]


def received_by_month(*, org: OrgUnit, start: date, end: date) -> list[tuple[str, int]]:
    from django.db.models.functions import TruncMonth

    rows = (
        orders_in_scope(org=org, start=start, end=end)
        .annotate(month=TruncMonth("received_at"))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    )
    return [(r["month"].strftime("%Y-%m"), r["n"]) for r in rows]
