from django.contrib import admin

from tongxin.appeals.models import Category, DeadlineRule
from tongxin.core.admin import AuditedAdmin


@admin.register(Category)
class CategoryAdmin(AuditedAdmin):
    list_display = ["code", "name", "parent", "sort_order", "is_active"]
    list_filter = ["parent", "is_active"]
    search_fields = ["code", "name"]


@admin.register(DeadlineRule)
class DeadlineRuleAdmin(AuditedAdmin):
    refcaches = ("deadline-rules",)
    list_display = [
        "org",
        "nature",
        "difficulty",
        "accept_working_days",
        "finish_working_days",
        "urgent_accept_hours",
        "effective_from",
        "effective_to",
    ]
    list_filter = ["nature", "difficulty"]
    autocomplete_fields = ["org"]
