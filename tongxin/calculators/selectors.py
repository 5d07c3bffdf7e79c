"""Reads of places and of the jurisdiction parameters in force (reference data: no scoping)."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from tongxin.calculators.models import JurisdictionParameter, Place
from tongxin.core.exceptions import ApplicationError

Key = JurisdictionParameter.Key


@dataclass(frozen=True)
class ParameterValue:
    """A parameter's value together with where it comes from, for the mediator to cite."""

    name: str
    value: Decimal | str
    place_code: str
    place_name: str
    issuing_body: str
    document_no: str
    source_url: str
    valid_from: date
    valid_to: date | None
    tier: int | None
    note: str
    parameter_id: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "value": self.value,
            "place": self.place_code,
            "place_name": self.place_name,
            "issuing_body": self.issuing_body,
            "document_no": self.document_no,
            "source_url": self.source_url,
            "valid_from": self.valid_from.isoformat(),
            "valid_to": self.valid_to.isoformat() if self.valid_to else None,
            "tier": self.tier,
        }


def place_list() -> QuerySet[Place]:
    """Every place, by code (the country first, then provinces with their cities and districts)."""
    return Place.objects.select_related("parent").order_by("code")


def place_get(*, code: str) -> Place:
    """One place by its code; an ApplicationError naming `place` if there is none."""
    place = Place.objects.filter(code=code).first() if isinstance(code, str) else None
    if place is None:
        raise ApplicationError(
            _("未知的地区代码「%(code)s」。") % {"code": code}, code="unknown_place", field="place"
        )
    return place


def place_ancestors(*, place: Place) -> list[Place]:
    """The place and every place above it, nearest first (district → city → province → CN)."""
    chain = [place]
    seen = {place.pk}
    while chain[-1].parent_id is not None and chain[-1].parent_id not in seen:
        parent = Place.objects.get(pk=chain[-1].parent_id)
        seen.add(parent.pk)
        chain.append(parent)
    return chain


def min_wage_tier_for(*, chain: list[Place]) -> int | None:
    """The nearest tier set on the place or above it (a district's tier, usually)."""
    return next((p.min_wage_tier for p in chain if p.min_wage_tier is not None), None)


def _in_force(on: date) -> Q:
    return Q(valid_from__lte=on) & (Q(valid_to__isnull=True) | Q(valid_to__gte=on))


def parameters_for(*, place: Place, on: date) -> dict[str, ParameterValue]:
    """Parameters in force on `on` for `place`: the nearest place up the tree wins, and the
    minimum wage is the one for the place's tier (or for all tiers)."""
    chain = place_ancestors(place=place)
    tier = min_wage_tier_for(chain=chain)
    rows = list(
        JurisdictionParameter.objects.filter(_in_force(on), place__in=chain).select_related("place")
    )
    rank = {p.pk: i for i, p in enumerate(chain)}

    def preference(row: JurisdictionParameter) -> tuple[int, int]:
        # Nearest place first; at one place, the row for the exact tier beats "all tiers".
        return (rank[row.place_id], 0 if row.tier is not None else 1)

    found: dict[str, ParameterValue] = {}
    for row in sorted(rows, key=preference):
        if row.key in found:
            continue
        if row.tier is not None and row.tier != tier:
            continue
        found[row.key] = ParameterValue(
            name=row.key,
            value=row.value if row.value is not None else row.choice,
            place_code=row.place.code,
            place_name=row.place.name,
            issuing_body=row.issuing_body,
            document_no=row.document_no,
            source_url=row.source_url,
            valid_from=row.valid_from,
            valid_to=row.valid_to,
            tier=row.tier,
            note=row.note,
            parameter_id=row.pk,
        )
    return found


def jurisdiction_parameter_overlapping(
    *, parameter: JurisdictionParameter
) -> QuerySet[JurisdictionParameter]:
    """Other rows for the same place and key whose validity overlaps `parameter`'s.

    Tiers: a row for all tiers (blank) overlaps any tier; two tiered rows only the same tier.
    """
    rows = JurisdictionParameter.objects.filter(place_id=parameter.place_id, key=parameter.key)
    if parameter.pk is not None:
        rows = rows.exclude(pk=parameter.pk)
    if parameter.tier is not None:
        rows = rows.filter(Q(tier__isnull=True) | Q(tier=parameter.tier))
    # [a, b] and [c, d] overlap when a <= d and c <= b (open ends never stop the overlap).
    rows = rows.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=parameter.valid_from))
    if parameter.valid_to is not None:
        rows = rows.filter(valid_from__lte=parameter.valid_to)
    return rows.order_by("valid_from")
