from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import NON_FIELD_ERRORS

from tongxin.calculators import services
from tongxin.calculators.models import JurisdictionParameter, Place
from tongxin.core.admin import AuditedAdmin
from tongxin.core.exceptions import ApplicationError


@admin.register(Place)
class PlaceAdmin(AuditedAdmin):
    list_display = ["code", "name", "level", "parent", "min_wage_tier"]
    list_filter = ["level"]
    search_fields = ["code", "name"]
    autocomplete_fields = ["parent"]


class JurisdictionParameterForm(forms.ModelForm):  # type: ignore[type-arg]
    """Runs the service's checks (kind of value, tier, overlapping validity) in the admin."""

    source_url = forms.URLField(
        label="来源网址", max_length=500, required=False, assume_scheme="https"
    )

    class Meta:
        model = JurisdictionParameter
        fields = [
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
class JurisdictionParameterAdmin(AuditedAdmin):
    form = JurisdictionParameterForm
    list_display = [
        "place",
        "key",
        "tier",
        "value",
        "choice",
        "valid_from",
        "valid_to",
        "issuing_body",
        "document_no",
    ]
    list_filter = ["key", "place__level"]
    search_fields = ["place__name", "place__code", "issuing_body", "document_no"]
    autocomplete_fields = ["place"]
    date_hierarchy = "valid_from"
    fieldsets = [
        (None, {"fields": ["place", "key", "tier", "value", "choice"]}),
        ("有效期", {"fields": ["valid_from", "valid_to"]}),
        ("来源", {"fields": ["issuing_body", "document_no", "source_url", "note"]}),
    ]
