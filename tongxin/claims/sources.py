"""Where past cases for the similar-case index come from.

A source knows how to list its past cases (text plus the org subtrees whose staff may see
each one) for the index build, and how to load the cases a user may see, with their outcome,
for a page. Work orders are the first source; mediation cases (``tongxin.disputes``) can be
added by writing a class with the same three members and calling ``register(...)`` from that
app's ``AppConfig.ready()``. Keys in the index are ``"<source name>:<id>"``.
"""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol
from uuid import UUID

from django.contrib.auth.models import AnonymousUser, User
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from tongxin.appeals.models import WorkOrder
from tongxin.appeals.selectors import work_order_list_for_user


@dataclass(frozen=True)
class IndexedCase:
    key: str  # "<source>:<id>"
    text: str
    scope_paths: tuple[str, ...]  # org paths whose subtrees may see the case


@dataclass(frozen=True)
class CaseView:
    """A past case as shown next to the current one: what it was and how it ended."""

    key: str
    source: str
    source_label: str
    title: str
    url: str
    received: date | None
    status: str
    outcome: str
    solved: bool | None
    text: str
    score: float = 0.0


class CaseSource(Protocol):
    @property
    def name(self) -> str:
        """Key prefix in the index, e.g. "wo"."""
        ...

    @property
    def label(self) -> str | Promise:
        """What the page calls a case of this source, e.g. 工单."""
        ...

    def documents(self) -> Iterator[IndexedCase]:
        """Every past case with an outcome, for the index build (no user scope)."""
        ...

    def visible(self, *, user: User | AnonymousUser, ids: Sequence[str]) -> dict[str, CaseView]:
        """The cases among ``ids`` (ids without the source prefix) that ``user`` may see."""
        ...


class WorkOrderSource:
    name = "wo"
    label = _("工单")
    # An order has an outcome once answered; merged and invalid orders have none.
    PAST = (
        WorkOrder.Status.ANSWERED_DIRECTLY,
        WorkOrder.Status.REPLIED,
        WorkOrder.Status.REVISITED,
        WorkOrder.Status.CLOSED,
    )

    def documents(self) -> Iterator[IndexedCase]:
        rows = (
            WorkOrder.objects.filter(status__in=self.PAST)
            .order_by()
            .values_list("pk", "description", "assigned_org__path", "intake_org__path")
        )
        for pk, text, assigned, intake in rows.iterator(chunk_size=5000):
            yield IndexedCase(f"{self.name}:{pk}", text, (assigned, intake))

    def visible(self, *, user: User | AnonymousUser, ids: Sequence[str]) -> dict[str, CaseView]:
        uuids = []
        for raw in ids:
            try:
                uuids.append(UUID(raw))
            except ValueError:
                continue
        orders = work_order_list_for_user(user=user).filter(pk__in=uuids, status__in=self.PAST)
        return {
            str(o.pk): CaseView(
                key=f"{self.name}:{o.pk}",
                source=self.name,
                source_label=str(self.label),
                title=o.tracking_code,
                url=reverse("appeals:order-detail", args=[o.tracking_code]),
                received=timezone.localdate(o.received_at),
                status=o.get_status_display(),
                outcome=o.reply,
                solved=o.solved,
                text=o.description,
            )
            for o in orders
        }


SOURCES: dict[str, CaseSource] = {}


def register(source: CaseSource) -> None:
    """Add a source of past cases (idempotent by name)."""
    SOURCES[source.name] = source


register(WorkOrderSource())
