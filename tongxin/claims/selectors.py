"""Reads for claim types and similar cases. Orders come in already scoped by
``appeals.selectors.work_order_get_for_user``; similar cases are limited to what the user
may see, by the index mask and then by each source's own selector."""

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from django.contrib.auth.models import AnonymousUser, User

from claimtext import Example
from claimtext.suggestion import Suggestion
from tongxin.appeals.models import WorkOrder
from tongxin.claims import engine
from tongxin.claims.models import ClaimAnnotation
from tongxin.claims.sources import SOURCES, CaseView
from tongxin.orgs.selectors import scope_paths

# Over-fetch from the index: a few hits may have changed scope or status since the build.
_OVERFETCH = 3


@dataclass(frozen=True)
class Suggestions:
    kind: str  # "model" or "lexicon"
    version: str
    items: list[Suggestion]


def claim_suggestions(*, text: str) -> Suggestions:
    """What the classifier suggests for a text (no data access; the same for every user)."""
    clf = engine.classifier()
    return Suggestions(kind=clf.kind, version=clf.version, items=clf.suggest(text))


def claim_annotation_get(*, order: WorkOrder) -> ClaimAnnotation | None:
    """The confirmed claim types of an order the caller already may see, or None."""
    return (
        ClaimAnnotation.objects.filter(work_order=order)
        .select_related("confirmed_by")
        .prefetch_related("claims")
        .first()
    )


def claim_training_examples() -> Iterator[Example]:
    """Every confirmed annotation as a training example; the order is the CV group."""
    rows = ClaimAnnotation.objects.prefetch_related("claims").order_by("pk")
    for a in rows.iterator(chunk_size=2000):
        yield Example(text=a.text, labels=tuple(a.label_names()), group=str(a.work_order_id))


@dataclass(frozen=True)
class SimilarCases:
    built_at: datetime | None  # None: no index yet
    size: int
    results: list[CaseView]


def similar_case_list_for_user(
    *, user: User | AnonymousUser, order: WorkOrder, k: int = 5
) -> SimilarCases:
    """The k past cases most like the order's description that the user may see, best first."""
    return similar_cases_for_text(user=user, text=order.description, exclude=f"wo:{order.pk}", k=k)


def similar_cases_for_text(
    *, user: User | AnonymousUser, text: str, exclude: str = "", k: int = 5
) -> SimilarCases:
    """The k past cases (of every registered source) most like `text` that the user may see,
    best first; `exclude` is the index key of the case being looked at."""
    index = engine.case_index()
    if index is None:
        return SimilarCases(built_at=None, size=0, results=[])
    built_at = datetime.fromtimestamp(index.built_at, tz=UTC)
    paths = scope_paths(user=user)
    if not paths:
        return SimilarCases(built_at=built_at, size=len(index), results=[])
    hits = index.query(text, k * _OVERFETCH, user_paths=paths, exclude=[exclude] if exclude else [])
    wanted: dict[str, list[str]] = {}
    for hit in hits:
        source, _sep, ident = str(hit.id).partition(":")
        if source in SOURCES:
            wanted.setdefault(source, []).append(ident)
    views: dict[str, CaseView] = {}
    for source, ids in wanted.items():
        for ident, view in SOURCES[source].visible(user=user, ids=ids).items():
            views[f"{source}:{ident}"] = view
    results = [replace(views[str(h.id)], score=h.score) for h in hits if str(h.id) in views]
    return SimilarCases(built_at=built_at, size=len(index), results=results[:k])
