"""Parties and claims of a case: who is in the dispute and what each worker asks for."""

from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.utils.translation import gettext as _

from tongxin.calculators import selectors as calculator_selectors
from tongxin.calculators import services as calculator_services
from tongxin.core import validation
from tongxin.core.crypto import keyed_hash
from tongxin.core.exceptions import ApplicationError
from tongxin.disputes.claim_types import CLAIM_SPECS
from tongxin.disputes.models import Claim, ClaimType, MediationCase, Party
from tongxin.disputes.services.common import claim_of, party_of, roster_problem

PARTY_TEXT = {
    "name": (_("姓名/名称"), 120),
    "occupation": (_("职业/岗位"), 60),
    "address": (_("住所/地址"), 200),
    "legal_rep_name": (_("法定代表人"), 40),
    "legal_rep_title": (_("法定代表人职务"), 40),
}


def clean_party(data: dict[str, Any], *, field_prefix: str = "") -> dict[str, Any]:
    """Checked Party fields from raw input; errors name `<prefix><field>`."""
    f = field_prefix
    role = validation.clean_choice(
        data.get("role"),
        field=f + "role",
        label=_("身份"),
        choices=Party.Role.values,
        required=True,
    )
    values: dict[str, Any] = {"role": role}
    for name, (label, max_len) in PARTY_TEXT.items():
        values[name] = validation.clean_text(
            data.get(name), field=f + name, label=label, required=name == "name", max_len=max_len
        )
    values["gender"] = validation.clean_choice(
        data.get("gender"), field=f + "gender", label=_("性别"), choices=Party.Gender.values
    )
    values["birth_year"] = validation.clean_int(
        data.get("birth_year"),
        field=f + "birth_year",
        label=_("出生年份"),
        minimum=1900,
        maximum=2100,
    )
    values["is_representative"] = bool(
        validation.clean_bool(
            data.get("is_representative"), field="is_representative", label=_("代表")
        )
    )
    if values["is_representative"] and role != Party.Role.WORKER:
        raise ApplicationError(
            _("只有职工可以被推举为代表。"), code="representatives", field=f + "is_representative"
        )
    phone = str(data.get("phone") or "").strip()
    try:
        values["phone"] = validation.clean_phone(phone, allow_landline=True) if phone else ""
    except ApplicationError as exc:
        exc.field = f + "phone"
        raise
    values["id_number"] = validation.clean_id_number(data.get("id_number"), field=f + "id_number")
    values["id_number_hash"] = keyed_hash(values["id_number"]) if values["id_number"] else ""
    values["uscc"] = validation.clean_uscc(data.get("uscc"), field=f + "uscc")
    if role != Party.Role.EMPLOYER and (values["uscc"] or values["legal_rep_name"]):
        raise ApplicationError(
            _("统一社会信用代码和法定代表人只适用于用人单位。"), code="invalid", field=f + "uscc"
        )
    return values


def party_create(*, case: MediationCase, data: dict[str, Any], field_prefix: str = "") -> Party:
    values = clean_party(data, field_prefix=field_prefix)
    party = Party(case=case, **values)
    if values["role"] == Party.Role.AGENT:
        party.agent_for = party_of(case, data.get("agent_for"), field=field_prefix + "agent_for")
    party.save()
    return party


def _keep_roster_valid(case: MediationCase) -> None:
    """Once a case is accepted the roster rule holds at every change."""
    if case.status != MediationCase.Status.APPLIED and (problem := roster_problem(case)):
        raise problem


def _apply_add_party(
    actor: User, case: MediationCase, p: dict[str, Any], note: str
) -> dict[str, Any]:
    party = party_create(case=case, data=p)
    _keep_roster_valid(case)
    return {"party": party.pk, "role": party.role, "name": party.name}


def _apply_change_party(
    actor: User, case: MediationCase, p: dict[str, Any], note: str
) -> dict[str, Any]:
    party = party_of(case, p.get("party"), field="party")
    merged = {
        "role": party.role,
        **{k: getattr(party, k) for k in (*PARTY_TEXT, "gender", "birth_year", "phone")},
        "is_representative": party.is_representative,
        "id_number": party.id_number,
        "uscc": party.uscc,
        **{k: v for k, v in p.items() if k not in ("party", "role", "action", "note")},
    }
    values = clean_party(merged)
    changed = sorted(k for k, v in values.items() if getattr(party, k) != v)
    for key in changed:
        setattr(party, key, values[key])
    party.save()
    _keep_roster_valid(case)
    # Names of changed fields only: the timeline must not copy personal data in clear.
    return {"party": party.pk, "changed": [k for k in changed if k != "id_number_hash"]}


