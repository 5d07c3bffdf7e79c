"""Writes of places and jurisdiction parameters (each writes one AuditEntry), and
`calculation_run`, the read-only entry point other apps call (implemented in `calculation`)."""

from datetime import date
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext as _

from tongxin.calculators import parameters, selectors
from tongxin.calculators.calculation import calculation_run
from tongxin.calculators.models import JurisdictionParameter, Place
from tongxin.core.exceptions import ApplicationError
from tongxin.core.services import audit_record

Key = JurisdictionParameter.Key

__all__ = [
    "calculation_run",
    "jurisdiction_parameter_delete",
    "jurisdiction_parameter_set",
    "jurisdiction_parameter_validate",
    "place_delete",
    "place_save",
]


def jurisdiction_parameter_validate(*, parameter: JurisdictionParameter) -> None:
    """Refuse a value of the wrong kind for its key, a tier outside the minimum wage, and
    validity overlapping another row for the same place/key/tier (ApplicationError)."""
    choices = parameters.allowed_choices(parameter.key)
    if choices is None:
        if parameter.value is None:
            raise ApplicationError(_("该参数需要填写数值。"), code="value_required", field="value")
        if parameter.choice:
            raise ApplicationError(
                _("数值类参数不填写规则选择。"), code="choice_not_allowed", field="choice"
            )
    else:
        if parameter.value is not None:
            raise ApplicationError(
                _("规则类参数不填写数值，请填写规则选择。"), code="value_not_allowed", field="value"
            )
        if parameter.choice not in choices:
            raise ApplicationError(
                _("规则选择无效，可选：%(choices)s。") % {"choices": ", ".join(choices)},
                code="invalid_choice",
                field="choice",
            )
    if parameter.tier is not None and parameter.key != Key.LOCAL_MIN_WAGE:
        raise ApplicationError(_("只有最低工资标准分档次。"), code="tier_not_allowed", field="tier")
    if parameter.valid_to is not None and parameter.valid_to < parameter.valid_from:
        raise ApplicationError(
            _("失效日期不能早于施行日期。"), code="invalid_period", field="valid_to"
        )
    clash = selectors.jurisdiction_parameter_overlapping(parameter=parameter).first()
    if clash is not None:
        until = clash.valid_to.isoformat() if clash.valid_to else _("现行有效")
        raise ApplicationError(
            _(
                "与已有记录的有效期重叠：%(start)s 至 %(end)s（%(body)s %(document)s）。"
                "请先为旧记录填写失效日期。"
            )
            % {
                "start": clash.valid_from.isoformat(),
                "end": until,
                "body": clash.issuing_body,
                "document": clash.document_no,
            },
            code="overlap",
            field="valid_from",
            extra={"conflicting_id": clash.pk},
        )


@transaction.atomic
def jurisdiction_parameter_set(
    *,
    actor: User | None,
    place: Place,
    key: str,
    valid_from: date,
    issuing_body: str,
    value: Decimal | None = None,
    choice: str = "",
    tier: int | None = None,
    valid_to: date | None = None,
    document_no: str = "",
    source_url: str = "",
    note: str = "",
    parameter: JurisdictionParameter | None = None,
) -> JurisdictionParameter:
    """Create (or change `parameter`) after refusing overlaps; writes one audit row."""
    row = parameter or JurisdictionParameter()
    row.place = place
    row.key = key
    row.tier = tier
    row.value = value
    row.choice = choice
    row.valid_from = valid_from
    row.valid_to = valid_to
    row.issuing_body = issuing_body
    row.document_no = document_no
    row.source_url = source_url
    row.note = note
    jurisdiction_parameter_validate(parameter=row)
    row.full_clean()
    created = row.pk is None
    row.save()
    audit_record(
        actor=actor,
        action="jurisdiction_parameter_add" if created else "jurisdiction_parameter_change",
        obj=row,
        data=_parameter_audit_data(row),
    )
    return row


@transaction.atomic
def jurisdiction_parameter_delete(*, actor: User | None, parameter: JurisdictionParameter) -> None:
    """Delete one figure; the audit row keeps what it was and where it came from."""
    audit_record(
        actor=actor,
        action="jurisdiction_parameter_delete",
        obj=parameter,
        data=_parameter_audit_data(parameter),
    )
    parameter.delete()


def _parameter_audit_data(row: JurisdictionParameter) -> dict[str, Any]:
    """What a figure is and where it comes from, as the audit row keeps it."""
    return {
        "place": row.place.code,
        "key": row.key,
        "tier": row.tier,
        "value": None if row.value is None else str(row.value),
        "choice": row.choice,
        "valid_from": row.valid_from.isoformat(),
        "valid_to": row.valid_to.isoformat() if row.valid_to else None,
        "issuing_body": row.issuing_body,
        "document_no": row.document_no,
    }


@transaction.atomic
def place_save(*, actor: User | None, place: Place, changed: list[str] | None = None) -> Place:
    """Create or change a place after full_clean(); writes one audit row."""
    created = place.pk is None
    place.full_clean()
    place.save()
    audit_record(
        actor=actor,
        action="place_add" if created else "place_change",
        obj=place,
        data={
            "code": place.code,
            "name": place.name,
            "level": place.level,
            "parent": place.parent.code if place.parent else None,
            "min_wage_tier": place.min_wage_tier,
            "fields": changed or [],
        },
    )
    return place


@transaction.atomic
def place_delete(*, actor: User | None, place: Place) -> None:
    """Delete a place that has no figures and no places below it (ApplicationError otherwise)."""
    if place.parameters.exists() or place.children.exists():
        raise ApplicationError(
            _("该地区下还有参数或下级地区，不能删除。"), code="place_in_use", field="place"
        )
    audit_record(actor=actor, action="place_delete", obj=place, data={"code": place.code})
    place.delete()
