"""What the demo stories share: acting on a case at a given moment, and invented people."""

import random
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.utils import timezone
from stdnum.cn import ric

from tongxin.appeals import services as appeal_services
from tongxin.appeals.models import WorkOrder
from tongxin.disputes import services
from tongxin.disputes.models import MediationCase
from tongxin.orgs.models import OrgUnit

WORK_ORDER_KEY = "demo-dispute-"  # the appeals demo's prefix: `seed_demo --reset` wipes them
CENT = Decimal("0.01")

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志宏海波斌鹏辉飞"
# How the spread of cases ends, with weights.


class NotYet(Exception):
    """The story's next step lies in the future: the case stays where it is."""


class Story:
    """Acting on one case at given moments, as one mediator, never past `until`."""

    def __init__(self, clock: Any, actor: User, until: datetime | None = None) -> None:
        self.clock, self.actor, self.until = clock, actor, until

    def at(self, moment: datetime) -> "Story":
        if self.until is not None and moment > self.until:
            raise NotYet
        self.clock.move_to(moment)
        return self

    def act(self, case: MediationCase, action: str, **payload: Any) -> MediationCase:
        return services.dispute_transition(
            actor=self.actor, case=case, action=action, payload=payload
        )


def moment(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def phone(rng: random.Random) -> str:
    return f"1{rng.choice('35789')}{rng.randrange(10**9):09d}"


def id_number(rng: random.Random, region: str, born: date) -> str:
    body = f"{region}{born:%Y%m%d}{rng.randrange(1000):03d}"
    return body + ric.calc_check_digit(body + "0")  # the function wants a placeholder digit


def signed(day: date) -> dict[str, str]:
    keys = ("workers_signed_on", "employer_signed_on", "mediator_signed_on", "sealed_on")
    return dict.fromkeys(keys, day.isoformat())


def appeal(org: OrgUnit, key: str, data: dict[str, Any]) -> WorkOrder:
    order, _created = appeal_services.work_order_submit(
        actor=None, org=org, channel=WorkOrder.Channel.QR, data=data, idempotency_key=key
    )
    return order