def _apply_remove_party(
    actor: User, case: MediationCase, p: dict[str, Any], note: str
) -> dict[str, Any]:
    party = party_of(case, p.get("party"), field="party")
    if party.claims.exclude(outcome=Claim.Outcome.PENDING).exists() or party.agreements.exists():
        raise ApplicationError(
            _("该当事人已有达成或移交的请求，不能移除。"), code="party_settled", field="party"
        )
    data = {"party": party.pk, "role": party.role, "name": party.name}
    party.delete()
    _keep_roster_valid(case)
    return data


def _amount_from_calculator(
    claim_type: str, p: dict[str, Any], case: MediationCase
) -> tuple[Decimal | None, dict[str, Any] | None]:
    inputs = p.get("calculator_inputs")
    if not inputs:
        return None, None
    calculator = CLAIM_SPECS[claim_type].calculator
    if calculator is None:
        raise ApplicationError(
            _("这类请求没有对应的计算器，请直接填写金额。"),
            code="no_calculator",
            field="calculator_inputs",
        )
    place_code = str(p.get("place") or "").strip()
    place = calculator_selectors.place_get(code=place_code) if place_code else None
    try:
        result = calculator_services.calculation_run(
            calculator=calculator, inputs=inputs, place=place
        )
    except ApplicationError as exc:
        exc.field = f"calculator_inputs.{exc.field}" if exc.field else "calculator_inputs"
        raise
    amount = Decimal(str(result["amount"])).quantize(Decimal("0.01"))
    return amount, {
        "calculator": calculator,
        "place": place_code,
        "inputs": inputs,
        "result": result,
    }


def clean_claim(
    case: MediationCase, p: dict[str, Any], *, field_prefix: str = ""
) -> dict[str, Any]:
    f = field_prefix
    claim_type = validation.clean_choice(
        p.get("type"),
        field=f + "type",
        label=_("请求类型"),
        choices=ClaimType.values,
        required=True,
    )
    amount, calculation = _amount_from_calculator(claim_type, p, case)
    if amount is None:
        amount = validation.clean_amount(
            p.get("amount_claimed"), field=f + "amount_claimed", label=_("请求金额")
        )
    if amount is None and CLAIM_SPECS[claim_type].monetary and claim_type != ClaimType.OTHER:
        raise ApplicationError(
            _("请填写请求金额，或用计算器算出。"), code="required", field=f + "amount_claimed"
        )
    if amount is not None and not CLAIM_SPECS[claim_type].monetary:
        raise ApplicationError(
            _("这类请求不涉及金额。"), code="invalid", field=f + "amount_claimed"
        )
    description = validation.clean_text(
        p.get("description"), field=f + "description", label=_("说明"), max_len=300
    )
    return {
        "type": claim_type,
        "amount_claimed": amount,
        "calculation": calculation,
        "description": description,
    }


def _apply_add_claim(
    actor: User, case: MediationCase, p: dict[str, Any], note: str
) -> dict[str, Any]:
    """One claim for one worker, or (worker 'all') the same claim for every worker."""
    if p.get("worker") == "all":
        targets = list(case.parties.filter(role=Party.Role.WORKER))
    else:
        targets = [party_of(case, p.get("worker"), field="worker", role=Party.Role.WORKER)]
    values = clean_claim(case, p)
    claims = Claim.objects.bulk_create(Claim(case=case, worker=w, **values) for w in targets)
    return {
        "claims": [c.pk for c in claims],
        "workers": len(targets),
        "type": values["type"],
        "amount": str(values["amount_claimed"]),
    }


def _pending_claim(case: MediationCase, p: dict[str, Any]) -> Claim:
    claim = claim_of(case, p.get("claim"))
    if claim.outcome != Claim.Outcome.PENDING:
        raise ApplicationError(
            _("已达成、移交或撤回的请求不能再修改。"), code="claim_settled", field="claim"
        )
    return claim


def _apply_change_claim(
    actor: User, case: MediationCase, p: dict[str, Any], note: str
) -> dict[str, Any]:
    claim = _pending_claim(case, p)
    merged = {
        "type": claim.type,
        "amount_claimed": claim.amount_claimed,
        "description": claim.description,
    }
    merged.update({k: v for k, v in p.items() if k != "claim"})
    values = clean_claim(case, merged)
    before = str(claim.amount_claimed)
    for key, value in values.items():
        setattr(claim, key, value)
    claim.save()
    return {"claim": claim.pk, "type": claim.type, "from": before, "to": str(claim.amount_claimed)}


def _apply_remove_claim(
    actor: User, case: MediationCase, p: dict[str, Any], note: str
) -> dict[str, Any]:
    claim = _pending_claim(case, p)
    data = {"claim": claim.pk, "worker": claim.worker_id, "type": claim.type}
    claim.delete()
    return data
