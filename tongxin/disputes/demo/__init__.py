"""Demo mediation cases for `seed_demo`, built through the services at the times they happen
(time-travelled): the two stories as they happened — the Quanzhou tea-table case settled in
three hours for 2,300 yuan, and the Pulandian collective case of 23 workers, settled jointly
with the HR bureau, the arbitration committee and the court, 463,000 yuan paid — and a spread
of ordinary cases over the past year. People and phone numbers are invented."""

import random
from collections.abc import Callable
from datetime import timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from tongxin.disputes.demo.spread import ENDINGS, spread_case
from tongxin.disputes.demo.stories import pulandian_collective, quanzhou_tea_table
from tongxin.disputes.models import Claim, Handover, MediationCase, Payment
from tongxin.orgs.models import OrgUnit, PartnerAgency
from tongxin.orgs.services import agency_staff_create

AGENCY_CLERKS = [
    ("pld_arb", "王立新", "PLD-ARB"),
    ("pld_court", "赵敏", "PLD-COURT"),
    ("pld_hr", "孙伟", "PLD-HRSS"),
]


def _ensure_clerks(users: dict[str, User]) -> None:
    for username, full_name, code in AGENCY_CLERKS:
        if username not in users:
            post = agency_staff_create(
                actor=None,
                username=username,
                agency=PartnerAgency.objects.get(code=code),
                full_name=full_name,
            )
            users[username] = post.user


@transaction.atomic
def seed_disputes(
    *, spread: int, seed: int, progress: Callable[[int, int], None]
) -> list[MediationCase]:
    """The two stories and `spread` ordinary cases over the past year; skipped cases whose
    desk is missing. Returns the cases made."""
    users = {u.username: u for u in User.objects.all()}
    orgs = {o.code: o for o in OrgUnit.objects.all()}
    _ensure_clerks(users)
    now = timezone.now()
    today = timezone.localdate()
    rng = random.Random(seed)
    made = [
        pulandian_collective(day=today - timedelta(days=130), users=users, orgs=orgs),
        quanzhou_tea_table(day=today - timedelta(days=47), users=users, orgs=orgs),
    ]
    endings = [e for e, w in ENDINGS for _ in range(w)]
    for n in range(spread):
        ending = rng.choice(endings)
        open_ = ending in ("applied", "accepted", "in_mediation")
        age = rng.randint(1, 20) if open_ else rng.randint(25, 360)
        received = today - timedelta(days=age)
        made.append(spread_case(rng, n, received, ending, users, orgs, now))
        progress(n + 1, spread)
    return list(MediationCase.objects.filter(pk__in=[c.pk for c in made]))


@transaction.atomic
def wipe_demo_disputes() -> int:
    """Delete every mediation case (the demo database's). Payments protect claims, and claims
    and handovers protect agreements, so they go first."""
    Payment.objects.all().delete()
    Claim.objects.all().delete()
    Handover.objects.all().delete()
    count, _rows = MediationCase.objects.all().delete()
    return count
