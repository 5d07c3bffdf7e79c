"""Pieces every disputes service shares: the timeline writer, looking up a case's own rows
from payload ids (anything else is 'not found' for the field), and the roster rule."""

from typing import Any

from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from tongxin.core.exceptions import ApplicationError
from tongxin.disputes.models import Claim, DisputeEvent, MediationCase, Party
from tongxin.orgs.models import PartnerAgency

COLLECTIVE_MIN_WORKERS = 10  # LDMAL art. 7
REPRESENTATIVES = (3, 5)  # elected representatives of a collective dispute [LOCAL]


def event(
    *,
    case: MediationCase,
    actor: User | None,
    action: str,
    from_status: str = "",
    note: str = "",
    data: dict[str, Any] | None = None,
    agency: PartnerAgency | None = None,
) -> DisputeEvent:
    return DisputeEvent.objects.create(
        case=case,
        actor=actor,
        agency=agency,
        action=action,
        from_status=from_status,
        to_status=case.status,
        note=note,
        data=data or {},
    )


def _pk(value: Any, field: str, label: str) -> int:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        raise ApplicationError(
            _("请选择%(label)s。") % {"label": label}, code="required", field=field
        ) from None


def party_of(case: MediationCase, value: Any, *, field: str, role: str | None = None) -> Party:
    """A party of this case (of `role`, if given); anything else is refused for `field`."""
    qs: QuerySet[Party] = case.parties.all()
    if role:
        qs = qs.filter(role=role)
    label = _("职工") if role == Party.Role.WORKER else _("当事人")
    party = qs.filter(pk=_pk(value, field, label)).first()
    if party is None:
        raise ApplicationError(
            _("本案没有这个%(label)s。") % {"label": label}, code="not_found", field=field
        )
    return party


def workers_of(case: MediationCase, values: Any, *, field: str = "workers") -> list[Party]:
    """Workers of this case from a list of ids; 'all' (or nothing) means every worker."""
    everyone = list(case.parties.filter(role=Party.Role.WORKER))
    if values in (None, "", "all", []):
        return everyone
    if not isinstance(values, list | tuple):
        values = str(values).split(",")
    wanted = {_pk(v, field, _("职工")) for v in values}
    chosen = [w for w in everyone if w.pk in wanted]
    if len(chosen) != len(wanted):
        raise ApplicationError(_("所选职工不属于本案。"), code="not_found", field=field)
    return chosen


def claim_of(case: MediationCase, value: Any, *, field: str = "claim") -> Claim:
    claim = case.claims.filter(pk=_pk(value, field, _("请求事项"))).first()
    if claim is None:
        raise ApplicationError(_("本案没有这项请求。"), code="not_found", field=field)
    return claim


def roster_problem(case: MediationCase) -> ApplicationError | None:
    """Whether the parties make a valid case: one employer; an individual dispute has fewer
    than 10 workers and no representatives; a collective one (10 or more workers with a
    common claim, LDMAL art. 7) acts through 3 to 5 elected representatives."""
    parties = list(case.parties.all())
    workers = [p for p in parties if p.role == Party.Role.WORKER]
    employers = [p for p in parties if p.role == Party.Role.EMPLOYER]
    representatives = sum(w.is_representative for w in workers)
    lo, hi = REPRESENTATIVES
    if len(employers) != 1:
        return ApplicationError(
            _("每个案件须有且只有一个用人单位（被申请人）。"), code="employer", field="parties"
        )
    if not workers:
        return ApplicationError(_("请至少登记一名职工。"), code="workers", field="parties")
    if case.kind == MediationCase.Kind.INDIVIDUAL:
        if len(workers) >= COLLECTIVE_MIN_WORKERS:
            return ApplicationError(
                _("职工达 %(n)d 人及以上，应按集体争议登记。") % {"n": COLLECTIVE_MIN_WORKERS},
                code="collective",
                field="kind",
            )
        if representatives:
            return ApplicationError(
                _("个人争议不设推举代表。"), code="representatives", field="is_representative"
            )
        return None
    if len(workers) < COLLECTIVE_MIN_WORKERS:
        return ApplicationError(
            _("集体争议须有 %(n)d 名及以上职工，每名职工都应登记为当事人（现有 %(m)d 名）。")
            % {"n": COLLECTIVE_MIN_WORKERS, "m": len(workers)},
            code="collective",
            field="parties",
        )
    if not lo <= representatives <= hi:
        return ApplicationError(
            _("集体争议应推举 %(lo)d 至 %(hi)d 名代表（现有 %(n)d 名）。")
            % {"lo": lo, "hi": hi, "n": representatives},
            code="representatives",
            field="is_representative",
        )
    return None
