"""The only path that creates or changes a work order. Every change writes a WorkOrderEvent."""

import secrets
from collections.abc import Callable, Sequence
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tongxin.appeals import deadlines, selectors
from tongxin.appeals.models import (
    Attachment,
    Category,
    Difficulty,
    Nature,
    WorkOrder,
    WorkOrderEvent,
)
from tongxin.appeals.workflow import TRANSITIONS, refusal
from tongxin.core import validation
from tongxin.core.crypto import keyed_hash
from tongxin.core.exceptions import ApplicationError
from tongxin.orgs.models import OrgUnit
from tongxin.orgs.selectors import agency_list_for_org, org_list_for_user

S = WorkOrder.Status
TRACKING_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L: read out on the phone
GROUP_THRESHOLD = 10  # 10+ workers with a common claim: a collective matter (LDMAL art. 7)
ATTACHMENT_SIGNATURES = {
    b"\xff\xd8\xff": "image/jpeg",
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"%PDF-": "application/pdf",
}
ATTACHMENT_SUFFIXES = {"image/jpeg": ".jpg", "image/png": ".png", "application/pdf": ".pdf"}


def _tracking_code() -> str:
    return "".join(secrets.choice(TRACKING_ALPHABET) for _ in range(10))


def _event(
    *,
    order: WorkOrder,
    actor: User | None,
    action: str,
    from_status: str = "",
    org: OrgUnit | None = None,
    note: str = "",
    data: dict[str, Any] | None = None,
) -> WorkOrderEvent:
    return WorkOrderEvent.objects.create(
        work_order=order,
        actor=actor,
        action=action,
        from_status=from_status,
        to_status=order.status,
        org=org,
        note=note,
        data=data or {},
    )


