"""Registering an application for mediation: directly (walk-in, written, referred by a court)
or from a worker's work order in one step, linked both ways."""

from typing import Any

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tongxin.appeals import services as appeal_services
from tongxin.appeals.models import WorkOrder
from tongxin.core import validation
from tongxin.core.exceptions import ApplicationError
from tongxin.disputes import deadlines
from tongxin.disputes.models import Claim, MediationCase, Party
from tongxin.disputes.services.common import COLLECTIVE_MIN_WORKERS, event
from tongxin.disputes.services.roster import clean_claim, party_create
from tongxin.disputes.workflow import MEDIATORS
from tongxin.orgs.models import OrgUnit, PartnerAgency
from tongxin.orgs.selectors import agency_list_for_org, roles_at

Source = MediationCase.Source
COURT_SOURCES = (Source.COURT_DELEGATED, Source.COURT_ENTRUSTED)


def work_order_defaults(order: WorkOrder) -> dict[str, Any]:
    """What an order already says about the dispute, to prefill the application."""
    parties = [
        {"role": Party.Role.WORKER, "name": order.requester_name, "phone": order.phone},
    ]
    if order.employer_name:
        parties.append({"role": Party.Role.EMPLOYER, "name": order.employer_name})
    return {
        "kind": MediationCase.Kind.COLLECTIVE
        if order.workers_involved >= COLLECTIVE_MIN_WORKERS
        else MediationCase.Kind.INDIVIDUAL,
        "source": Source.WORK_ORDER,
        "application_form": MediationCase.ApplicationForm.ORAL,
        "facts": order.description,
        "parties": parties,
    }


def _court(org: OrgUnit, source: str, data: dict[str, Any]) -> dict[str, Any]:
    if source not in COURT_SOURCES:
        return {"referring_court": None, "court_case_no": "", "court_procedure": ""}
    court = (
        agency_list_for_org(org=org)
        .filter(code=str(data.get("referring_court") or "").strip(), type=PartnerAgency.Type.COURT)
        .first()
    )
    if court is None:
        raise ApplicationError(
            _("请选择委派/委托调解的法院。"), code="required", field="referring_court"
        )
    entrusted = source == Source.COURT_ENTRUSTED
    return {
        "referring_court": court,
        "court_case_no": validation.clean_text(
            data.get("court_case_no"),
            field="court_case_no",
            label=_("法院案号"),
            required=entrusted,  # 委托 comes after filing, so the court's case has a number
            max_len=60,
        ),
        "court_procedure": validation.clean_choice(
            data.get("court_procedure"),
            field="court_procedure",
            label=_("审理程序"),
            choices=MediationCase.CourtProcedure.values,
            required=entrusted,
        ),
    }


def _clean_case(org: OrgUnit, data: dict[str, Any], work_order: WorkOrder | None) -> dict:
    source = (
        Source.WORK_ORDER
        if work_order
        else validation.clean_choice(
            data.get("source"),
            field="source",
            label=_("来源"),
            choices=[s for s in Source.values if s != Source.WORK_ORDER],
            required=True,
        )
    )
    received_on = (
        validation.clean_date(data.get("received_on"), field="received_on", label=_("收到申请日期"))
        or timezone.localdate()
    )
    if received_on > timezone.localdate():
        raise ApplicationError(_("收到申请日期不能晚于今天。"), code="invalid", field="received_on")
    values = {
        "kind": validation.clean_choice(
            data.get("kind"),
            field="kind",
            label=_("类型"),
            choices=MediationCase.Kind.values,
            required=True,
        ),
        "source": source,
        "application_form": validation.clean_choice(
            data.get("application_form") or MediationCase.ApplicationForm.WRITTEN,
            field="application_form",
            label=_("申请方式"),
            choices=MediationCase.ApplicationForm.values,
        ),
        "requests": validation.clean_text(
            data.get("requests"), field="requests", label=_("请求事项"), required=True
        ),
        "facts": validation.clean_text(
            data.get("facts"), field="facts", label=_("事实与理由"), required=True
        ),
        "evidence": validation.clean_text(
            data.get("evidence"), field="evidence", label=_("证据清单")
        ),
        "received_on": received_on,
        "decision_due_on": deadlines.decision_due(received_on),
        "mediation_due_on": deadlines.mediation_due(received_on),
        **_court(org, source, data),
    }
    values["referral_due_on"] = deadlines.referral_due(
        source=source, procedure=values["court_procedure"], received_on=received_on
    )
    return values


