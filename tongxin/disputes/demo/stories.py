"""The two stories as they happened: the Quanzhou tea-table case settled in three hours for
2,300 yuan, and the Pulandian collective case of 23 workers settled jointly with the HR
bureau, the arbitration committee and the court, 463,000 yuan paid."""

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import time_machine
from django.contrib.auth.models import User
from django.db import transaction

from tongxin.appeals import services as appeal_services
from tongxin.disputes import services
from tongxin.disputes.demo.common import (
    CENT,
    WORK_ORDER_KEY,
    Story,
    appeal,
    id_number,
    moment,
    person,
    phone,
    signed,
)
from tongxin.disputes.models import MediationCase, Payment
from tongxin.orgs.models import OrgUnit


@transaction.atomic
def quanzhou_tea_table(
    *, day: date, users: dict[str, User], orgs: dict[str, OrgUnit]
) -> MediationCase:
    """A worker leaving a park factory wants his 2,300 yuan today; settled by noon."""
    handler = users["jjkfq_handler"]
    with time_machine.travel(moment(day, 9, 5), tick=False) as clock:
        order = appeal(
            orgs["JJKFQ"],
            WORK_ORDER_KEY + "quanzhou",
            {
                "description": "我在恒兴鞋业做了三年，这个月辞职要回老家，厂里还欠我上个月工资2300元，说要下个月才发。今天想拿到钱。",
                "phone": "13905951234",
                "name": "陈志明",
                "employer_name": "晋江市恒兴鞋业有限公司",
                "amount_claimed": "2300",
                "wage_arrears": "1",
            },
        )
        story = Story(clock, handler).at(moment(day, 9, 40))
        appeal_services.work_order_transition(actor=handler, order=order, action="accept")
        case = services.dispute_open_from_work_order(
            actor=handler,
            order=order,
            data={
                "requests": "请求被申请人当日支付拖欠的工资2300元。",
                "parties": [
                    {
                        "role": "worker",
                        "name": "陈志明",
                        "phone": "13905951234",
                        "gender": "M",
                        "occupation": "成型车间操作工",
                    },
                    {
                        "role": "employer",
                        "name": "晋江市恒兴鞋业有限公司",
                        "legal_rep_name": "许建华",
                        "legal_rep_title": "总经理",
                        "address": "晋江经济开发区五里园",
                    },
                ],
                "claims": [
                    {
                        "worker": 0,
                        "type": "wages",
                        "amount_claimed": "2300.00",
                        "description": "离职当月前一个月工资",
                    }
                ],
            },
        )
        story.at(moment(day, 9, 50)).act(case, "accept")
        story.at(moment(day, 10, 30)).act(
            case,
            "record_session",
            place="晋江经济开发区职工服务站茶室",
            attendees="申请人陈志明；被申请人人事主管林某；园区工会调解员洪志伟",
            statements="申请人：已按规定提前辞职，要求当天结清工资2300元。被申请人：财务按月集中发放，同意核实。",
            proposals="调解员向双方宣讲《工资支付暂行规定》第九条：劳动关系解除时应一次付清劳动者工资。建议当日付清。",
            result="被申请人核对考勤后同意当日现金支付。",
        )
        story.at(moment(day, 11, 20)).act(
            case,
            "draft_agreement",
            as_claimed=True,
            facts="申请人于被申请人处工作三年，辞职离厂，被申请人尚欠其工资2300元。",
            terms="被申请人于今日一次性以现金支付申请人工资2300元，双方劳动关系及工资争议就此了结。",
            performance_method="现金当场支付",
            performance_due_on=day.isoformat(),
        )
        story.at(moment(day, 11, 40)).act(case, "sign_agreement", **signed(day))
        story.at(moment(day, 12, 5)).act(
            case, "record_payment", all=True, method=Payment.Method.CASH
        )
        appeal_services.work_order_transition(
            actor=handler,
            order=order,
            action="reply",
            payload={
                "reply": "经园区工会调解，厂方已当场现金支付拖欠工资2300元。",
                "solved": "1",
                "amount_recovered": "2300",
                "workers_benefited": "1",
            },
        )
    return case