def _check_attachments(files: Sequence[UploadedFile]) -> list[tuple[UploadedFile, str]]:
    if len(files) > settings.ATTACHMENT_MAX_FILES:
        raise ApplicationError(
            _("附件最多 %(n)d 个。") % {"n": settings.ATTACHMENT_MAX_FILES},
            code="too_many_files",
            field="attachments",
        )
    checked = []
    for f in files:
        if (f.size or 0) > settings.ATTACHMENT_MAX_BYTES:
            raise ApplicationError(
                _("附件“%(name)s”超过 %(mb)d MB。")
                % {"name": f.name, "mb": settings.ATTACHMENT_MAX_BYTES // 2**20},
                code="file_too_large",
                field="attachments",
            )
        head = f.read(8)
        f.seek(0)
        kind = next((t for sig, t in ATTACHMENT_SIGNATURES.items() if head.startswith(sig)), None)
        if kind is None:
            raise ApplicationError(
                _("附件“%(name)s”只能是 JPG、PNG 图片或 PDF。") % {"name": f.name},
                code="file_type",
                field="attachments",
            )
        checked.append((f, kind))
    return checked


def _stored_file(f: UploadedFile, kind: str) -> File:
    """The upload under a random name with the suffix of its checked content: a path in
    storage reveals nothing of the worker's file name and cannot be guessed."""
    return File(f, name=secrets.token_hex(16) + ATTACHMENT_SUFFIXES[kind])


def _original_name(f: UploadedFile) -> str:
    """The name the worker gave (shown and used for downloads), cut to fit its column with
    its end, the suffix, kept: a browser may send a name of 255 characters."""
    name = f.name or "file"
    limit = Attachment._meta.get_field("original_name").max_length or 200
    return name if len(name) <= limit else name[: limit - 10] + name[-10:]


def work_order_submit(
    *,
    actor: User | None,
    org: OrgUnit,
    channel: str,
    data: dict[str, Any],
    attachments: Sequence[UploadedFile] = (),
    idempotency_key: str | None = None,
) -> tuple[WorkOrder, bool]:
    """Take in an appeal on any channel; returns (order, created). A repeated key returns the
    first order, also under concurrent retries. The unique key alone decides: nearly every key
    is new, so looking it up first would cost every intake a query (~15% of its time) to
    spare the rare retry a failed insert."""
    values = _clean_intake(channel=channel, data=data)
    files = _check_attachments(attachments)
    for attempt in range(3):
        try:
            with transaction.atomic():
                return _create(
                    actor=actor,
                    org=org,
                    channel=channel,
                    values=values,
                    files=files,
                    idempotency_key=idempotency_key,
                ), True
        except IntegrityError:
            if idempotency_key:
                existing = WorkOrder.objects.filter(idempotency_key=idempotency_key).first()
                if existing:
                    return existing, False
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _clean_intake(*, channel: str, data: dict[str, Any]) -> dict[str, Any]:
    if channel not in WorkOrder.Channel.values:
        raise ApplicationError(
            _("渠道无效，可选：%(all)s。") % {"all": "、".join(WorkOrder.Channel.values)},
            code="invalid_choice",
            field="channel",
        )
    staffed = channel in (WorkOrder.Channel.HOTLINE, WorkOrder.Channel.WALK_IN)
    anonymous = bool(
        validation.clean_bool(data.get("anonymous"), field="anonymous", label=_("匿名"))
    )
    name = validation.clean_text(data.get("name"), field="name", label=_("姓名"), max_len=40)
    workers = validation.clean_int(
        data.get("workers_involved"),
        field="workers_involved",
        label=_("涉及人数"),
        minimum=1,
        maximum=100000,
        default=1,
    )
    values: dict[str, Any] = {
        "description": validation.clean_text(
            data.get("description"),
            field="description",
            label=_("诉求内容"),
            required=True,
            min_len=5,
        ),
        "phone": validation.clean_phone(data.get("phone"), allow_landline=staffed),
        "requester_name": "" if anonymous else name,
        "anonymous": anonymous,
        "employer_name": validation.clean_text(
            data.get("employer_name"), field="employer_name", label=_("用人单位"), max_len=120
        ),
        "workers_involved": workers,
        "amount_claimed": validation.clean_amount(
            data.get("amount_claimed"), field="amount_claimed", label=_("涉及金额")
        ),
        "is_group": (workers or 1) >= GROUP_THRESHOLD,
        "wage_arrears": bool(
            validation.clean_bool(data.get("wage_arrears"), field="wage_arrears", label=_("欠薪"))
        ),
        "emergency": bool(
            validation.clean_bool(data.get("emergency"), field="emergency", label=_("紧急"))
        ),
        "nature": validation.clean_choice(
            data.get("nature"), field="nature", label=_("性质"), choices=Nature.values
        )
        or Nature.REQUEST,
    }
    if data.get("category"):
        values["category"] = _category(data["category"])
    return values


def _category(code: Any) -> Category:
    category = Category.objects.filter(code=str(code), is_active=True).first()
    if category is None:
        raise ApplicationError(
            _("分类代码无效：%(code)s") % {"code": code}, code="invalid_choice", field="category"
        )
    return category


def _create(
    *,
    actor: User | None,
    org: OrgUnit,
    channel: str,
    values: dict[str, Any],
    files: list[tuple[UploadedFile, str]],
    idempotency_key: str | None,
) -> WorkOrder:
    now = timezone.now()
    order = WorkOrder(
        tracking_code=_tracking_code(),
        idempotency_key=idempotency_key or None,
        channel=channel,
        intake_org=org,
        assigned_org=org,
        received_at=now,
        phone_hash=keyed_hash(values["phone"]),
        phone_last4=values["phone"][-4:],
        **values,
    )
    order.due_at = deadlines.finish_due(order=order, start=now)
    order.save(force_insert=True)
    for f, kind in files:
        Attachment.objects.create(
            work_order=order,
            file=_stored_file(f, kind),
            original_name=_original_name(f),
            content_type=kind,
            size=f.size or 0,
        )
    _event(
        order=order,
        actor=actor,
        action=WorkOrderEvent.Action.SUBMITTED,
        org=org,
        data={"channel": channel, "attachments": len(files)},
    )
    return order


def work_order_answer_check(*, actor: User, org: OrgUnit, answer: Any) -> str:
    """The answer as `answer_directly` would store it on an appeal `actor` is taking in at
    `org`; raises what that action would refuse (role, reply text). Writes nothing, so the
    desk can refuse an on-the-spot answer before it takes the appeal in."""
    taking_in = WorkOrder(intake_org=org, assigned_org=org, status=S.NEW)
    reason = refusal(user=actor, order=taking_in, transition=TRANSITIONS["answer_directly"])
    if reason:
        raise ApplicationError(reason, code="transition_refused", field="action")
    return _clean_reply(answer)


@transaction.atomic
def work_order_transition(
    *, actor: User, order: WorkOrder, action: str, payload: dict[str, Any] | None = None
) -> WorkOrder:
    """Apply one workflow action if the actor's role and the order's status allow it; writes
    exactly one event for the action (two when a revisit reopens the order)."""
    payload = payload or {}
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise ApplicationError(
            _("未知操作：%(action)s") % {"action": action}, code="unknown_action", field="action"
        )
    order = (
        WorkOrder.objects.select_for_update()
        .select_related("assigned_org", "intake_org")
        .get(pk=order.pk)
    )
    reason = refusal(user=actor, order=order, transition=transition)
    if reason:
        raise ApplicationError(reason, code="transition_refused", field="action")
    note = validation.clean_text(
        payload.get("note"),
        field="note",
        label=_("说明"),
        required=transition.note_required,
        max_len=2000,
    )
    from_status = order.status
    data = _APPLY[action](actor, order, payload, note) or {}
    if transition.target:
        order.status = transition.target
    order.save()
    _event(
        order=order,
        actor=actor,
        action=action,
        from_status=from_status,
        org=order.assigned_org,
        note=note,
        data=data,
    )
    if action == "revisit" and order.status == S.REOPENED:
        _reopen(order)
        _event(
            order=order,
            actor=actor,
            action=WorkOrderEvent.Action.REOPENED,
            from_status=S.REVISITED,
            org=order.assigned_org,
            note=_("回访不满意，重办。"),
        )
        order.save()
    return order


def _reopen(order: WorkOrder) -> None:
    now = timezone.now()
    order.status = S.REOPENED
    order.reopen_count += 1  # the row is locked (select_for_update) by every caller
    order.accept_due_at = deadlines.accept_due(order=order, start=now)
    order.due_at = deadlines.finish_due(order=order, start=now)


def _in_scope_org(actor: User, code: Any, field: str) -> OrgUnit:
    org = org_list_for_user(user=actor).filter(code=str(code or "")).first()
    if org is None:
        raise ApplicationError(_("请选择您管辖范围内的组织。"), code="invalid_org", field=field)
    return org


def _apply_classify(actor: User, order: WorkOrder, p: dict[str, Any], note: str) -> dict[str, Any]:
    changed: dict[str, Any] = {}
    if p.get("category"):
        order.category = _category(p["category"])
        changed["category"] = order.category.code
    for field, label, choices in (
        ("nature", _("性质"), Nature.values),
        ("difficulty", _("难度"), Difficulty.values),
    ):
        if p.get(field):
            setattr(
                order,
                field,
                validation.clean_choice(p[field], field=field, label=label, choices=choices),
            )
            changed[field] = getattr(order, field)
    for flag, flag_label in (
        ("is_group", _("群体诉求")),
        ("wage_arrears", _("欠薪")),
        ("emergency", _("紧急")),
    ):
        value = validation.clean_bool(p.get(flag), field=flag, label=flag_label)
        if value is not None:
            setattr(order, flag, value)
            changed[flag] = value
    if not changed:
        raise ApplicationError(
            _("没有要修改的分类信息。"), code="nothing_changed", field="category"
        )
    if order.replied_at is None:  # a reopened order keeps the deadline set at reopening
        order.due_at = deadlines.finish_due(order=order, start=order.received_at)
    return changed


def _apply_dispatch(actor: User, order: WorkOrder, p: dict[str, Any], note: str) -> dict[str, Any]:
    target = _in_scope_org(actor, p.get("to_org"), "to_org")
    # Re-dispatching an order already sent here passes it further down, never sideways.
    downward_only = order.status in (S.DISPATCHED, S.ACCEPTED)
    current = order.assigned_org
    if not target.is_within(current) or (downward_only and target.pk == current.pk):
        raise ApplicationError(
            _("只能派往本组织或其下级组织。"), code="invalid_org", field="to_org"
        )
    now = timezone.now()
    order.dispatched_by_org = current
    order.assigned_org = target
    order.handler = None
    order.accepted_at = None
    order.dispatched_at = order.dispatched_at or now
    order.accept_due_at = deadlines.accept_due(order=order, start=now)
    if order.status != S.REOPENED:  # a reopened order keeps the deadline set at reopening
        order.due_at = deadlines.finish_due(order=order, start=order.received_at)
    return {"from_org": current.code, "to_org": target.code}


def _apply_accept(actor: User, order: WorkOrder, p: dict[str, Any], note: str) -> None:
    now = timezone.now()
    if order.status == S.NEW:  # handled where it came in: dispatched to itself, on time
        order.dispatched_at = order.dispatched_at or now
        order.dispatched_by_org = order.assigned_org
        order.accept_due_at = now
    order.handler = actor
    order.accepted_at = now


def _apply_return(actor: User, order: WorkOrder, p: dict[str, Any], note: str) -> dict[str, Any]:
    returned_from = order.assigned_org
    order.assigned_org = order.dispatched_by_org or order.intake_org
    order.accept_due_at = None
    return {"from_org": returned_from.code}


def _apply_request_extension(
    actor: User, order: WorkOrder, p: dict[str, Any], note: str
) -> dict[str, Any]:
    days = validation.clean_int(
        p.get("days"), field="days", label=_("延期工作日"), minimum=1, maximum=30
    )
    if days is None:
        raise ApplicationError(_("请填写延期工作日数。"), code="required", field="days")
    order.pending_extension_days = days
    return {"days": days}


def _apply_approve_extension(
    actor: User, order: WorkOrder, p: dict[str, Any], note: str
) -> dict[str, Any]:
    days = order.pending_extension_days or 0
    old_due = order.due_at
    assert old_due is not None
    order.due_at = deadlines.extend_due(due=old_due, working_days=days)
    order.pending_extension_days = None
    return {"days": days, "old_due_at": old_due.isoformat(), "new_due_at": order.due_at.isoformat()}


def _apply_reject_extension(actor: User, order: WorkOrder, p: dict[str, Any], note: str) -> None:
    order.pending_extension_days = None


def _apply_transfer(actor: User, order: WorkOrder, p: dict[str, Any], note: str) -> dict[str, Any]:
    agency = (
        agency_list_for_org(org=order.assigned_org).filter(code=str(p.get("agency") or "")).first()
    )
    if agency is None:
        raise ApplicationError(_("请选择本辖区的协作部门。"), code="invalid_agency", field="agency")
    order.transferred_agency = agency
    return {"agency": agency.code}


def _clean_reply(value: Any) -> str:
    return validation.clean_text(
        value, field="reply", label=_("答复内容"), required=True, min_len=5
    )


def _apply_reply(actor: User, order: WorkOrder, p: dict[str, Any], note: str) -> dict[str, Any]:
    order.reply = _clean_reply(p.get("reply"))
    order.replied_by = actor
    order.replied_at = timezone.now()
    order.solved = validation.clean_bool(p.get("solved"), field="solved", label=_("是否解决"))
    order.amount_recovered = validation.clean_amount(
        p.get("amount_recovered"), field="amount_recovered", label=_("追回金额")
    )
    order.workers_benefited = validation.clean_int(
        p.get("workers_benefited"),
        field="workers_benefited",
        label=_("受益人数"),
        minimum=0,
        maximum=100000,
    )
    order.worker_rating, order.worker_comment = "", ""  # a new reply may be rated afresh
    order.suggestion_adopted = validation.clean_choice(
        p.get("suggestion_adopted"),
        field="suggestion_adopted",
        label=_("建议采纳"),
        choices=WorkOrder.Adoption.values,
    )
    return {"solved": order.solved}


def _apply_answer_directly(
    actor: User, order: WorkOrder, p: dict[str, Any], note: str
) -> dict[str, Any]:
    data = _apply_reply(actor, order, p, note)
    order.due_at = order.replied_at
    return data


def _apply_revisit(actor: User, order: WorkOrder, p: dict[str, Any], note: str) -> dict[str, Any]:
    result = validation.clean_choice(
        p.get("result"),
        field="result",
        label=_("回访结果"),
        choices=WorkOrder.Satisfaction.values,
        required=True,
    )
    order.revisit_result = result
    order.revisited_at = timezone.now()
    reopen = result == WorkOrder.Satisfaction.UNSATISFIED
    order.status = S.REOPENED if reopen else S.REVISITED
    return {"result": result}


def _apply_close(actor: User, order: WorkOrder, p: dict[str, Any], note: str) -> None:
    order.closed_at = timezone.now()


def _apply_reopen(actor: User, order: WorkOrder, p: dict[str, Any], note: str) -> None:
    _reopen(order)


def _apply_merge(actor: User, order: WorkOrder, p: dict[str, Any], note: str) -> dict[str, Any]:
    code = str(p.get("duplicate_of") or "").strip().upper()
    target = selectors.work_order_list_for_user(user=actor).filter(tracking_code=code).first()
    if target is None or target.pk == order.pk or target.status in (S.MERGED, S.INVALID):
        raise ApplicationError(
            _("请填写要合并到的有效工单查询码。"), code="invalid_duplicate", field="duplicate_of"
        )
    order.duplicate_of = target
    return {"duplicate_of": target.tracking_code}


def _apply_supervise(actor: User, order: WorkOrder, p: dict[str, Any], note: str) -> None:
    order.supervised = True


def _noop(actor: User, order: WorkOrder, p: dict[str, Any], note: str) -> None:
    return None


_APPLY: dict[str, Callable[[User, WorkOrder, dict[str, Any], str], dict[str, Any] | None]] = {
    "classify": _apply_classify,
    "dispatch": _apply_dispatch,
    "accept": _apply_accept,
    "return": _apply_return,
    "start": _noop,
    "request_extension": _apply_request_extension,
    "approve_extension": _apply_approve_extension,
    "reject_extension": _apply_reject_extension,
    "transfer_external": _apply_transfer,
    "agency_feedback": _noop,
    "reply": _apply_reply,
    "answer_directly": _apply_answer_directly,
    "revisit": _apply_revisit,
    "close": _apply_close,
    "reopen": _apply_reopen,
    "merge": _apply_merge,
    "invalidate": _noop,
    "urge": _noop,
    "supervise": _apply_supervise,
}
assert set(_APPLY) == set(TRANSITIONS), "every workflow action needs an apply function"


@transaction.atomic
def work_order_rate(*, order: WorkOrder, rating: str, comment: str = "") -> WorkOrder:
    """The worker's own rating after a reply; 不满意 reopens the order. Event actor is None."""
    order = WorkOrder.objects.select_for_update().select_related("assigned_org").get(pk=order.pk)
    rating = validation.clean_choice(
        rating,
        field="rating",
        label=_("评价"),
        required=True,
        choices=[
            c for c in WorkOrder.Satisfaction.values if c != WorkOrder.Satisfaction.UNREACHABLE
        ],
    )
    comment = validation.clean_text(comment, field="comment", label=_("评价意见"), max_len=1000)
    if order.status not in (S.REPLIED, S.REVISITED, S.CLOSED, S.ANSWERED_DIRECTLY):
        raise ApplicationError(_("工单答复后才能评价。"), code="not_replied", field="rating")
    if order.worker_rating:
        raise ApplicationError(_("您已评价过本次答复。"), code="already_rated", field="rating")
    from_status = order.status
    order.worker_rating, order.worker_comment = rating, comment
    if rating == WorkOrder.Satisfaction.UNSATISFIED:
        _reopen(order)
    order.save()
    _event(
        order=order,
        actor=None,
        action=WorkOrderEvent.Action.RATED,
        from_status=from_status,
        org=order.assigned_org,
        note=comment,
        data={"rating": rating},
    )
    return order


def work_order_link_mediation(*, actor: User, order: WorkOrder, case_no: str) -> WorkOrderEvent:
    """Note on the order's timeline that a mediation case was opened from it (the case
    itself points back at the order). The order's status does not change."""
    return _event(
        order=order,
        actor=actor,
        action=WorkOrderEvent.Action.MEDIATION,
        from_status=order.status,
        org=order.assigned_org,
        note=_("已转入调解，案号 %(no)s。") % {"no": case_no},
        data={"case_no": case_no},
    )
