"""Admin for places and jurisdiction parameters: every save and delete goes through the
services, so each leaves an AuditEntry and the same checks apply as anywhere else."""

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import NON_FIELD_ERRORS
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from tongxin.calculators import services
from tongxin.calculators.models import JurisdictionParameter, Place
from tongxin.core.exceptions import ApplicationError

PARAMETER_FIELDS = [
    "place",
    "key",
    "tier",
    "value",
    "choice",
    "valid_from",
    "valid_to",
    "issuing_body",
    "document_no",
    "source_url",
    "note",
]


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["code", "name", "level", "parent", "min_wage_tier"]
    list_filter = ["level"]
    search_fields = ["code", "name"]
    autocomplete_fields = ["parent"]

    def save_model(self, request: HttpRequest, obj: Place, form: Any, change: bool) -> None:
        services.place_save(actor=request.user, place=obj, changed=list(form.changed_data))  # type: ignore[arg-type]

    def delete_model(self, request: HttpRequest, obj: Place) -> None:
        try:
            services.place_delete(actor=request.user, place=obj)  # type: ignore[arg-type]
        except ApplicationError as exc:
            messages.error(request, exc.message)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Place]) -> None:
        for place in queryset:
            self.delete_model(request, place)


class JurisdictionParameterForm(forms.ModelForm):  # type: ignore[type-arg]
    """Runs the service's checks (kind of value, tier, overlapping validity) in the admin."""

    source_url = forms.URLField(
        label=_("来源网址"), max_length=500, required=False, assume_scheme="https"
    )

    class Meta:
        model = JurisdictionParameter
        fields = PARAMETER_FIELDS

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.errors:
            return cleaned
        candidate = self.instance
        for name, value in cleaned.items():
            setattr(candidate, name, value)
        try:
            services.jurisdiction_parameter_validate(parameter=candidate)
        except ApplicationError as exc:
            raise forms.ValidationError({exc.field or NON_FIELD_ERRORS: exc.message}) from None
        return cleaned


@admin.register(JurisdictionParameter)
class JurisdictionParameterAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    form = JurisdictionParameterForm
    list_display = PARAMETER_FIELDS[:-2]  # all but the source URL and the note
    list_filter = ["key", "place__level"]
    search_fields = ["place__name", "place__code", "issuing_body", "document_no"]
    autocomplete_fields = ["place"]
    date_hierarchy = "valid_from"
    fieldsets = [
        (None, {"fields": ["place", "key", "tier", "value", "choice"]}),
        (_("有效期"), {"fields": ["valid_from", "valid_to"]}),
        (_("来源"), {"fields": ["issuing_body", "document_no", "source_url", "note"]}),
    ]

    def save_model(
        self, request: HttpRequest, obj: JurisdictionParameter, form: Any, change: bool
    ) -> None:
        values = {name: getattr(obj, name) for name in PARAMETER_FIELDS}
        services.jurisdiction_parameter_set(
            actor=request.user,  # type: ignore[arg-type]
            parameter=obj,
            **values,
        )

    def delete_model(self, request: HttpRequest, obj: JurisdictionParameter) -> None:
        services.jurisdiction_parameter_delete(actor=request.user, parameter=obj)  # type: ignore[arg-type]

    def delete_queryset(
        self, request: HttpRequest, queryset: QuerySet[JurisdictionParameter]
    ) -> None:
        for parameter in queryset:
            self.delete_model(request, parameter)
