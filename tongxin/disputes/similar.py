"""Mediation cases as a source of similar past cases (tongxin.claims.sources): a case that
has ended (agreement, performance, handover, failure) with how it ended."""

from collections.abc import Iterator, Sequence
from uuid import UUID

from django.contrib.auth.models import AnonymousUser, User
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tongxin.claims.sources import CaseView, IndexedCase
from tongxin.disputes import selectors
from tongxin.disputes.models import MediationCase

S = MediationCase.Status


class MediationCaseSource:
    name = "mc"
    label = gettext_lazy("调解案件")
    PAST = (
        S.AGREEMENT_EFFECTIVE,
        S.PERFORMING,
        S.PERFORMED,
        S.NOT_PERFORMED,
        S.FAILED,
        S.HANDED_OVER,
        S.CLOSED,
    )

    def documents(self) -> Iterator[IndexedCase]:
        rows = (
            MediationCase.objects.filter(status__in=self.PAST)
            .order_by()
            .values_list("pk", "requests", "facts", "org__path")
        )
        for pk, requests, facts, path in rows.iterator(chunk_size=2000):
            yield IndexedCase(f"{self.name}:{pk}", f"{requests}\n{facts}", (path,))

    def visible(self, *, user: User | AnonymousUser, ids: Sequence[str]) -> dict[str, CaseView]:
        uuids = []
        for raw in ids:
            try:
                uuids.append(UUID(raw))
            except ValueError:
                continue
        cases = selectors.dispute_list_for_user(user=user).filter(
            pk__in=uuids, status__in=self.PAST
        )
        views = {}
        for case in cases:
            totals = selectors.case_totals(case=case)
            views[str(case.pk)] = CaseView(
                key=f"{self.name}:{case.pk}",
                source=self.name,
                source_label=str(self.label),
                title=case.case_no,
                url=reverse("disputes:dispute-detail", args=[case.pk]),
                received=case.received_on,
                status=str(S(case.status).label),
                outcome=_("达成 %(agreed)s 元，已支付 %(paid)s 元。")
                % {"agreed": f"{totals.agreed:,.2f}", "paid": f"{totals.paid:,.2f}"},
                solved=case.status in (S.PERFORMED,) or None,
                text=case.facts,
            )
        return views
