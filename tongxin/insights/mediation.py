"""Mediation indicators (domain-model.md §3), computed from the case records, never typed in.

The cohort: the cases the user may see (`dispute_list_for_user`) whose mediating org is in the
chosen org's subtree and whose application was received from `start` to `end` inclusive. Every
figure describes that cohort as its records stand today, so an agreement signed or money paid
after `end` still counts for a case received in the period. Money is Decimal throughout."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from tongxin.disputes import exports
from tongxin.disputes.models import Handover, MediationCase
from tongxin.disputes.selectors import DisputeFilter, dispute_list_for_user
from tongxin.insights.indicators import Indicator
from tongxin.orgs.models import OrgUnit

ZERO = Decimal("0.00")
S = MediationCase.Status


@dataclass(frozen=True)
class Amount:
    key: str
    label: str
    value: Decimal
    definition: str


@dataclass(frozen=True)
class Average:
    key: str
    label: str
    total: int
    count: int
    definition: str

    @property
    def value(self) -> Decimal | None:
        if not self.count:
            return None
        return (Decimal(self.total) / self.count).quantize(Decimal("0.1"))


@dataclass(frozen=True)
class Figures:
    indicators: list[Indicator]
    average_days: Average
    amounts: list[Amount]

    @property
    def indicator(self) -> dict[str, Indicator]:
        return {i.key: i for i in self.indicators}

    @property
    def amount(self) -> dict[str, Amount]:
        return {a.key: a for a in self.amounts}


@dataclass(frozen=True)
class Group:
    """The figures of part of the cohort: a child org's subtree, the org itself, or a month."""

    label: str
    org: OrgUnit | None  # the child org, to drill down; None for the org itself and months
    figures: Figures


@dataclass(frozen=True)
class HandoverRow:
    kind: str
    label: str
    total: int
    workers: int  # distinct workers handed over with this kind
    outcomes: dict[str, int]  # every Handover.Outcome, 0 when none

    @property
    def counts(self) -> list[int]:
        return [self.outcomes[o] for o in Handover.Outcome.values]


@dataclass(frozen=True)
class MediationReport:
    org: OrgUnit
    start: date
    end: date
    definition: str
    total: Figures
    by_child: list[Group]
    by_month: list[Group]
    handovers: list[HandoverRow]


@dataclass
class Tally:
    """Sums over cases carrying `exports.annotate_figures`' figures."""

    applications: int = 0
    accepted: int = 0
    refused: int = 0
    success: int = 0
    on_time: int = 0
    days: int = 0
    workers: int = 0
    workers_agreed: int = 0
    collective: int = 0
    collective_workers: int = 0
    handovers: int = 0
    claimed: Decimal = ZERO
    agreed: Decimal = ZERO
    settled_elsewhere: Decimal = ZERO
    paid: Decimal = ZERO
    paid_agreed: Decimal = ZERO

    def add(self, case: MediationCase) -> None:
        c: Any = case
        self.applications += 1
        if c.status == S.REFUSED:
            self.refused += 1
        if c.accepted_on is None:
            return
        self.accepted += 1
        self.workers += c.worker_count
        self.workers_agreed += c.workers_agreed
        if c.kind == MediationCase.Kind.COLLECTIVE:
            self.collective += 1
            self.collective_workers += c.worker_count
        if c.first_agreement_on is not None:
            self.success += 1
            if c.first_agreement_on <= c.mediation_due_on:
                self.on_time += 1
            self.days += (c.first_agreement_on - c.received_on).days
        self.handovers += c.handover_count
        self.claimed += exports.cents(c.amount_claimed)
        self.agreed += exports.cents(c.amount_agreed)
        self.settled_elsewhere += exports.cents(c.amount_settled_elsewhere)
        self.paid += exports.cents(c.amount_paid)
        self.paid_agreed += exports.cents(c.amount_paid_agreed)

    def figures(self) -> Figures:
        return Figures(
            indicators=[
                Indicator(
                    "applications", _("申请数"), self.applications, None, _("期内收到的调解申请")
                ),
                Indicator(
                    "accepted", _("受理数"), self.accepted, None, _("已受理的申请，含其后各阶段")
                ),
                Indicator("refused", _("不予受理"), self.refused, None, _("决定不予受理的申请")),
                Indicator(
                    "success",
                    _("调解成功"),
                    self.success,
                    None,
                    _("有生效调解协议的案件（集体争议部分职工达成也计入）"),
                ),
                Indicator(
                    "success_rate",
                    _("调解成功率"),
                    self.success,
                    self.accepted,
                    _("调解成功的案件 / 受理的案件"),
                ),
                Indicator(
                    "on_time_rate",
                    _("按期达成率"),
                    self.on_time,
                    self.success,
                    _(
                        "首份协议在调解期限内生效的案件 / 调解成功的案件（期限经双方同意延长的，按延长后的期限）"
                    ),
                ),
                Indicator(
                    "workers",
                    _("覆盖职工"),
                    self.workers,
                    None,
                    _("受理案件登记的职工当事人（人次），集体争议每名成员都计入"),
                ),
                Indicator(
                    "workers_agreed_rate",
                    _("职工达成率"),
                    self.workers_agreed,
                    self.workers,
                    _("纳入生效调解协议的职工 / 覆盖职工"),
                ),
                Indicator(
                    "collective", _("集体争议"), self.collective, None, _("受理的集体争议案件")
                ),
                Indicator(
                    "collective_workers",
                    _("集体争议职工"),
                    self.collective_workers,
                    None,
                    _("受理的集体争议案件登记的职工"),
                ),
                Indicator(
                    "performance_rate",
                    _("协议履行率（金额）"),
                    self.paid_agreed,
                    self.agreed,
                    _("按调解协议已支付的金额（元）/ 调解协议金额（元）"),
                ),
                Indicator(
                    "handovers",
                    _("移交"),
                    self.handovers,
                    None,
                    _("移交仲裁委、法院等的次数（按类型和结果见移交表）"),
                ),
            ],
            average_days=Average(
                "average_days",
                _("平均达成天数"),
                self.days,
                self.success,
                _("各调解成功案件自收到申请至首份协议生效的自然日数之和 / 调解成功的案件"),
            ),
            amounts=[
                Amount("claimed", _("请求金额"), self.claimed, _("受理案件全部请求的金额")),
                Amount("agreed", _("调解协议金额"), self.agreed, _("生效调解协议确定的金额")),
                Amount(
                    "settled_elsewhere",
                    _("移交后确定金额"),
                    self.settled_elsewhere,
                    _("移交后经仲裁、诉讼调解或裁判确定的金额"),
                ),
                Amount(
                    "recovered",
                    _("追回金额"),
                    self.paid,
                    _("实际支付给职工的款项之和（按支付登记，不按协议金额）"),
                ),
                Amount(
                    "recovered_agreed",
                    _("其中按调解协议支付"),
                    self.paid_agreed,
                    _("追回金额中按生效调解协议支付的部分"),
                ),
            ],
        )


