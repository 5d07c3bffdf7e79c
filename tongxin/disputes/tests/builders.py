"""Cases in a given shape, built through the services like a mediator would."""

from datetime import date
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User

from tongxin.disputes import services
from tongxin.disputes.models import MediationCase, Party
from tongxin.orgs.models import OrgUnit

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢"


def roster(workers: int, representatives: int = 0) -> list[dict[str, Any]]:
    """Parties: one employer, then `workers` workers, the first `representatives` elected."""
    parties: list[dict[str, Any]] = [
        {
            "role": "employer",
            "name": "恒兴鞋业有限公司",
            "legal_rep_name": "林某",
            "legal_rep_title": "总经理",
        }
    ]
    for i in range(workers):
        parties.append(
            {
                "role": "worker",
                "name": f"{SURNAMES[i % len(SURNAMES)]}工{i + 1}",
                "phone": f"1380000{i:04d}",
                "is_representative": i < representatives,
            }
        )
    return parties


def open_case(
    actor: User,
    org: OrgUnit,
    *,
    kind: str = MediationCase.Kind.INDIVIDUAL,
    workers: int = 1,
    representatives: int = 0,
    amounts: tuple[str, ...] = ("2300.00",),
    received_on: date | None = None,
    **extra: Any,
) -> MediationCase:
    """A case with a wage claim of each amount for every worker."""
    claims = [
        {"worker": w, "type": "wages", "amount_claimed": a}
        for w in range(1, workers + 1)
        for a in amounts
    ]
    data = {
        "kind": kind,
        "source": "walk_in",
        "requests": "支付拖欠工资",
        "facts": "公司拖欠工资两个月。",
        "received_on": received_on,
        "parties": roster(workers, representatives),
        "claims": claims,
        **extra,
    }
    return services.dispute_open(actor=actor, org=org, data=data)


def act(actor: User, case: MediationCase, action: str, **payload: Any) -> MediationCase:
    return services.dispute_transition(actor=actor, case=case, action=action, payload=payload)


def workers(case: MediationCase) -> list[Party]:
    return list(case.parties.filter(role="worker").order_by("id"))


def signatures(day: date) -> dict[str, str]:
    return {
        name: day.isoformat()
        for name in ("workers_signed_on", "employer_signed_on", "mediator_signed_on", "sealed_on")
    }


def money(value: str) -> Decimal:
    return Decimal(value)


def signed_agreement(
    handler: User,
    org: OrgUnit,
    *,
    signed_on: date,
    pay_by: str,
    terms: str = "条款",
    **case_data: Any,
) -> MediationCase:
    """A case (`case_data` as for open_case) accepted, heard once and settled in full,
    signed on `signed_on` (call it with the clock at that day)."""
    case = drafted_agreement(
        handler, open_case(handler, org, **case_data), pay_by=pay_by, terms=terms
    )
    return act(handler, case, "sign_agreement", **signatures(signed_on))


def drafted_agreement(
    handler: User, case: MediationCase, *, pay_by: str, terms: str = "条款"
) -> MediationCase:
    """`case` accepted, heard once and its agreement drafted for every claim as claimed,
    payable by `pay_by`; not yet signed."""
    act(handler, case, "accept")
    act(handler, case, "record_session", place="茶室", attendees="双方", statements="陈述")
    return act(
        handler,
        case,
        "draft_agreement",
        as_claimed=True,
        facts="事实",
        terms=terms,
        performance_method="转账",
        performance_due_on=pay_by,
    )
