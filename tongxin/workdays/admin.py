from django.contrib import admin

from tongxin.core.admin import AuditedAdmin
from tongxin.workdays.models import CalendarOverride


@admin.register(CalendarOverride)
class CalendarOverrideAdmin(AuditedAdmin):
    refcaches = ("calendar-overrides",)
    list_display = ["day", "is_working_day", "note"]
    date_hierarchy = "day"
