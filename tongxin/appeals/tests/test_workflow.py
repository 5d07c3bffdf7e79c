"""The work-order state machine: every action from every status, role rules, and side effects."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import User
from django.db import transaction

from tongxin.appeals import services
from tongxin.appeals.models import WorkOrder, WorkOrderEvent
from tongxin.appeals.tests.builders import REPLY, act, order_in
from tongxin.appeals.tests.factories import submit
from tongxin.appeals.workflow import TRANSITIONS, allowed_transitions
from tongxin.core.exceptions import ApplicationError
from tongxin.orgs.models import PartnerAgency, StaffRole

S = WorkOrder.Status
SH = ZoneInfo("Asia/Shanghai")
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=SH)  # a Monday
ALL_STATUSES = list(S.values)
OPEN = {
    S.NEW,
    S.DISPATCHED,
    S.RETURNED,
    S.ACCEPTED,
    S.IN_PROGRESS,
    S.EXTENSION_REQUESTED,
    S.TRANSFERRED_EXTERNAL,
    S.REOPENED,
}
RUNNING = {
    S.DISPATCHED,
    S.ACCEPTED,
    S.IN_PROGRESS,
    S.EXTENSION_REQUESTED,
    S.TRANSFERRED_EXTERNAL,
    S.REOPENED,
}

# The table, written out independently of workflow.py: action -> (sources, target).
# A target of None means the status stays as it was.
TABLE: dict[str, tuple[set[str], str | None]] = {
    "classify": (OPEN, None),
    "dispatch": ({S.NEW, S.RETURNED, S.DISPATCHED, S.ACCEPTED, S.REOPENED}, S.DISPATCHED),
    "answer_directly": ({S.NEW}, S.ANSWERED_DIRECTLY),
    "merge": ({S.NEW}, S.MERGED),
    "invalidate": ({S.NEW}, S.INVALID),
    "accept": ({S.NEW, S.DISPATCHED, S.REOPENED}, S.ACCEPTED),
    "return": ({S.DISPATCHED}, S.RETURNED),
    "start": ({S.ACCEPTED}, S.IN_PROGRESS),
    "request_extension": ({S.ACCEPTED, S.IN_PROGRESS}, S.EXTENSION_REQUESTED),
    "approve_extension": ({S.EXTENSION_REQUESTED}, S.IN_PROGRESS),
    "reject_extension": ({S.EXTENSION_REQUESTED}, S.IN_PROGRESS),
    "transfer_external": ({S.ACCEPTED, S.IN_PROGRESS}, S.TRANSFERRED_EXTERNAL),
    "agency_feedback": ({S.TRANSFERRED_EXTERNAL}, S.IN_PROGRESS),
    "reply": ({S.ACCEPTED, S.IN_PROGRESS}, S.REPLIED),
    "revisit": ({S.REPLIED, S.ANSWERED_DIRECTLY}, S.REVISITED),  # with result "satisfied"
    "close": ({S.REVISITED}, S.CLOSED),
    "reopen": ({S.REVISITED, S.CLOSED}, S.REOPENED),
    "urge": (RUNNING, None),
    "supervise": (RUNNING, None),
}
PAYLOADS: dict[str, dict[str, str]] = {
    "classify": {"difficulty": "hard"},
    "dispatch": {"to_org": "JJ-HX"},
    "answer_directly": {"reply": REPLY},
    "merge": {},  # duplicate_of is filled in by the test
    "invalidate": {"note": "空号来电"},
    "accept": {},
    "return": {"note": "不属于本单位"},
    "start": {},
    "request_extension": {"days": "2", "note": "等待仲裁结果"},
    "approve_extension": {},
    "reject_extension": {"note": "理由不充分"},
    "transfer_external": {"agency": "JJ-HRSS"},
    "agency_feedback": {"note": "人社局已立案"},
    "reply": {"reply": REPLY},
    "revisit": {"result": "satisfied"},
    "close": {},
    "reopen": {"note": "职工反映未补发"},
    "urge": {},
    "supervise": {"note": "超期督办"},
}


def test_the_table_covers_every_action_and_status():
    assert set(TABLE) == set(TRANSITIONS)
    assert len(ALL_STATUSES) == 14
    for action, (sources, target) in TABLE.items():
        assert set(TRANSITIONS[action].sources) == sources, action
        if action not in ("revisit",):
            assert TRANSITIONS[action].target == target, action


def _events(order: WorkOrder) -> int:
    return WorkOrderEvent.objects.filter(work_order=order).count()


class _Rollback(Exception):
    pass


def _try(actor, order, action, payload, status):
    """Take the action inside a savepoint that is always rolled back; describe the outcome."""
    before = _events(order)
    outcome = None
    try:
        with transaction.atomic():
            try:
                result = services.work_order_transition(
                    actor=actor, order=order, action=action, payload=payload
                )
            except ApplicationError as exc:
                order.refresh_from_db()
                outcome = ("refused", exc.code, order.status, _events(order) - before)
            else:
                result.refresh_from_db()
                event = WorkOrderEvent.objects.filter(work_order=order).latest("id")
                outcome = (
                    "allowed",
                    result.status,
                    _events(order) - before,
                    (event.action, event.from_status, event.to_status, event.actor_id),
                )
            raise _Rollback
    except _Rollback:
        pass
    return outcome


@pytest.mark.parametrize("status", ALL_STATUSES)
def test_every_action_from_status(tree, cast, status):
    # given an order in `status` and the admin, who holds every role over the whole tree
    with time_machine.travel(T0, tick=False):
        order = order_in(status, tree=tree, cast=cast)
        merge_target = submit(tree["city"]).tracking_code
    admin = cast["admin"]
    mismatches = []
    for action, (sources, target) in TABLE.items():
        payload = dict(PAYLOADS[action])
        if action == "merge":
            payload["duplicate_of"] = merge_target
        # supervise needs an overdue order, urge one that is not yet overdue
        when = T0 + timedelta(days=60) if action == "supervise" else T0 + timedelta(hours=1)
        # when the admin takes each action (each in a savepoint rolled back afterwards)
        with time_machine.travel(when, tick=False):
            outcome = _try(admin, order, action, payload, status)
        # then allowed actions move the status as the table says and write exactly one event;
        # refused ones raise transition_refused, change nothing and write nothing
        if status in sources:
            to = target or status
            expected = ("allowed", to, 1, (action, status, to, admin.pk))
        else:
            expected = ("refused", "transition_refused", status, 0)
        if outcome != expected:
            mismatches.append((action, outcome, expected))
    assert mismatches == []


ROLE_REFUSALS = [
    ("operator", S.DISPATCHED, "accept", {}),
    ("operator", S.IN_PROGRESS, "reply", {"reply": REPLY}),
    ("operator", S.NEW, "dispatch", {"to_org": "JJKFQ"}),
    ("handler", S.EXTENSION_REQUESTED, "approve_extension", {}),
    ("handler", S.EXTENSION_REQUESTED, "reject_extension", {"note": "不批"}),
    ("handler", S.DISPATCHED, "dispatch", {"to_org": "JJ-HX"}),
    ("handler", S.REPLIED, "revisit", {"result": "satisfied"}),
    ("handler", S.REVISITED, "close", {}),
    ("handler", S.CLOSED, "reopen", {"note": "重办"}),
    ("handler", S.NEW, "answer_directly", {"reply": REPLY}),
    ("handler", S.DISPATCHED, "urge", {}),
    ("dispatcher", S.REVISITED, "reopen", {"note": "重办"}),
    ("dispatcher", S.EXTENSION_REQUESTED, "approve_extension", {}),
    ("supervisor", S.NEW, "answer_directly", {"reply": REPLY}),  # NEW at the city: not theirs
    # Taken in at the city, handled in county A's park: county A is on the handling side, and
    # revisiting and closing are the platform's (the city's), not the handlers'.
    ("supervisor", S.REPLIED, "revisit", {"result": "satisfied"}),
    ("supervisor", S.REVISITED, "close", {}),
    ("outsider", S.DISPATCHED, "urge", {}),
    ("outsider", S.DISPATCHED, "accept", {}),
    ("outsider", S.REPLIED, "revisit", {"result": "satisfied"}),
]


@pytest.mark.parametrize(
    ("who", "status", "action", "payload"),
    ROLE_REFUSALS,
    ids=[f"{w}-{a}" for w, _s, a, _p in ROLE_REFUSALS],
)
def test_role_cannot_take_action(tree, cast, who, status, action, payload):
    # given an order in a status where the action itself is allowed
    order = order_in(status, tree=tree, cast=cast)
    before = _events(order)
    # when someone whose role does not include it tries
    with pytest.raises(ApplicationError) as exc:
        services.work_order_transition(actor=cast[who], order=order, action=action, payload=payload)
    # then it is refused and nothing changed
    assert exc.value.code == "transition_refused"
    assert exc.value.message == f"您的岗位不能执行“{TRANSITIONS[action].label}”。"
    order.refresh_from_db()
    assert order.status == status
    assert _events(order) == before


def test_supervisor_may_approve_what_the_handler_may_not(tree, cast):
    # given an extension request
    order = order_in(S.EXTENSION_REQUESTED, tree=tree, cast=cast)
    # when the supervisor approves it
    order = act(cast["supervisor"], order, "approve_extension")
    # then it is back in progress
    assert order.status == S.IN_PROGRESS


def test_the_replier_cannot_revisit_their_own_reply(tree, cast):
    # given an order county A took in and its supervisor (who may also revisit there)
    # accepted and replied to
    order = submit(tree["county_a"])
    act(cast["supervisor"], order, "accept")
    act(cast["supervisor"], order, "reply", reply=REPLY)
    before = _events(order)
    # when the supervisor tries to revisit it
    with pytest.raises(ApplicationError) as exc:
        act(cast["supervisor"], order, "revisit", result="satisfied")
    # then it is refused; the operator may
    assert exc.value.code == "transition_refused"
    assert exc.value.message == "“回访”须由受理平台人员进行，不能由承办人或答复人本人进行。"
    assert _events(order) == before
    assert act(cast["operator"], order, "revisit", result="satisfied").status == S.REVISITED


def test_neither_the_handler_nor_the_replier_revisits_or_closes(tree, cast):
    # given an order county A took in: its supervisor signed for it, the admin replied
    order = submit(tree["county_a"])
    act(cast["supervisor"], order, "accept")
    act(cast["admin"], order, "reply", reply=REPLY)
    for who in ("supervisor", "admin"):
        # when the handler or the replier revisits, then it is refused and nothing is written
        before = _events(order)
        with pytest.raises(ApplicationError) as exc:
            act(cast[who], order, "revisit", result="satisfied")
        assert exc.value.message == "“回访”须由受理平台人员进行，不能由承办人或答复人本人进行。"
        assert _events(order) == before
    # and once the operator has revisited it, they may not close it either
    act(cast["operator"], order, "revisit", result="satisfied")
    for who in ("supervisor", "admin"):
        with pytest.raises(ApplicationError) as exc:
            act(cast[who], order, "close")
        assert exc.value.message == "“结案”须由受理平台人员进行，不能由承办人或答复人本人进行。"
    assert act(cast["operator"], order, "close").status == S.CLOSED


def test_answered_directly_is_still_revisited_by_someone_else(tree, cast):
    # given a consultation the operator answered on the call
    order = order_in(S.ANSWERED_DIRECTLY, tree=tree, cast=cast)
    assert order.replied_by == cast["operator"]
    # when the operator who answered tries to revisit it, then it is refused
    with pytest.raises(ApplicationError):
        act(cast["operator"], order, "revisit", result="satisfied")
    # and the admin (at the city, where it was taken in) may
    assert act(cast["admin"], order, "revisit", result="satisfied").status == S.REVISITED
    # the operator who answered may not close it (that is quality-checking their own answer)
    with pytest.raises(ApplicationError) as exc:
        act(cast["operator"], order, "close")
    assert exc.value.message == "“结案”须由受理平台人员进行，不能由承办人或答复人本人进行。"
    assert act(cast["admin"], order, "close").status == S.CLOSED


@pytest.mark.parametrize(
    ("intake", "offered"),
    [
        ("city", {"operator", "admin"}),  # county A is below the intake org: the handling side
        ("county_a", {"operator", "admin", "supervisor"}),  # county A took it in: its platform
    ],
)
def test_revisit_and_close_are_offered_to_the_intake_sides_platform_only(
    tree, cast, intake, offered
):
    # given an order taken in at `intake` and sent down to the park, where the handler replied
    order = submit(tree[intake])
    if intake == "city":
        order = act(cast["admin"], order, "dispatch", to_org="JJ")
    order = act(cast["dispatcher"], order, "dispatch", to_org="JJKFQ")
    for action in ("accept", "start"):
        order = act(cast["handler"], order, action)
    order = act(cast["handler"], order, "reply", reply=REPLY)
    # then revisit is offered exactly to platform staff at or above the intake org
    may_revisit = {who for who, user in cast.items() if "revisit" in _offered(user, order)}
    assert may_revisit == offered
    # and each of them may take it and then close; everyone else is refused, writing nothing
    for who, user in cast.items():
        outcome = _try(user, order, "revisit", {"result": "satisfied"}, S.REPLIED)
        assert (outcome[0] == "allowed") == (who in offered), (who, outcome)
    order = act(cast["operator"], order, "revisit", result="satisfied")
    may_close = {who for who, user in cast.items() if "close" in _offered(user, order)}
    assert may_close == offered
    for who, user in cast.items():
        outcome = _try(user, order, "close", {}, S.REVISITED)
        assert (outcome[0] == "allowed") == (who in offered), (who, outcome)
        if who not in offered:
            assert outcome[1:] == ("transition_refused", S.REVISITED, 0), who


def test_platform_staff_who_also_work_in_the_handling_chain_may_not_revisit(tree, cast):
    # given a city operator who is also a supervisor in county A, and an order the city took
    # in and county A's park handled
    two_hats = cast["operator"]
    StaffRole.objects.create(user=two_hats, org=tree["county_a"], role="supervisor")
    two_hats = User.objects.get(pk=two_hats.pk)  # roles are cached per user object
    order = order_in(S.REPLIED, tree=tree, cast=cast)
    # when they revisit it, then it is refused (not offered) and nothing is written
    before = _events(order)
    assert "revisit" not in _offered(two_hats, order)
    with pytest.raises(ApplicationError) as exc:
        act(two_hats, order, "revisit", result="satisfied")
    assert exc.value.message == "“回访”须由受理平台人员进行，承办本工单的下级组织人员不能执行。"
    assert _events(order) == before
    # but an order the city handled itself (answered on the call by the admin) they may
    answered = submit(tree["city"])
    act(cast["admin"], answered, "answer_directly", reply=REPLY)
    assert act(two_hats, answered, "revisit", result="satisfied").status == S.REVISITED


def _offered(user, order):
    order = WorkOrder.objects.select_related("intake_org", "assigned_org").get(pk=order.pk)
    return {t.action for t in allowed_transitions(user=user, order=order)}


NOTE_REQUIRED = [
    (S.NEW, "invalidate", {}),
    (S.DISPATCHED, "return", {}),
    (S.IN_PROGRESS, "request_extension", {"days": "2"}),
    (S.EXTENSION_REQUESTED, "reject_extension", {}),
    (S.TRANSFERRED_EXTERNAL, "agency_feedback", {}),
    (S.CLOSED, "reopen", {}),
    (S.DISPATCHED, "supervise", {}),
]


@pytest.mark.parametrize(
    ("status", "action", "payload"), NOTE_REQUIRED, ids=[a for _s, a, _p in NOTE_REQUIRED]
)
def test_note_is_required(tree, cast, status, action, payload):
    # given an order where the admin may take the action
    with time_machine.travel(T0, tick=False):
        order = order_in(status, tree=tree, cast=cast)
    before = _events(order)
    # when the note is blank
    with (
        time_machine.travel(T0 + timedelta(days=60), tick=False),
        pytest.raises(ApplicationError) as exc,
    ):
        act(cast["admin"], order, action, note="   ", **payload)
    # then the error names the note, in Chinese, and nothing changed
    assert (exc.value.code, exc.value.field, exc.value.message) == (
        "required",
        "note",
        "请填写说明。",
    )
    order.refresh_from_db()
    assert order.status == status
    assert _events(order) == before
    assert {a for a, t in TRANSITIONS.items() if t.note_required} == {
        a for _s, a, _p in NOTE_REQUIRED
    }


def test_unknown_action_is_refused(tree, cast):
    order = submit(tree["city"])
    with pytest.raises(ApplicationError) as exc:
        act(cast["admin"], order, "teleport")
    assert (exc.value.code, exc.value.field) == ("unknown_action", "action")
    assert _events(order) == 1


def test_extension_request_needs_days(tree, cast):
    order = order_in(S.IN_PROGRESS, tree=tree, cast=cast)
    with pytest.raises(ApplicationError) as exc:
        act(cast["handler"], order, "request_extension", note="等待材料")
    assert (exc.value.code, exc.value.field) == ("required", "days")
    order.refresh_from_db()
    assert order.status == S.IN_PROGRESS


def test_urge_is_refused_once_overdue_and_supervise_before(tree, cast):
    # given a dispatched order
    with time_machine.travel(T0, tick=False):
        order = order_in(S.DISPATCHED, tree=tree, cast=cast)
        # when it is not yet overdue, supervise is refused
        with pytest.raises(ApplicationError) as exc:
            act(cast["supervisor"], order, "supervise", note="督办")
        assert exc.value.message == "工单未超期，可先催办。"
    with time_machine.travel(T0 + timedelta(days=30), tick=False):
        # when it is overdue, urge is refused and supervise sets the flag
        with pytest.raises(ApplicationError) as exc:
            act(cast["dispatcher"], order, "urge")
        assert exc.value.message == "工单已超期，应督办而非催办。"
        order = act(cast["supervisor"], order, "supervise", note="请三日内办结")
    assert order.supervised is True


def test_return_puts_the_order_back_at_the_dispatching_org(tree, cast):
    # given the city sends an order to the county, and the county on to the park
    order = submit(tree["city"])
    act(cast["admin"], order, "dispatch", to_org="JJ")
    act(cast["dispatcher"], order, "dispatch", to_org="JJKFQ")
    # when the park returns it
    order = act(cast["handler"], order, "return", note="企业不在本园区")
    # then it is back at the county, which may route it again
    assert order.status == S.RETURNED
    assert order.assigned_org == tree["county_a"]
    assert order.accept_due_at is None
    event = order.events.latest("id")
    assert event.data == {"from_org": "JJKFQ"}
    assert event.note == "企业不在本园区"
    assert act(cast["dispatcher"], order, "dispatch", to_org="JJ-HX").assigned_org == tree["ent_a"]


def test_approved_extension_moves_due_at_by_working_days_over_national_day(tree, cast):
    # given an order received Monday 2026-09-14 (5 working days: due Sunday 09-20, a 调休 day)
    with time_machine.travel(datetime(2026, 9, 14, 10, 0, tzinfo=SH), tick=False):
        order = order_in(S.IN_PROGRESS, tree=tree, cast=cast)
        assert order.due_at == datetime(2026, 9, 20, 23, 59, 59, tzinfo=SH)
        # when 10 working days are requested and approved
        act(cast["handler"], order, "request_extension", days="10", note="需现场核实")
        order = act(cast["supervisor"], order, "approve_extension")
    # then the deadline skips Mid-Autumn (09-25) and the National Day week and lands on the
    # 调休 Saturday: 09-21..24, 09-28..30, 10-08, 10-09, 10-10
    assert order.due_at == datetime(2026, 10, 10, 23, 59, 59, tzinfo=SH)
    assert order.pending_extension_days is None
    data = order.events.latest("id").data
    assert data["days"] == 10
    assert datetime.fromisoformat(data["old_due_at"]) == datetime(
        2026, 9, 20, 23, 59, 59, tzinfo=SH
    )
    assert datetime.fromisoformat(data["new_due_at"]) == datetime(
        2026, 10, 10, 23, 59, 59, tzinfo=SH
    )


def test_rejected_extension_keeps_due_at(tree, cast):
    order = order_in(S.EXTENSION_REQUESTED, tree=tree, cast=cast)
    due = order.due_at
    order = act(cast["supervisor"], order, "reject_extension", note="材料已齐")
    assert (order.status, order.due_at, order.pending_extension_days) == (S.IN_PROGRESS, due, None)


def test_unsatisfied_revisit_reopens_with_a_fresh_deadline(tree, cast):
    # given a replied order, revisited on 2026-09-30 (the eve of National Day)
    order = order_in(S.REPLIED, tree=tree, cast=cast)
    with time_machine.travel(datetime(2026, 9, 30, 10, 0, tzinfo=SH), tick=False):
        # when the worker is unsatisfied
        order = act(cast["operator"], order, "revisit", result="unsatisfied")
    # then the order is reopened, counted, and due 5 working days on (10-10 is a 调休 Saturday)
    order.refresh_from_db()
    assert order.status == S.REOPENED
    assert order.reopen_count == 1
    assert order.revisit_result == "unsatisfied"
    assert order.accept_due_at == datetime(2026, 10, 8, 23, 59, 59, tzinfo=SH)
    assert order.due_at == datetime(2026, 10, 13, 23, 59, 59, tzinfo=SH)
    tail = list(order.events.order_by("-id").values_list("action", "to_status"))[:2]
    assert tail == [("reopen", S.REOPENED), ("revisit", S.REOPENED)]
    # and the handler can take it up again
    assert act(cast["handler"], order, "accept").status == S.ACCEPTED


def test_unsatisfied_worker_rating_reopens(tree, cast):
    # given a replied order
    order = order_in(S.REPLIED, tree=tree, cast=cast)
    # when the worker rates it unsatisfied
    order = services.work_order_rate(order=order, rating="unsatisfied", comment="钱还没到")
    # then it is reopened and the rating is on the timeline with no staff actor
    assert (order.status, order.reopen_count, order.worker_rating) == (
        S.REOPENED,
        1,
        "unsatisfied",
    )
    event = order.events.latest("id")
    assert (event.action, event.actor, event.note, event.data) == (
        "rate",
        None,
        "钱还没到",
        {"rating": "unsatisfied"},
    )


def test_worker_rates_once_and_only_after_a_reply(tree, cast):
    in_progress = order_in(S.IN_PROGRESS, tree=tree, cast=cast)
    with pytest.raises(ApplicationError) as exc:
        services.work_order_rate(order=in_progress, rating="satisfied")
    assert exc.value.code == "not_replied"
    replied = order_in(S.REPLIED, tree=tree, cast=cast)
    services.work_order_rate(order=replied, rating="satisfied")
    before = _events(replied)
    with pytest.raises(ApplicationError) as exc:
        services.work_order_rate(order=replied, rating="unsatisfied")
    assert exc.value.code == "already_rated"
    replied.refresh_from_db()
    assert (replied.status, replied.worker_rating, _events(replied)) == (
        S.REPLIED,
        "satisfied",
        before,
    )


def test_merge_requires_a_target_the_actor_can_see(tree, cast):
    # given two appeals at county A and one at county B
    original = submit(tree["county_a"])
    duplicate = submit(tree["county_a"])
    elsewhere = submit(tree["county_b"])
    invalid = submit(tree["county_a"])
    act(cast["dispatcher"], invalid, "invalidate", note="空号")
    for code in (elsewhere.tracking_code, duplicate.tracking_code, invalid.tracking_code, "NOPE"):
        # when the county dispatcher merges into an order it cannot see, itself or a dead one
        with pytest.raises(ApplicationError) as exc:
            act(cast["dispatcher"], duplicate, "merge", duplicate_of=code)
        # then it is refused
        assert (exc.value.code, exc.value.field) == ("invalid_duplicate", "duplicate_of")
    assert _events(duplicate) == 1
    # merging into the visible original works and keeps the link
    merged = act(cast["dispatcher"], duplicate, "merge", duplicate_of=original.tracking_code)
    assert (merged.status, merged.duplicate_of) == (S.MERGED, original)


def test_transfer_external_requires_an_agency_of_the_jurisdiction(tree, cast):
    # given an accepted order at the park, and agencies in county B and at the city
    PartnerAgency.objects.create(
        code="NA-HRSS", name="南安市人社局", type="HR_BUREAU", org=tree["county_b"]
    )
    PartnerAgency.objects.create(
        code="QZ-ARB", name="泉州市仲裁委", type="ARBITRATION", org=tree["city"]
    )
    order = order_in(S.ACCEPTED, tree=tree, cast=cast)
    for code in ("NA-HRSS", "NOPE", ""):
        # when transferred to another county's agency or an unknown one
        with pytest.raises(ApplicationError) as exc:
            act(cast["handler"], order, "transfer_external", agency=code)
        # then it is refused
        assert (exc.value.code, exc.value.field) == ("invalid_agency", "agency")
    order.refresh_from_db()
    assert (order.status, order.transferred_agency) == (S.ACCEPTED, None)
    # an agency of the county or of the city above it is fine
    order = act(cast["handler"], order, "transfer_external", agency="QZ-ARB")
    assert (order.status, order.transferred_agency.code) == (S.TRANSFERRED_EXTERNAL, "QZ-ARB")


@pytest.mark.parametrize(
    ("who", "start", "to_org"),
    [
        ("dispatcher", "county_a", "NA"),  # sideways, outside the dispatcher's scope
        ("dispatcher", "county_a", "QZ"),  # up, outside the dispatcher's scope
        ("admin", "dispatched", "JJ"),  # up, inside the admin's scope
        ("admin", "dispatched", "NA"),  # sideways, inside the admin's scope
        ("admin", "dispatched", "JJKFQ"),  # re-dispatch to where it already is
        ("admin", "dispatched", "NOPE"),
    ],
)
def test_dispatch_goes_only_down_and_within_scope(tree, cast, who, start, to_org):
    # given an order at county A (NEW) or dispatched to the park
    if start == "county_a":
        order = submit(tree["county_a"])
    else:
        order = order_in(S.DISPATCHED, tree=tree, cast=cast)
    before_org, before_status, before = order.assigned_org, order.status, _events(order)
    # when it is dispatched sideways, up or outside the actor's scope
    with pytest.raises(ApplicationError) as exc:
        act(cast[who], order, "dispatch", to_org=to_org)
    # then it is refused and stays where it was
    assert (exc.value.code, exc.value.field) == ("invalid_org", "to_org")
    order.refresh_from_db()
    assert (order.assigned_org, order.status, _events(order)) == (
        before_org,
        before_status,
        before,
    )


def test_dispatch_down_records_who_sent_it(tree, cast):
    # given an order already at the park
    order = order_in(S.DISPATCHED, tree=tree, cast=cast)
    # when the county dispatcher passes it further down
    order = act(cast["dispatcher"], order, "dispatch", to_org="JJ-HX")
    # then it sits at the enterprise union, sent by the park
    assert (order.status, order.assigned_org, order.dispatched_by_org) == (
        S.DISPATCHED,
        tree["ent_a"],
        tree["town_a"],
    )
    assert order.events.latest("id").data == {"from_org": "JJKFQ", "to_org": "JJ-HX"}


def test_dispatcher_cannot_dispatch_an_order_of_the_city(tree, cast):
    order = submit(tree["city"])
    with pytest.raises(ApplicationError) as exc:
        act(cast["dispatcher"], order, "dispatch", to_org="JJKFQ")
    assert exc.value.code == "transition_refused"
    assert _events(order) == 1


def test_every_action_is_a_kind_of_timeline_event():
    # every transition writes an event named after its action, so each action must be one of
    # the event kinds the timelines can show
    assert set(TRANSITIONS) <= set(WorkOrderEvent.Action.values)


def test_a_junk_solved_answer_is_refused_and_nothing_is_written(tree, cast):
    # given an order in progress
    order = order_in(S.IN_PROGRESS, tree=tree, cast=cast)
    events = order.events.count()
    # when the handler replies with a "solved" that is neither yes nor no
    with pytest.raises(ApplicationError) as refused:
        act(cast["handler"], order, "reply", reply=REPLY, solved="2024-02-30")
    # then it is refused by name, and the order and its timeline are as they were
    assert refused.value.field == "solved"
    order.refresh_from_db()
    assert (order.status, order.solved, order.events.count()) == (S.IN_PROGRESS, None, events)
