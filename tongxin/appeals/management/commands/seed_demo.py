"""`manage.py seed_demo`: the demo union tree, partner agencies, staff and a year of appeals.

Every appeal is taken in and moved through its life by the real services (work_order_submit,
work_order_transition, work_order_rate), each step under a frozen clock at the moment it
"happened", so timelines, deadlines, overdue flags and indicators are genuine. Random choices
come from a seeded generator per order, so the demo is the same on every machine.
Safe to re-run: if the demo is there it only says so; `--reset` rebuilds the demo appeals.
"""

import random
import secrets
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from unittest import mock

import time_machine
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

from tongxin.appeals import deadlines, services
from tongxin.appeals import demo_data as data
from tongxin.appeals.models import Difficulty, Nature, WorkOrder
from tongxin.core.exceptions import ApplicationError
from tongxin.disputes.demo import seed_disputes, wipe_demo_disputes
from tongxin.disputes.models import MediationCase
from tongxin.orgs.models import OrgUnit, PartnerAgency, StaffRole
from tongxin.orgs.services import org_upsert, staff_create
from tongxin.workdays import calendar
from tongxin.workdays.models import CalendarOverride

S = WorkOrder.Status
C = WorkOrder.Channel
SAT = WorkOrder.Satisfaction
KEY_PREFIX = "demo-"
BATCH = 100
RUNNING = frozenset(WorkOrder.RUNNING_STATUSES)
GOOD_RESULTS = ((SAT.SATISFIED, 84), (SAT.BASICALLY_SATISFIED, 10), (SAT.UNREACHABLE, 6))
GOOD_RATINGS = ((SAT.SATISFIED, 80), (SAT.BASICALLY_SATISFIED, 20))

# Final status weights by the appeal's age in days: recent appeals are still open, older ones
# are mostly closed; a few old ones stay open so the 督办 board has rows.
STATUS_BY_AGE: list[tuple[float, dict[str, float]]] = [
    (
        1,
        {
            S.NEW: 24,
            S.DISPATCHED: 18,
            S.RETURNED: 4,
            S.ACCEPTED: 12,
            S.IN_PROGRESS: 10,
            S.ANSWERED_DIRECTLY: 16,
            S.REPLIED: 6,
            S.INVALID: 4,
            S.MERGED: 3,
        },
    ),
    (
        3,
        {
            S.NEW: 2,
            S.DISPATCHED: 6,
            S.RETURNED: 3,
            S.ACCEPTED: 8,
            S.IN_PROGRESS: 24,
            S.EXTENSION_REQUESTED: 2,
            S.TRANSFERRED_EXTERNAL: 4,
            S.REPLIED: 16,
            S.REVISITED: 4,
            S.REOPENED: 2,
            S.ANSWERED_DIRECTLY: 15,
            S.CLOSED: 8,
            S.INVALID: 3,
            S.MERGED: 3,
        },
    ),
    (
        12,
        {
            S.DISPATCHED: 1,
            S.ACCEPTED: 2,
            S.IN_PROGRESS: 14,
            S.EXTENSION_REQUESTED: 4,
            S.TRANSFERRED_EXTERNAL: 6,
            S.REPLIED: 4,
            S.REVISITED: 4,
            S.REOPENED: 3,
            S.ANSWERED_DIRECTLY: 14,
            S.CLOSED: 42,
            S.INVALID: 3,
            S.MERGED: 3,
        },
    ),
    (
        45,
        {
            S.DISPATCHED: 0.4,
            S.ACCEPTED: 0.3,
            S.IN_PROGRESS: 2.5,
            S.EXTENSION_REQUESTED: 0.8,
            S.TRANSFERRED_EXTERNAL: 2.5,
            S.REPLIED: 0.3,
            S.REVISITED: 0.5,
            S.REOPENED: 1,
            S.ANSWERED_DIRECTLY: 14,
            S.CLOSED: 72,
            S.INVALID: 3,
            S.MERGED: 3,
        },
    ),
    (
        10_000,
        {
            S.IN_PROGRESS: 0.25,
            S.TRANSFERRED_EXTERNAL: 0.6,
            S.REOPENED: 0.15,
            S.ANSWERED_DIRECTLY: 16,
            S.CLOSED: 76,
            S.INVALID: 3,
            S.MERGED: 3,
        },
    ),
]
# Statuses that only a recent appeal should be in, when one is forced in for coverage.
OPEN_FINAL = {s for s in S.values if s not in (S.CLOSED, S.ANSWERED_DIRECTLY, S.MERGED, S.INVALID)}
CHANNELS = {  # intake channel weights for appeals that go through handling
    C.HOTLINE: 45,
    C.QR: 20,
    C.APP: 10,
    C.TRANSFER: 8,
    C.WALK_IN: 8,
    C.REFERRAL: 6,
    C.LETTER: 3,
}


