"""Handling deadlines from the admins' per-org rules and the Chinese working-day calendar."""

import logging
from datetime import datetime, time, timedelta

from django.utils import timezone

from tongxin.appeals.models import DeadlineRule, WorkOrder
from tongxin.core.refcache import RefCache
from tongxin.orgs.models import OrgUnit
from tongxin.workdays.calendar import add_working_days

logger = logging.getLogger(__name__)

# Used only if an admin deleted every rule; the seed migration creates a global rule set.
_LAST_RESORT = DeadlineRule(accept_working_days=1, finish_working_days=5, urgent_accept_hours=1)


def _rules_in_order() -> list[tuple[str, DeadlineRule]]:
    """Every rule with its org's path ('' for global ones), read once per process (refcache)."""
    rules = DeadlineRule.objects.select_related("org")
    return [(r.org.path if r.org else "", r) for r in rules]


RULES = RefCache("deadline-rules", _rules_in_order)


def rule_for(*, org: OrgUnit, nature: str, difficulty: str, on: datetime) -> DeadlineRule:
    """The most specific rule in force on `on`: nearest org, then nature, then difficulty.
    A rule applies to its org's subtree, so its org's path is a prefix of `org.path`."""
    day = timezone.localdate(on)
    candidates = [
        (path.count("/"), bool(r.nature), bool(r.difficulty), r.effective_from, r)
        for path, r in RULES.get()
        if org.path.startswith(path)
        and r.nature in ("", nature)
        and r.difficulty in ("", difficulty)
        and r.effective_from <= day
        and (r.effective_to is None or r.effective_to >= day)
    ]
    if not candidates:
        logger.error("No deadline rule for org %s; using the last-resort limits.", org.code)
        return _LAST_RESORT
    return max(candidates, key=lambda c: c[:4])[-1]


def end_of_day(day: object) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(23, 59, 59)))  # type: ignore[arg-type]


def finish_due(*, order: WorkOrder, start: datetime) -> datetime:
    """End of the N-th working day after `start` for the order's org, nature and difficulty."""
    rule = rule_for(
        org=order.assigned_org, nature=order.nature, difficulty=order.difficulty, on=start
    )
    return end_of_day(add_working_days(timezone.localdate(start), rule.finish_working_days))


def accept_due(*, order: WorkOrder, start: datetime) -> datetime:
    """签收 deadline: same-hour for group wage arrears, else end of the N-th working day."""
    rule = rule_for(
        org=order.assigned_org, nature=order.nature, difficulty=order.difficulty, on=start
    )
    if order.is_group and order.wage_arrears:
        return start + timedelta(hours=rule.urgent_accept_hours)
    return end_of_day(add_working_days(timezone.localdate(start), rule.accept_working_days))


def extend_due(*, due: datetime, working_days: int) -> datetime:
    return end_of_day(add_working_days(timezone.localdate(due), working_days))
