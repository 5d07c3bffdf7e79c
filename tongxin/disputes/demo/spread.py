"""Ordinary cases over the past year at the demo's mediation desks, each walked through the
services towards an ending drawn with realistic weights."""

import contextlib
import random
from datetime import date, datetime, timedelta
from decimal import Decimal

import time_machine
from django.contrib.auth.models import User

from tongxin.disputes import services
from tongxin.disputes.demo.common import (
    WORK_ORDER_KEY,
    NotYet,
    Story,
    appeal,
    moment,
    person,
    phone,
    signed,
)
from tongxin.disputes.models import MediationCase
from tongxin.orgs.models import OrgUnit

# mediating org → (its handler, the county whose agencies it works with, employers)
DESKS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "JJKFQ": (
        "jjkfq_handler",
        "JJ",
        ("晋江市恒兴鞋业有限公司", "晋江市华丰织造有限公司", "福建联盛机械制造有限公司"),
    ),
    "JJ-CD": ("jjcd_handler", "JJ", ("晋江市鑫源鞋业有限公司", "晋江市宏泰纺织有限公司")),
    "JJ-AH": ("jjah_handler", "JJ", ("晋江市瑞达鞋材有限公司",)),
    "SS": ("ss_handler", "SS", ("石狮市锦程服饰有限公司", "石狮市宏利纺织印染有限公司")),
    "NA": ("na_handler", "NA", ("南安市永固石材有限公司", "福建南翔建筑工程有限公司")),
    "FZ": ("fz_handler", "FZ", ("泉州市安达物流有限公司", "泉州市福源酒店管理有限公司")),
    "PLD-FR": ("pldfr_handler", "PLD", ("大连普新机床配件有限公司", "大连宏远建筑工程有限公司")),
    "PLD-PK": ("pldpk_handler", "PLD", ("大连海丰水产食品有限公司",)),
    "QHKFQ": ("qhkfq_handler", "QH", ("齐河县鲁通汽车配件有限公司", "山东齐晟新型建材有限公司")),
    "QH-YC": ("qhyc_handler", "QH", ("德州宏图纺织有限公司", "山东华源物流有限公司")),
}
ENDINGS = [
    ("performed", 48),
    ("performing", 8),
    ("agreement_effective", 4),
    ("in_mediation", 8),
    ("accepted", 4),
    ("applied", 4),
    ("handed_over", 10),
    ("closed", 6),
    ("refused", 4),
    ("not_performed", 4),
]


def spread_case(
    rng: random.Random,
    n: int,
    received: date,
    ending: str,
    users: dict[str, User],
    orgs: dict[str, OrgUnit],
    until: datetime,
) -> MediationCase:
    """One ordinary case at a random desk, walked through the services towards `ending`
    (as far as `until` allows)."""
    org_code = rng.choice(list(DESKS))
    username, county, employers = DESKS[org_code]
    collective = rng.random() < 0.1
    n_workers = rng.randint(10, 14) if collective else rng.choice((1, 1, 1, 1, 2, 3))
    employer = rng.choice(employers)
    workers = [
        {
            "role": "worker",
            "name": person(rng),
            "phone": phone(rng),
            "is_representative": collective and i < 3,
        }
        for i in range(n_workers)
    ]
    kinds = rng.sample(
        ["wages", "overtime", "double_wage", "severance", "annual_leave"], rng.randint(1, 3)
    )
    claims = [
        {"worker": w, "type": k, "amount_claimed": str(Decimal(rng.randrange(8, 300) * 100))}
        for w in range(1, n_workers + 1)
        for k in kinds
    ]
    actor = users[username]
    with time_machine.travel(
        moment(received, rng.randint(9, 15), rng.choice((0, 15, 30, 45))), tick=False
    ) as clock:
        data = {
            "kind": "collective" if collective else "individual",
            "source": rng.choice(("walk_in", "written")),
            "application_form": rng.choice(("oral", "written")),
            "requests": "请求支付" + "、".join(dict(_CLAIM_LABELS)[k] for k in kinds) + "。",
            "facts": f"申请人在{employer}工作，单位"
            + rng.choice(
                (
                    "拖欠工资",
                    "未足额支付加班费",
                    "未签订书面劳动合同",
                    "单方解除劳动合同未支付经济补偿",
                )
            )
            + "，协商未果。",
            "parties": [{"role": "employer", "name": employer}, *workers],
            "claims": claims,
        }
        if rng.random() < 0.3:
            order = appeal(
                orgs[org_code],
                f"{WORK_ORDER_KEY}{n}",
                {
                    "description": data["facts"],
                    "phone": workers[0]["phone"],
                    "name": workers[0]["name"],
                    "employer_name": employer,
                    "workers_involved": str(n_workers),
                },
            )
            case = services.dispute_open_from_work_order(actor=actor, order=order, data=data)
        else:
            case = services.dispute_open(actor=actor, org=orgs[org_code], data=data)
        with contextlib.suppress(NotYet):
            _walk(Story(clock, actor, until), case, ending, received, rng, county)
    return case