def _pulandian_roster(rng: random.Random) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """23 workers (5 elected representatives) and their claims: one or two months' wages,
    pay for five unused days of annual leave (200% more, 21.75 days a month) and severance of
    a month's wage per year of service (two or three years). The agreed amounts, trimmed on severance, total
    exactly 463,000.00 — the sum paid on the spot."""
    workers, claims = [], []
    for i in range(23):
        wage = Decimal(rng.choice((4200, 4500, 4800, 5200, 5600, 6000)))
        born = date(rng.randint(1968, 1995), rng.randint(1, 12), rng.randint(1, 28))
        workers.append(
            {
                "role": "worker",
                "name": person(rng),
                "phone": phone(rng),
                "gender": rng.choice("MF"),
                "id_number": id_number(rng, "210282", born),
                "occupation": rng.choice(("车工", "铣工", "焊工", "装配工", "仓管员")),
                "is_representative": i < 5,
            }
        )
        leave = (wage / Decimal("21.75") * 5 * 2).quantize(CENT)
        for kind, amount in (
            ("wages", wage * rng.choice((1, 2))),
            ("annual_leave", leave),
            ("severance", wage * rng.randint(2, 3)),
        ):
            claims.append(
                {"worker": i + 1, "type": kind, "amount_claimed": str(amount.quantize(CENT))}
            )
    return workers, claims


def _trim_to(claims: list[Any], total: Decimal) -> dict[int, Decimal]:
    """Agreed amounts: as claimed, less an even cut on severance so they sum to `total`."""
    agreed = {c.pk: c.amount_claimed for c in claims}
    cut = sum(agreed.values()) - total
    severance = [c for c in claims if c.type == "severance"]
    share = (cut / len(severance)).quantize(CENT, rounding="ROUND_DOWN")
    for claim in severance:
        agreed[claim.pk] -= share
    agreed[severance[-1].pk] -= sum(agreed.values()) - total
    return agreed