def _case_no(org: OrgUnit, year: int) -> str:
    prefix = f"{year}-{org.code}-"
    taken = MediationCase.objects.filter(case_no__startswith=prefix).count()
    return f"{prefix}{taken + 1:04d}"


def _insert(org: OrgUnit, values: dict[str, Any], work_order: WorkOrder | None) -> MediationCase:
    """Create the row with the next case number; a concurrent open of the same org takes
    the number first, so retry with the next one."""
    for _attempt in range(5):
        case = MediationCase(
            org=org,
            work_order=work_order,
            case_no=_case_no(org, values["received_on"].year),
            **values,
        )
        try:
            with transaction.atomic():
                case.save(force_insert=True)
            return case
        except IntegrityError:
            if work_order and MediationCase.objects.filter(work_order=work_order).exists():
                raise ApplicationError(
                    _("该工单已转入调解。"), code="already_linked", field="work_order"
                ) from None
    raise ApplicationError(_("案号冲突，请重试。"), code="case_no_conflict")


@transaction.atomic
def dispute_open(
    *,
    actor: User,
    org: OrgUnit,
    data: dict[str, Any],
    work_order: WorkOrder | None = None,
) -> MediationCase:
    """Register an application at `org` with its parties and claims, all or nothing. Writes
    the case's 'open' event and, from a work order, a 'mediation' event on the order."""
    if not roles_at(user=actor, org=org) & (MEDIATORS | {"operator"}):
        raise ApplicationError(_("您的岗位不能登记调解申请。"), code="forbidden", field="org")
    if work_order is not None and MediationCase.objects.filter(work_order=work_order).exists():
        raise ApplicationError(_("该工单已转入调解。"), code="already_linked", field="work_order")
    case = _insert(org, _clean_case(org, data, work_order), work_order)
    parties_in = data.get("parties") or []
    if not isinstance(parties_in, list):
        raise ApplicationError(_("当事人应为列表。"), code="invalid", field="parties")
    parties = [
        party_create(case=case, data=p, field_prefix=f"parties.{i}.")
        for i, p in enumerate(parties_in)
    ]
    for i, c in enumerate(data.get("claims") or []):
        index = validation.clean_int(
            c.get("worker"),
            field=f"claims.{i}.worker",
            label=_("职工序号"),
            minimum=0,
            maximum=len(parties) - 1,
        )
        if index is None or parties[index].role != Party.Role.WORKER:
            raise ApplicationError(
                _("请求须对应一名职工（parties 中的序号）。"),
                code="invalid",
                field=f"claims.{i}.worker",
            )
        Claim.objects.create(
            case=case, worker=parties[index], **clean_claim(case, c, field_prefix=f"claims.{i}.")
        )
    event(
        case=case,
        actor=actor,
        action="open",
        data={"source": case.source, "kind": case.kind, "parties": len(parties)},
    )
    if work_order is not None:
        appeal_services.work_order_link_mediation(
            actor=actor, order=work_order, case_no=case.case_no
        )
    return case


def dispute_open_from_work_order(
    *, actor: User, order: WorkOrder, data: dict[str, Any] | None = None
) -> MediationCase:
    """Open a case from a work order in one step: what the order says fills what `data`
    leaves out; the case is mediated by the order's assigned org."""
    merged = {
        **work_order_defaults(order),
        **{k: v for k, v in (data or {}).items() if v not in (None, "")},
    }
    return dispute_open(actor=actor, org=order.assigned_org, data=merged, work_order=order)
