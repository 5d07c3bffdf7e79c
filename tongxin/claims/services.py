"""Writes of claim types: staff confirm or correct what the classifier suggested. Each
confirmation is stored as training data and leaves a row on the order's timeline."""

from collections.abc import Iterable, Mapping
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from claimtext import LABELS
from tongxin.appeals.models import WorkOrder, WorkOrderEvent
from tongxin.claims import engine
from tongxin.claims.models import ClaimAnnotation, ConfirmedClaim
from tongxin.core.exceptions import ApplicationError
from tongxin.orgs.selectors import roles_at


def claim_labels_clean(value: Any, *, field: str = "labels") -> list[str]:
    """Label names (a list, or one name) → canonical order, deduplicated; unknown → error."""
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, Iterable) or isinstance(value, Mapping):
        raise ApplicationError(_("诉求类型应为列表。"), code="invalid", field=field)
    names = [str(v).strip() for v in value]
    unknown = [n for n in names if n not in LABELS]
    if unknown:
        raise ApplicationError(
            _("未知的诉求类型：%(names)s。") % {"names": "、".join(unknown)},
            code="unknown_label",
            field=field,
            extra={"unknown": unknown},
        )
    chosen = set(names)
    return [name for name in LABELS if name in chosen]


def claim_labels_from_form(data: Any) -> list[str] | None:
    """The claim types ticked on a form, or None when the "confirm" box was not ticked."""
    if data.get("claims_confirm") != "1":
        return None
    return claim_labels_clean(data.getlist("claim_labels"), field="claim_labels")


def can_confirm_claims(user: User, order: WorkOrder) -> bool:
    """Any staff role at the org that took the order in or the org handling it."""
    return bool(
        roles_at(user=user, org=order.intake_org) | roles_at(user=user, org=order.assigned_org)
    )


@transaction.atomic
def claim_annotation_confirm(
    *, actor: User, order: WorkOrder, labels: Iterable[str]
) -> ClaimAnnotation:
    """Store the claim types staff confirmed for the order's description (an empty list: none
    of the 20 apply) and write a 分类 row on its timeline with what the classifier had
    suggested. Confirming the same labels for the same text again writes nothing."""
    if not can_confirm_claims(actor, order):
        raise PermissionDenied
    chosen = claim_labels_clean(list(labels))
    order = WorkOrder.objects.select_for_update().select_related("assigned_org").get(pk=order.pk)
    current = ClaimAnnotation.objects.filter(work_order=order).prefetch_related("claims").first()
    unchanged = current is not None and current.text == order.description
    if current is not None and unchanged and current.label_names() == chosen:
        return current
    clf = engine.classifier()
    suggested = [
        {"label": s.label, "confidence": s.confidence, "source": s.source}
        for s in clf.suggest(order.description)
    ]
    corrected = {s["label"] for s in suggested} != set(chosen)
    now = timezone.now()
    annotation, _created = ClaimAnnotation.objects.update_or_create(
        work_order=order,
        defaults={
            "text": order.description,
            "suggested": suggested,
            "classifier": clf.version[:60],
            "corrected": corrected,
            "confirmed_by": actor,
            "confirmed_at": now,
        },
    )
    annotation.claims.all().delete()
    ConfirmedClaim.objects.bulk_create(
        [ConfirmedClaim(annotation=annotation, label=name) for name in chosen]
    )
    WorkOrderEvent.objects.create(
        work_order=order,
        created_at=now,
        actor=actor,
        action=WorkOrderEvent.Action.CLASSIFIED,
        from_status=order.status,
        to_status=order.status,
        org=order.assigned_org,
        note=_("确认诉求类型：%(names)s")
        % {"names": "、".join(chosen) or _("无（不属于所列类型）")},
        data={
            "claims": chosen,
            "suggested": [s["label"] for s in suggested],
            "classifier": clf.version,
            "corrected": corrected,
        },
    )
    return annotation