def _pick(rng: random.Random, weights: dict[Any, float] | tuple[tuple[Any, float], ...]) -> Any:
    items = list(weights.items()) if isinstance(weights, dict) else list(weights)
    return rng.choices([k for k, _ in items], [w for _, w in items])[0]


@dataclass
class Step:
    action: str  # a workflow action, "rate" (the worker's own rating) or "chase" (urge/supervise)
    actor: str | None
    payload: dict[str, Any] = field(default_factory=dict)
    delay: float = 1.0  # minutes after the previous step
    office: bool = True  # staff steps move into office hours
    tail: bool = False  # somewhere between the previous step and now; dropped if no room


@dataclass
class Route:
    region: data.Region
    county: data.County
    channel: str
    intake: str
    submit_actor: str | None
    hops: list[tuple[str, str]]  # (dispatcher, target org) down the tree
    handler_org: str
    handler: str
    wrong: tuple[str, str] | None  # a sibling (org, handler) to mis-route to, for 退单


@dataclass
class Plan:
    index: int
    status: str
    received: datetime
    route: Route
    data: dict[str, Any]
    steps: list[Step]


class Planner:
    """Decides, for appeal number i, its story: where it came in, what it says, every step."""

    def __init__(self, *, seed: int, total: int, now: datetime, org_names: dict[str, str]):
        self.seed, self.total, self.now = seed, total, now
        self.org_names = org_names
        self.counties = [(r, c) for r in data.REGIONS for c in r.counties]
        self.ages = self._ages()
        self.statuses = self._statuses()

    # -- the whole set ------------------------------------------------------------------
    def _ages(self) -> list[float]:
        """Ages in days, oldest first: growing use over the year, busier before 春节."""
        rng = random.Random(f"{self.seed}:ages")
        ages: list[float] = []
        while len(ages) < self.total:
            age = rng.uniform(0.02, 365)
            day = self.now - timedelta(days=age)
            weight = 0.6 + 0.8 * (1 - age / 365) + (0.5 if day.month in (1, 12) else 0)
            if age < 14:
                weight += 0.6
            if rng.uniform(0, 2.6) < weight:
                ages.append(age)
        return sorted(ages, reverse=True)

    def _statuses(self) -> list[str]:
        statuses = []
        for i, age in enumerate(self.ages):
            rng = random.Random(f"{self.seed}:{i}:status")
            table = next(t for limit, t in STATUS_BY_AGE if age < limit)
            statuses.append(_pick(rng, table))
        # Every status appears at least once, even in a tiny demo: take the missing ones
        # from the commonest status, recent appeals for open statuses, old for the rest.
        for status in S.values:
            if status in statuses:
                continue
            counts = Counter(statuses)
            recent_first = (
                status in OPEN_FINAL or status == S.MERGED
            )  # merging needs an earlier one
            indexes = range(len(statuses) - 1, -1, -1) if recent_first else range(len(statuses))
            donor = next((i for i in indexes if counts[statuses[i]] > 1), None)
            if donor is not None:
                statuses[donor] = status
        return statuses

    # -- one appeal ----------------------------------------------------------------------
    def plan(self, i: int) -> Plan:
        rng = random.Random(f"{self.seed}:{i}")
        status = self.statuses[i]
        received = self._received(rng, self.ages[i])
        region, county = _pick(rng, tuple(((r, c), c.weight) for r, c in self.counties))
        channel = self._channel(rng, status, county)
        route = self._route(rng, region, county, channel)
        scenario, k = self._scenario(rng, status)
        values, ctx = self._details(rng, route, scenario, k, received)
        life = Life(rng, route, scenario, k, ctx, values)
        life.build(status)
        return Plan(i, status, received, route, values, life.steps)

    def _received(self, rng: random.Random, age: float) -> datetime:
        at = timezone.localtime(self.now - timedelta(days=age))
        if not 7 <= at.hour < 22:  # few appeals come in at night
            at = at.replace(hour=rng.randint(8, 20), minute=rng.randint(0, 59))
            if at >= self.now:
                at -= timedelta(days=1)
        return at

    def _channel(self, rng: random.Random, status: str, county: data.County) -> str:
        if status == S.ANSWERED_DIRECTLY:
            return C.WALK_IN if county.dispatcher and rng.random() < 0.2 else C.HOTLINE
        if status in (S.INVALID, S.MERGED):
            return _pick(rng, {C.HOTLINE: 70, C.APP: 15, C.QR: 15})
        if status in (S.DISPATCHED, S.RETURNED):  # needs a route with a dispatch
            return _pick(rng, {C.HOTLINE: 60, C.TRANSFER: 15, C.APP: 15, C.LETTER: 5})
        return _pick(rng, CHANNELS)

    def _route(
        self, rng: random.Random, region: data.Region, county: data.County, channel: str
    ) -> Route:
        handler_org = rng.choice(list(county.handlers))
        hops: list[tuple[str, str]] = []
        submit: str | None
        if channel == C.QR:
            intake = rng.choice(list(county.qr_points))
            handler_org, submit = county.qr_points[intake], None
        elif channel == C.REFERRAL:  # a 劳动关系信息员 reports to the town union
            intake, submit = handler_org, county.handlers[handler_org]
        elif channel == C.WALK_IN:  # the county's 职工服务中心
            intake = county.code
            submit = county.dispatcher or county.handlers[handler_org]
            if county.dispatcher:
                hops = [(county.dispatcher, handler_org)]
        else:  # the city hotline and platforms: down level by level
            intake = region.city
            submit = None if channel == C.APP else rng.choice(region.operators)
            hops = [(region.dispatcher, county.code)]
            if county.dispatcher:
                hops.append((county.dispatcher, handler_org))
        if county.dispatcher:
            siblings = [(o, h) for o, h in county.handlers.items() if o != handler_org]
        else:
            siblings = [
                (c.code, c.handlers[c.code])
                for c in region.counties
                if not c.dispatcher and c.code != county.code
            ]
        return Route(
            region=region,
            county=county,
            channel=channel,
            intake=intake,
            submit_actor=submit,
            hops=hops,
            handler_org=handler_org,
            handler=county.handlers[handler_org],
            wrong=rng.choice(siblings) if siblings and hops else None,
        )

    def _scenario(self, rng: random.Random, status: str) -> tuple[data.Scenario, int]:
        pool = [s for s in data.SCENARIOS if s.direct or status != S.ANSWERED_DIRECTLY]
        if status != S.ANSWERED_DIRECTLY:
            pool = [s for s in pool if s.nature != Nature.PRAISE]
        scenario = rng.choices(pool, [s.weight for s in pool])[0]
        return scenario, rng.randrange(len(scenario.texts))

    def _details(
        self,
        rng: random.Random,
        route: Route,
        scenario: data.Scenario,
        k: int,
        received: datetime,
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        intake_name = self.org_names[route.intake]
        employer = (
            intake_name.removesuffix("工会")
            if intake_name.endswith("公司工会")
            else rng.choice(route.county.employers)
        )
        lo, hi = scenario.workers
        workers = rng.randint(lo, hi) if lo > 1 or rng.random() < 0.25 else 1
        per_worker = (
            rng.randrange(scenario.amount[0], scenario.amount[1] + 1, 100) if scenario.amount else 0
        )
        ctx = {
            "employer": employer,
            "job": rng.choice(data.JOBS),
            "months": rng.randint(2, 6),
            "month": (received.month - 2) % 12 + 1,
            "days": rng.randint(10, 40),
            "years": rng.randint(2, 12),
            "rate": rng.randint(12, 18),
            "hours": rng.randint(60, 110),
            "n": workers,
            "amount": per_worker,
            "total": per_worker * workers,
            "city": route.region.city_name,
            "place": self._place(route.handler_org),
            "handler_org": self.org_names[route.handler_org],
        }
        staffed = route.channel not in (C.QR, C.APP)
        anonymous = rng.random() < 0.06
        values: dict[str, Any] = {
            "description": scenario.texts[k].format(**ctx),
            "phone": rng.choice(data.MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}",
            "name": "" if anonymous else rng.choice(data.SURNAMES) + rng.choice(data.GIVEN),
            "anonymous": anonymous,
            "employer_name": "" if scenario.nature == Nature.CONSULT else employer,
            "workers_involved": workers,
            "amount_claimed": per_worker * workers or "",
            "wage_arrears": scenario.wage_arrears,
            "emergency": workers >= 30 and rng.random() < 0.5,
        }
        if staffed:  # the operator classifies on the call; the public forms leave it to staff
            values["nature"] = scenario.nature
            values["category"] = self._category(scenario, k)
        return values, ctx

    def _place(self, org_code: str) -> str:
        if org_code in data.AGENCY_COUNTIES:
            return data.AGENCY_COUNTIES[org_code]
        return self.org_names[org_code].removesuffix("工会")

    @staticmethod
    def _category(scenario: data.Scenario, k: int) -> str:
        return scenario.categories[k] if scenario.categories else scenario.category


class Life:
    """The steps from intake to the planned final status, with realistic delays."""

    def __init__(
        self,
        rng: random.Random,
        route: Route,
        scenario: data.Scenario,
        k: int,
        ctx: dict[str, Any],
        values: dict[str, Any],
    ):
        self.rng, self.route, self.scenario, self.k = rng, route, scenario, k
        self.ctx, self.values = ctx, values
        self.steps: list[Step] = []
        self.difficulty = Difficulty.values[rng.choices(range(3), scenario.difficulty)[0]]
        self.urgent = values["workers_involved"] >= 10 and scenario.wage_arrears
        self.operator = rng.choice(route.region.operators)
        self.supervisor = route.county.supervisor
        self.agencies = [a for t in scenario.transfer if (a := self._agency(t))]

    def add(self, action: str, actor: str | None, lo: float, hi: float, **kw: Any) -> None:
        self.steps.append(
            Step(action, actor, kw.pop("payload", {}), self.rng.uniform(lo, hi), **kw)
        )

    def _agency(self, agency_type: str) -> tuple[str, str] | None:
        county = self.route.county.code
        for code, name, kind, org, _contact in data.EXTRA_AGENCIES:
            if kind == agency_type and org == county and self.rng.random() < 0.5:
                return code, name
        for suffix, name, kind, _contact in data.AGENCY_KINDS:
            if kind == agency_type:
                return f"{county}-{suffix}", data.AGENCY_COUNTIES[county] + name
        return None

    # -- the story ------------------------------------------------------------------------
    def build(self, final: str) -> None:
        rng = self.rng
        if final == S.NEW:
            return
        if final == S.INVALID:
            self.add(
                "invalidate", self.operator, 3, 90, payload={"note": rng.choice(data.INVALID_NOTES)}
            )
            return
        if final == S.MERGED:
            self.add(
                "merge", self.operator, 3, 90, payload={"note": "同一职工重复反映，合并办理。"}
            )
            return
        if final == S.ANSWERED_DIRECTLY or (
            final == S.CLOSED and self.scenario.direct and self._revisiter() and rng.random() < 0.5
        ):
            self._answer_directly(final)
            return
        self._classify()
        self._route_down(final)
        if final == S.DISPATCHED:
            self._chase_tail()
        if final in (S.DISPATCHED, S.RETURNED):
            return
        self._accept()
        if final == S.ACCEPTED:
            self._chase_tail()
            return
        mode = rng.choice(("revisit", "rate", "after_close")) if final == S.REOPENED else ""
        cycle = rng.choice(("revisit", "rate")) if final == S.CLOSED and rng.random() < 0.05 else ""
        if not self._handle(final):
            self._chase_tail()
            return
        self._reply()
        if final == S.REPLIED:
            if rng.random() < 0.3:
                self._rate(_pick(rng, GOOD_RATINGS))
            return
        if "rate" in (mode, cycle):
            self._rate(SAT.UNSATISFIED)
            if mode:
                self._chase_tail()
                return
            self._redo()
        elif rng.random() < 0.35:
            self._rate(_pick(rng, GOOD_RATINGS))
        if "revisit" in (mode, cycle):
            self._revisit(SAT.UNSATISFIED)
            if mode:
                self._chase_tail()
                return
            self._redo()
        self._revisit(_pick(rng, GOOD_RESULTS))
        if final == S.REVISITED:
            return
        self.add("close", self.operator, 5, 120)
        if mode == "after_close":
            self.add(
                "reopen",
                self.supervisor,
                2 * 1440,
                15 * 1440,
                payload={"note": rng.choice(data.REOPEN_NOTES)},
            )
            self._chase_tail()

    def _revisiter(self) -> str | None:
        others = [o for o in self.route.region.operators if o != self._answerer()]
        return others[0] if others else None

    def _answerer(self) -> str:
        if self.route.channel == C.WALK_IN and self.route.county.dispatcher:
            return self.route.county.dispatcher
        return self.operator

    def _answer_directly(self, final: str) -> None:
        self._classify(actor=self._answerer())
        self.add(
            "answer_directly",
            self._answerer(),
            4,
            25,
            payload={"reply": self.scenario.replies[self.k]},
            office=False,
        )
        if self.rng.random() < 0.3:
            self._rate(_pick(self.rng, GOOD_RATINGS))
        if final == S.CLOSED:
            self.add(
                "revisit",
                self._revisiter(),
                16 * 60,
                40 * 60,
                payload=self._revisit_payload(_pick(self.rng, GOOD_RESULTS)),
            )
            self.add("close", self._revisiter(), 5, 120)

    def _classify(self, actor: str | None = None) -> None:
        payload: dict[str, Any] = {}
        if "category" not in self.values:  # came in on a public form
            payload = {
                "category": Planner._category(self.scenario, self.k),
                "nature": self.scenario.nature,
            }
        if self.difficulty != Difficulty.NORMAL:
            payload["difficulty"] = self.difficulty
        if not payload:
            return
        route = self.route
        actor = actor or (route.hops[0][0] if route.hops else route.handler)
        self.add("classify", actor, 2, 30, payload=payload)

    def _route_down(self, final: str) -> None:
        route, rng = self.route, self.rng
        misroute = route.wrong is not None and (final == S.RETURNED or rng.random() < 0.04)
        hops = route.hops
        if final == S.DISPATCHED:
            hops = hops[: rng.randint(1, len(hops))]
        for n, (dispatcher, target) in enumerate(hops):
            lo, hi = (2, 15) if self.urgent else ((5, 90) if n == 0 else (10, 240))
            last = n == len(hops) - 1
            if last and misroute and route.wrong and final != S.DISPATCHED:
                wrong_org, wrong_handler = route.wrong
                self.add(
                    "dispatch",
                    dispatcher,
                    lo,
                    hi,
                    payload={"to_org": wrong_org},
                    office=not self.urgent,
                )
                self.add(
                    "return",
                    wrong_handler,
                    20,
                    600,
                    payload={"note": rng.choice(data.RETURN_NOTES)},
                )
                if final == S.RETURNED:
                    return
                lo, hi = 10, 120
            self.add(
                "dispatch", dispatcher, lo, hi, payload={"to_org": target}, office=not self.urgent
            )

    def _accept(self) -> None:
        late = self.rng.random() < 0.08
        if self.urgent:
            lo, hi = (70, 200) if late else (5, 50)
        else:
            lo, hi = (36 * 60, 72 * 60) if late else (20, 300)
        self.add("accept", self.route.handler, lo, hi, office=not self.urgent)

    def _handling_minutes(self) -> tuple[float, bool]:
        nature = self.scenario.nature
        if nature == Nature.CONSULT:
            days = (0.1, 1.8)
        elif nature == Nature.SUGGESTION:
            days = (2, 12)
        else:
            days = {"normal": (0.5, 5.5), "hard": (3, 16), "complex": (7, 32)}[self.difficulty]
        late = self.rng.random() < 0.1
        span = days[1] * self.rng.uniform(1.4, 2.0) if late else self.rng.uniform(*days)
        return span * 1440, late

    def _handle(self, final: str) -> bool:
        """start → (transfer, feedback) → (extension) → chase; False if the story ends here."""
        rng, route = self.rng, self.route
        span, late = self._handling_minutes()
        transfer = bool(self.agencies) and (final == S.TRANSFERRED_EXTERNAL or rng.random() < 0.12)
        extension = final == S.EXTENSION_REQUESTED or rng.random() < (
            0.25 if self.difficulty != Difficulty.NORMAL else 0.03
        )
        if final == S.TRANSFERRED_EXTERNAL and not self.agencies:
            self.agencies = [self._agency(PartnerAgency.Type.HR_BUREAU)]  # type: ignore[list-item]
            transfer = True
        # Simple matters often go straight from 签收 to 办结反馈.
        if transfer or extension or final == S.IN_PROGRESS or rng.random() < 0.5:
            self.add("start", route.handler, 10, 180)
        done = 0.0

        def at(fraction: float, action: str, actor: str | None, payload: dict[str, Any]) -> None:
            nonlocal done
            self.steps.append(Step(action, actor, payload, max(1.0, (fraction - done) * span)))
            done = fraction

        if transfer:
            code, name = rng.choice(self.agencies)  # type: ignore[misc]
            at(
                0.2,
                "transfer_external",
                route.handler,
                {"agency": code, "note": f"转{name}依法处理。"},
            )
            if final == S.TRANSFERRED_EXTERNAL:
                return False
            note = rng.choice(data.AGENCY_FEEDBACK_NOTES).format(agency=name)
            at(0.5, "agency_feedback", route.handler, {"note": note})
        if extension:
            days = rng.choice((5, 5, 10, 15))
            note = rng.choice(data.EXTENSION_NOTES)
            at(0.6, "request_extension", route.handler, {"note": note, "days": days})
            if final == S.EXTENSION_REQUESTED:
                return False
            if rng.random() < 0.85:
                at(0.65, "approve_extension", self.supervisor, {"note": "同意延期。"})
            else:
                at(
                    0.65,
                    "reject_extension",
                    self.supervisor,
                    {"note": "延期理由不充分，请按期办结。"},
                )
        if final == S.IN_PROGRESS:
            return False
        if late:
            at(0.85, "chase", None, self._chase_payload())
        self.steps.append(Step("reply-marker", None, {}, max(1.0, (1 - done) * span)))
        return True

    def _chase_payload(self) -> dict[str, Any]:
        return {"operator": self.operator, "supervisor": self.supervisor}

    def _chase_tail(self) -> None:
        self.steps.append(Step("chase", None, self._chase_payload(), tail=True))

    def _reply(self) -> None:
        rng, scenario, ctx = self.rng, self.scenario, dict(self.ctx)
        marker = self.steps.pop()  # the handling span ends with the reply
        payload: dict[str, Any] = {}
        if scenario.nature == Nature.SUGGESTION:
            adopted = _pick(rng, {"adopted": 35, "partly": 30, "not_adopted": 35})
            text = (
                rng.choice(data.SUGGESTION_NOT_ADOPTED)
                if adopted == "not_adopted"
                else scenario.replies[self.k]
            )
            payload["suggestion_adopted"] = adopted
        else:
            solved = not scenario.unsolved or rng.random() < 0.85
            total = self.values["amount_claimed"] or 0
            recovered = int(total * (1 if rng.random() < 0.7 else rng.uniform(0.5, 0.95)))
            ctx["recovered"] = recovered
            ctx["agency"] = self.agencies[0][1] if self.agencies else "劳动保障监察部门"
            if solved:
                text = scenario.replies[self.k] if scenario.paired else rng.choice(scenario.replies)
                if recovered and "{recovered}" in text:
                    payload["amount_recovered"] = recovered
                payload["workers_benefited"] = self.values["workers_involved"]
            else:
                text = rng.choice(scenario.unsolved)
            if scenario.nature in (Nature.REQUEST, Nature.COMPLAINT):
                payload["solved"] = "1" if solved else "0"
        payload["reply"] = text.format(**ctx)
        self.steps.append(Step("reply", self.route.handler, payload, marker.delay))

    def _rate(self, rating: str) -> None:
        comment = self.rng.choice(data.RATING_COMMENTS[rating])
        self.add(
            "rate", None, 30, 900, payload={"rating": rating, "comment": comment}, office=False
        )

    def _revisit_payload(self, result: str) -> dict[str, Any]:
        return {"result": result, "note": self.rng.choice(data.REVISIT_NOTES[result])}

    def _revisit(self, result: str) -> None:
        self.add("revisit", self.operator, 16 * 60, 40 * 60, payload=self._revisit_payload(result))

    def _redo(self) -> None:
        """重办: the handler signs for it again and replies anew."""
        self.add("accept", self.route.handler, 30, 1440)
        self.add("start", self.route.handler, 10, 120)
        self.steps.append(Step("reply-marker", None, {}, self.rng.uniform(1, 5) * 1440))
        self._reply()


def _office_hours(at: datetime, rng: random.Random) -> datetime:
    local = timezone.localtime(at)
    if local.hour < 8:
        return local.replace(hour=8, minute=rng.randint(0, 59))
    if local.hour >= 18:
        return (local + timedelta(days=1)).replace(hour=8, minute=rng.randint(0, 59))
    return local


def schedule(plan: Plan, limit: datetime) -> list[tuple[datetime, Step]]:
    """Absolute times for the plan's steps, all before `limit` (squeezed if need be)."""
    rng = random.Random(f"{plan.index}:clock")
    fixed = [s for s in plan.steps if not s.tail]
    timed: list[tuple[datetime, Step]] = []
    at = plan.received
    for step in fixed:
        at += timedelta(minutes=max(1.0, step.delay))
        if step.office:
            at = max(at, _office_hours(at, rng))
        timed.append((at, step))
    if timed and timed[-1][0] > limit:  # a recent appeal: the same story, faster
        room = (limit - plan.received).total_seconds() * 0.9
        total = sum(max(1.0, s.delay) for s in fixed) * 60
        at, timed = plan.received, []
        for step in fixed:
            at += timedelta(seconds=max(1.0, max(1.0, step.delay) * 60 * room / total))
            timed.append((at, step))
    last = timed[-1][0] if timed else plan.received
    for step in plan.steps:
        if step.tail and limit - last > timedelta(minutes=30):
            last = last + (limit - last) * rng.uniform(0.5, 0.95)
            timed.append((last, step))
    return timed


class Command(BaseCommand):
    help = "生成演示数据：工会组织树、协作部门、各岗位账号和近一年的诉求工单（可重复运行）。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--orders", type=int, default=3000, help="工单数量（默认 3000）")
        parser.add_argument("--reset", action="store_true", help="删除演示工单后重建")
        parser.add_argument(
            "--disputes", type=int, default=60, help="另生成的调解案件数量（默认 60）"
        )
        parser.add_argument("--seed", type=int, default=12351, help="随机种子（默认 12351）")
        parser.add_argument(
            "--force", action="store_true", help="在 DEBUG 关闭的环境中也运行（慎用）"
        )

    def handle(self, *args: Any, **o: Any) -> None:
        if not (settings.DEBUG or getattr(settings, "TESTING", False) or o["force"]):
            raise CommandError(
                "seed_demo 会创建公开密码的演示账号，只用于开发/演示环境（DEBUG=true）；"
                "确需运行请加 --force。"
            )
        total = o["orders"]
        if total < 0:
            raise CommandError("--orders 不能为负数。")
        demo = WorkOrder.objects.filter(idempotency_key__startswith=KEY_PREFIX)
        existing = demo.count()
        if existing and existing >= total and not o["reset"]:
            self.stdout.write(
                f"演示数据已存在（{existing} 条演示工单），跳过。"
                f"账号见 README，密码 {data.DEMO_PASSWORD}；重建请用 seed_demo --reset。"
            )
            self._disputes(count=o["disputes"], seed=o["seed"])
            return
        started = time.monotonic()
        if o["reset"]:
            wipe_demo_disputes()  # cases hold on to the work orders they came from
        if o["reset"] and existing:
            self._wipe(demo)
        with transaction.atomic():
            self._tree(reset=o["reset"])
        self._orders(total=total, seed=o["seed"])
        self._disputes(count=o["disputes"], seed=o["seed"])
        self._summary(time.monotonic() - started)

    def _disputes(self, *, count: int, seed: int) -> None:
        """The mediation stories and a spread of cases, once (they need the tree and staff)."""
        if MediationCase.objects.exists():
            return

        def progress(done: int, total: int) -> None:
            self.stdout.write(f"\r已生成调解案件 {done}/{total}", ending="")
            self.stdout.flush()

        cases = seed_disputes(spread=count, seed=seed, progress=progress)
        self.stdout.write("")
        counts = Counter(c.status for c in cases)
        labels = dict(MediationCase.Status.choices)
        self.stdout.write(
            "调解案件：" + "，".join(f"{labels[s]} {counts[s]}" for s in labels if counts[s])
        )

    # -- tree, agencies, people --------------------------------------------------------------
    def _wipe(self, demo: Any) -> None:
        with transaction.atomic():
            # Merged appeals point at their originals (PROTECT); delete them first.
            # only(): deleting must not decrypt phones (the key may have changed since).
            demo.filter(duplicate_of__isnull=False).only("id").delete()
            count, _ = demo.only("id").delete()
        self.stdout.write(f"已删除演示工单及其记录 {count} 条。")

    def _tree(self, *, reset: bool) -> None:
        orgs = {o.code: o for o in OrgUnit.objects.filter(code__in=[r[0] for r in data.ORGS])}
        for code, name, level, parent_code in data.ORGS:
            parent = orgs.get(parent_code) if parent_code else None
            org = orgs.get(code)
            if org is None or (org.name, org.level, org.parent_id) != (
                name,
                level,
                parent.pk if parent else None,
            ):
                org = org_upsert(actor=None, code=code, name=name, level=level, parent=parent)
            orgs[code] = org
        for county, place in data.AGENCY_COUNTIES.items():
            for suffix, name, kind, contact in data.AGENCY_KINDS:
                PartnerAgency.objects.get_or_create(
                    code=f"{county}-{suffix}",
                    defaults={
                        "name": place + name,
                        "type": kind,
                        "org": orgs[county],
                        "contact": contact,
                    },
                )
        for code, name, kind, county, contact in data.EXTRA_AGENCIES:
            PartnerAgency.objects.get_or_create(
                code=code,
                defaults={"name": name, "type": kind, "org": orgs[county], "contact": contact},
            )
        people = [*data.STAFF, (data.SUPERUSER, data.SUPERUSER_NAME, "ACFTU", StaffRole.Role.ADMIN)]
        new_users = []
        for username, full_name, code, role in people:
            if not StaffRole.objects.filter(
                user__username=username, org=orgs[code], role=role
            ).exists():
                new_users.append(username)
                staff_create(
                    actor=None, username=username, org=orgs[code], role=role, full_name=full_name
                )
        User.objects.filter(username=data.SUPERUSER).update(
            is_superuser=True, is_staff=True, first_name=data.SUPERUSER_NAME
        )
        reset_passwords = [p[0] for p in people] if reset else new_users
        if reset_passwords:
            # One hash for all: a demo password, and hashing 26 times would take seconds.
            User.objects.filter(username__in=reset_passwords).update(
                password=make_password(data.DEMO_PASSWORD)
            )

    # -- appeals ------------------------------------------------------------------------------
    def _orders(self, *, total: int, seed: int) -> None:
        now = timezone.now().replace(second=0, microsecond=0)
        limit = now - timedelta(minutes=2)
        names = dict(OrgUnit.objects.values_list("code", "name"))
        planner = Planner(seed=seed, total=total, now=now, org_names=names)
        self.orgs = {o.code: o for o in OrgUnit.objects.all()}
        self.users = {
            u.username: u for u in User.objects.filter(username__in=[p[0] for p in data.STAFF])
        }
        done = set(
            WorkOrder.objects.filter(idempotency_key__startswith=KEY_PREFIX).values_list(
                "idempotency_key", flat=True
            )
        )
        self.mismatched: list[tuple[int, str, str]] = []
        codes = _TrackingCodes()
        with mock.patch.object(services, "_tracking_code", codes), _memoized_lookups():
            for start in range(0, total, BATCH):
                with transaction.atomic():
                    for i in range(start, min(start + BATCH, total)):
                        key = f"{KEY_PREFIX}{i:05d}"
                        if key in done:
                            continue
                        plan = planner.plan(i)
                        codes.next = _code(random.Random(f"{seed}:{i}:code"))
                        try:
                            self._live(plan, key, limit)
                        except ApplicationError as exc:
                            raise CommandError(
                                f"工单 {key}（计划：{plan.status}）失败：{exc.message}"
                            ) from exc
                self.stdout.write(f"\r已生成 {min(start + BATCH, total)}/{total}", ending="")
                self.stdout.flush()
        if total:
            self.stdout.write("")

    def _live(self, plan: Plan, key: str, limit: datetime) -> None:
        route = plan.route
        values = dict(plan.data)
        steps = schedule(plan, limit)
        if plan.status == S.MERGED:
            target = self._merge_target(plan)
            if target is None:  # nothing earlier to merge into: a plain new appeal
                steps = []
            else:
                values.update(
                    description=f"（再次反映）{target.description}",
                    phone=target.phone,
                    name=target.requester_name,
                    employer_name=target.employer_name,
                )
                steps[0][1].payload["duplicate_of"] = target.tracking_code
        with time_machine.travel(plan.received, tick=False) as clock:
            order, _created = services.work_order_submit(
                actor=self.users.get(route.submit_actor or ""),
                org=self.orgs[route.intake],
                channel=route.channel,
                data=values,
                idempotency_key=key,
            )
            for at, step in steps:
                clock.move_to(at)
                order = self._step(order, step)
        if order.status != plan.status:
            self.mismatched.append((plan.index, plan.status, order.status))

    def _merge_target(self, plan: Plan) -> WorkOrder | None:
        city = self.orgs[plan.route.region.city]
        candidates = list(
            WorkOrder.objects.filter(
                idempotency_key__startswith=KEY_PREFIX,
                intake_org__path__startswith=city.path,
                received_at__lt=plan.received,
            )
            .exclude(status__in=(S.MERGED, S.INVALID))
            .order_by("-received_at")[:5]
        )
        return random.Random(f"{plan.index}:merge").choice(candidates) if candidates else None

    def _step(self, order: WorkOrder, step: Step) -> WorkOrder:
        if step.action == "rate":
            return services.work_order_rate(order=order, **step.payload)
        action, actor, payload = step.action, step.actor, step.payload
        if action == "chase":
            if order.status not in RUNNING:
                return order
            if order.is_overdue or order.is_accept_overdue:
                action, actor = "supervise", payload["supervisor"]
                payload = {"note": data.SUPERVISE_NOTES[0]}
            else:
                action, actor, payload = "urge", payload["operator"], {"note": "请加快办理。"}
        assert actor is not None
        return services.work_order_transition(
            actor=self.users[actor], order=order, action=action, payload=payload
        )

    # -- report ---------------------------------------------------------------------------------
    def _summary(self, seconds: float) -> None:
        demo = WorkOrder.objects.filter(idempotency_key__startswith=KEY_PREFIX)
        counts = Counter(demo.values_list("status", flat=True))
        labels = dict(S.choices)
        self.stdout.write(
            "工单状态：" + "，".join(f"{labels[s]} {counts[s]}" for s in S.values if counts[s])
        )
        if self.mismatched:
            self.stderr.write(
                f"注意：{len(self.mismatched)} 条工单未到达计划状态：{self.mismatched[:5]}"
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"演示数据已生成（{seconds:.1f} 秒）。登录账号（密码均为 {data.DEMO_PASSWORD}）："
            )
        )
        names = dict(OrgUnit.objects.values_list("code", "name"))
        roles = dict(StaffRole.Role.choices)
        rows = [(data.SUPERUSER, "中华全国总工会（/admin/ 超级用户）", roles[StaffRole.Role.ADMIN])]
        rows += [(u, names[code], roles[role]) for u, _n, code, role in data.STAFF]
        for username, org, role in rows:
            self.stdout.write(f"  {username:<16}{role:<8}{org}")