def cohort_definition(*, org: OrgUnit, start: date, end: date) -> str:
    return _(
        "统计口径：%(org)s及其下级组织调解的、收到申请日期在 %(start)s 至 %(end)s 之间的案件；"
        "各项数字按这些案件截至目前的记录计算（期后生效的协议、期后支付的款项也计入）。"
    ) % {"org": org.name, "start": start.isoformat(), "end": end.isoformat()}


def cases_in_scope(
    *, user: User | AnonymousUser, org: OrgUnit, start: date, end: date
) -> QuerySet[MediationCase]:
    """The cohort: cases `user` may see, mediated in `org`'s subtree, received in [start, end].
    `org` must come from org_get_for_user, so an org outside the user's scope is a 404."""
    return dispute_list_for_user(
        user=user, filters=DisputeFilter(org=org.code, received_from=start, received_to=end)
    )


def _months(start: date, end: date) -> list[str]:
    months, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _handovers(cases: QuerySet[MediationCase]) -> list[HandoverRow]:
    outcomes = Handover.Outcome.values
    rows = (
        Handover.objects.filter(case__in=cases.values("pk"))
        .values("kind")
        .annotate(
            total=Count("pk", distinct=True),
            workers=Count("workers", distinct=True),
            **{f"n_{o}": Count("pk", distinct=True, filter=Q(outcome=o)) for o in outcomes},
        )
        .order_by("kind")
    )
    by_kind = {r["kind"]: r for r in rows}
    return [
        HandoverRow(
            kind=kind,
            label=str(label),
            total=r["total"],
            workers=r["workers"],
            outcomes={o: r[f"n_{o}"] for o in outcomes},
        )
        for kind, label in Handover.Kind.choices
        if (r := by_kind.get(kind))
    ]


def mediation_report(
    *, user: User | AnonymousUser, org: OrgUnit, start: date, end: date
) -> MediationReport:
    """The indicators of the cohort, split by child org and by month of receipt, and its
    handovers by kind and outcome: three queries (cases with their figures, child orgs,
    handovers) besides the user's scope, however many cases there are."""
    cases = cases_in_scope(user=user, org=org, start=start, end=end)
    children = list(org.children.filter(is_active=True).order_by("name"))
    total, own = Tally(), Tally()
    per_child = {c.pk: Tally() for c in children}
    per_month = {m: Tally() for m in _months(start, end)}
    for case in exports.annotate_figures(cases):
        total.add(case)
        per_month[f"{case.received_on:%Y-%m}"].add(case)
        child = next((c for c in children if case.org.path.startswith(c.path)), None)
        (per_child[child.pk] if child else own).add(case)
    by_child = [Group(c.name, c, per_child[c.pk].figures()) for c in children]
    if own.applications:
        by_child.insert(0, Group(_("%(org)s（本级）") % {"org": org.name}, None, own.figures()))
    return MediationReport(
        org=org,
        start=start,
        end=end,
        definition=cohort_definition(org=org, start=start, end=end),
        total=total.figures(),
        by_child=by_child,
        by_month=[Group(m, None, t.figures()) for m, t in per_month.items()],
        handovers=_handovers(cases),
    )