@transaction.atomic
def pulandian_collective(
    *, day: date, users: dict[str, User], orgs: dict[str, OrgUnit]
) -> MediationCase:
    """23 workers of one machinery company; the district union mediates with the HR bureau,
    the arbitration committee and the court (连众调); 9 settle first, the other 14 in the
    arbitration hearing; the employer's '自动离职' registration is corrected."""
    rng = random.Random(463000)
    mediator, clerk = (
        users["pld_supervisor"],
        {u: users[u] for u in ("pld_hr", "pld_arb", "pld_court")},
    )
    workers, claims = _pulandian_roster(rng)
    with time_machine.travel(moment(day, 9, 30), tick=False) as clock:
        story = Story(clock, mediator)
        case = services.dispute_open(
            actor=mediator,
            org=orgs["PLD"],
            data={
                "kind": "collective",
                "source": "written",
                "application_form": "written",
                "requests": "请求被申请人支付拖欠工资、未休年休假工资和解除劳动合同的经济补偿金，并更正“自动离职”的离职登记。",
                "facts": "被申请人自去年起拖欠工资二至三个月，职工依法解除劳动合同后，被申请人将职工登记为“自动离职”，致使职工无法申领失业保险金。",
                "evidence": "工资条、考勤记录、银行流水、解除劳动合同通知书、社保离职登记截图",
                "parties": [
                    {
                        "role": "employer",
                        "name": "大连恒通机械制造有限公司",
                        "legal_rep_name": "高振海",
                        "legal_rep_title": "董事长",
                        "address": "大连市普兰店区丰荣街道",
                    },
                    *workers,
                ],
                "claims": claims,
            },
        )
        nxt = day + timedelta(days=1)
        story.at(moment(nxt, 9)).act(case, "accept", mediators=["pld_supervisor", "pld_dispatcher"])
        for code, role in (
            ("PLD-HRSS", "joint_mediator"),
            ("PLD-ARB", "arbitration_link"),
            ("PLD-COURT", "court_link"),
        ):
            story.act(case, "join_agency", agency=code, agency_role=role)
        story.at(moment(nxt, 10)).act(
            case,
            "record_separation",
            recorded_reason="absconded",
            lawful_reason="worker_art38",
            evidence="欠薪期间的工资条与银行流水；职工书面解除通知（以拖欠劳动报酬为由，劳动合同法第三十八条）",
            hr_bureau="PLD-HRSS",
        )
        story.at(moment(day + timedelta(days=3), 14)).act(
            case,
            "record_session",
            place="普兰店区职工服务中心调解室",
            attendees="职工代表5人；被申请人法定代表人高振海；区人社局、区劳动人事争议仲裁委员会、区人民法院派员",
            statements="职工代表：拖欠工资二至三个月，要求一并支付年休假工资和经济补偿。被申请人：资金紧张，愿分批解决。",
            proposals="联合调解组：欠薪和年休假工资全额支付，经济补偿金适当协商。",
            mediator_names="王德胜、刘春梅（区总工会）；人社、仲裁、法院联合调解员",
        )
        first_nine = [p.pk for p in case.parties.filter(role="worker").order_by("id")[:9]]
        settle = day + timedelta(days=8)
        story.at(moment(settle, 10)).act(
            case,
            "record_session",
            place="普兰店区职工服务中心调解室",
            attendees="职工9人及代表；被申请人；联合调解组",
            statements="9名职工同意联合调解组的方案，其余14名职工要求通过仲裁解决。",
            result="9名职工达成协议。",
        )
        agreed = _trim_to(list(case.claims.all()), Decimal("463000.00"))
        in_mediation = {
            pk: str(a)
            for pk, a in agreed.items()
            if pk in set(case.claims.filter(worker_id__in=first_nine).values_list("pk", flat=True))
        }
        story.at(moment(settle, 11)).act(
            case,
            "draft_agreement",
            workers=first_nine,
            amounts=in_mediation,
            facts="被申请人拖欠申请人工资，未安排年休假，职工因被申请人拖欠劳动报酬解除劳动合同。",
            terms="被申请人于协议签订当日向9名申请人一次性支付拖欠工资、未休年休假工资及经济补偿金（明细见附表），并为其出具解除劳动合同证明、更正离职原因。",
            performance_method="银行转账，当场支付",
            performance_due_on=settle.isoformat(),
            waived_claims="申请人放弃经济补偿金超出本协议部分的请求",
        )
        story.at(moment(settle, 15)).act(case, "sign_agreement", **signed(settle))
        story.at(moment(settle, 16)).act(case, "record_payment", all=True)
        Story(clock, clerk["pld_hr"]).act(
            case, "agency_sign_off", agency="PLD-HRSS", note="同意调解方案，督促企业出具解除证明。"
        )
        the_rest = [p.pk for p in case.parties.filter(role="worker").order_by("id")[9:]]
        story.at(moment(settle + timedelta(days=2), 9)).act(
            case,
            "handover",
            kind="arbitration",
            agency="PLD-ARB",
            workers=the_rest,
            documents="调解申请书、调解笔录、工资条及考勤记录",
            reference_no=f"普劳人仲案字〔{settle.year}〕第87号",
        )
        separation = case.separations.get()
        story.at(moment(settle + timedelta(days=4), 10)).act(
            case,
            "separation_notice",
            separation=separation.pk,
            notice_sent_on=(settle + timedelta(days=4)).isoformat(),
        )
        hearing = settle + timedelta(days=22)
        handover = case.handovers.get()
        story.at(moment(hearing, 15)).act(
            case,
            "handover_outcome",
            handover=handover.pk,
            outcome="settled",
            outcome_on=hearing.isoformat(),
            amounts={pk: str(agreed[pk]) for pk in handover.claims.values_list("pk", flat=True)},
            note="仲裁庭审中经仲裁委、法院和区总工会联合调解，14名职工与企业达成调解，当庭支付。",
        )
        story.at(moment(hearing, 16)).act(case, "record_payment", all=True)
        Story(clock, clerk["pld_arb"]).act(
            case, "agency_sign_off", agency="PLD-ARB", note="仲裁庭审中调解结案。"
        )
        Story(clock, clerk["pld_court"]).act(
            case, "agency_sign_off", agency="PLD-COURT", note="同意，可申请司法确认。"
        )
        story.at(moment(hearing + timedelta(days=3), 10)).act(
            case,
            "separation_corrected",
            separation=separation.pk,
            corrected_on=(hearing + timedelta(days=3)).isoformat(),
        )
    return case
