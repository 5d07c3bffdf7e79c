from typing import Any

from django.contrib.auth.models import User
from django.db import models

from tongxin.core.models import AuditEntry


def audit_record(
    *,
    actor: User | None,
    action: str,
    obj: models.Model,
    note: str = "",
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one audit row; the only way AuditEntry rows are written."""
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        note=note,
        data=data or {},
    )
