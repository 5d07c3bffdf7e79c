from typing import Any

from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest

from tongxin.core import refcache
from tongxin.core.models import AuditEntry
from tongxin.core.services import audit_record


class AuditedAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Admin edits of reference data (rules, calendars, catalogue) leave an audit row too."""

    # Reference tables cached in memory (core.refcache) that an edit of this model changes.
    refcaches: tuple[str, ...] = ()

    def save_model(self, request: HttpRequest, obj: Model, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        for name in self.refcaches:
            refcache.invalidate(name)
        audit_record(
            actor=request.user,
            action="admin_change" if change else "admin_add",  # type: ignore[arg-type]
            obj=obj,
            data={"fields": list(form.changed_data)},
        )

    def delete_model(self, request: HttpRequest, obj: Model) -> None:
        audit_record(actor=request.user, action="admin_delete", obj=obj)  # type: ignore[arg-type]
        super().delete_model(request, obj)
        for name in self.refcaches:
            refcache.invalidate(name)

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        for obj in queryset:
            audit_record(actor=request.user, action="admin_delete", obj=obj)  # type: ignore[arg-type]
        super().delete_queryset(request, queryset)
        for name in self.refcaches:
            refcache.invalidate(name)


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["created_at", "actor", "action", "object_type", "object_id"]
    list_filter = ["action", "object_type"]
    readonly_fields = [f.name for f in AuditEntry._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