_CLAIM_LABELS = [
    ("wages", "拖欠工资"),
    ("overtime", "加班费"),
    ("double_wage", "未签劳动合同二倍工资"),
    ("severance", "经济补偿金"),
    ("annual_leave", "未休年休假工资"),
]


def _walk(
    story: Story, case: MediationCase, ending: str, day: date, rng: random.Random, county: str
) -> None:
    def next_day(days: int, hour: int = 10) -> Story:
        return story.at(moment(day + timedelta(days=days), hour))

    if ending == "applied":
        return
    if ending == "refused":
        next_day(2).act(
            case, "refuse", note="申请事项已由劳动人事争议仲裁委员会受理，不再受理调解申请。"
        )
        return
    next_day(1).act(case, "accept")
    if ending == "accepted":
        return
    next_day(3).act(
        case,
        "record_session",
        place="职工服务站调解室",
        attendees="申请人、被申请人代表、调解员",
        statements="双方陈述争议事实，申请人出示工资条和考勤记录。",
        proposals="建议被申请人核实后分期支付。",
    )
    if ending == "in_mediation":
        return
    if ending in ("handed_over", "closed"):
        ran_out = (case.mediation_due_on - day).days + 1
        next_day(ran_out).act(
            case, "fail", reason="no_agreement_in_time", note="已书面告知申请人可申请劳动仲裁。"
        )
        next_day(ran_out + 2).act(
            case,
            "handover",
            kind="arbitration",
            agency=f"{county}-ARB",
            documents="调解申请书、调解笔录",
        )
        if ending == "closed":
            next_day(ran_out + 4).act(case, "close", note="已移交仲裁，调解程序结案。")
        return
    settle = day + timedelta(days=rng.randint(4, 12))
    due = settle + timedelta(days=rng.choice((0, 7, 30)))
    amounts = {
        c.pk: str(
            (c.amount_claimed * Decimal(rng.choice((70, 80, 90, 100))) / 100).quantize(Decimal(1))
        )
        for c in case.claims.all()
    }
    story.at(moment(settle, 10)).act(
        case,
        "draft_agreement",
        amounts=amounts,
        facts=case.facts,
        terms="被申请人按本协议所列金额向申请人支付。",
        performance_method="银行转账",
        performance_due_on=due.isoformat(),
    )
    story.at(moment(settle, 15)).act(case, "sign_agreement", **signed(settle))
    if ending == "agreement_effective":
        return
    if ending == "not_performed":
        story.at(moment(due + timedelta(days=1), 10)).act(
            case, "mark_not_performed", note="被申请人未按期支付。"
        )
        story.at(moment(due + timedelta(days=3), 10)).act(
            case, "handover", kind="payment_order", agency=f"{county}-COURT"
        )
        return
    first = case.parties.filter(role="worker").order_by("id").first()
    story.at(moment(due, 11)).act(case, "record_payment", worker=first.pk, amount="500")
    if ending == "performed":
        story.at(moment(due, 16)).act(case, "record_payment", all=True)