@contextmanager
def _memoized_lookups() -> Iterator[None]:
    """Deadline rules and calendar overrides cannot change during the run, so their
    per-call queries are memoized; deadlines are still computed by the deadlines module."""
    real_rule_for = deadlines.rule_for
    rules: dict[tuple[Any, ...], Any] = {}

    def rule_for(*, org: OrgUnit, nature: str, difficulty: str, on: datetime) -> Any:
        key = (org.pk, nature, difficulty, timezone.localdate(on))
        if key not in rules:
            rules[key] = real_rule_for(org=org, nature=nature, difficulty=difficulty, on=on)
        return rules[key]

    overrides = dict(CalendarOverride.objects.values_list("day", "is_working_day"))

    def overrides_between(start: Any, end: Any) -> dict[Any, bool]:
        return {day: on for day, on in overrides.items() if start <= day <= end}

    with (
        mock.patch.object(deadlines, "rule_for", rule_for),
        mock.patch.object(calendar, "_overrides", overrides_between),
    ):
        yield


class _TrackingCodes:
    """Stable tracking codes for demo orders, so docs and screenshots can quote them."""

    def __init__(self) -> None:
        self.next = ""

    def __call__(self) -> str:
        code, self.next = self.next, ""
        return code or "".join(secrets.choice(services.TRACKING_ALPHABET) for _ in range(10))


def _code(rng: random.Random) -> str:
    return "".join(rng.choice(services.TRACKING_ALPHABET) for _ in range(10))
