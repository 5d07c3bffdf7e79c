from django.contrib import admin

from tongxin.core.admin import AuditedAdmin
from tongxin.orgs.models import AgencyStaff, OrgUnit, PartnerAgency, StaffRole


@admin.register(OrgUnit)
class OrgUnitAdmin(AuditedAdmin):
    refcaches = ("deadline-rules",)  # rules are matched by their org's path
    list_display = ["code", "name", "level", "parent", "is_active"]
    list_filter = ["level", "is_active"]
    search_fields = ["code", "name"]
    readonly_fields = ["path", "depth"]


@admin.register(PartnerAgency)
class PartnerAgencyAdmin(AuditedAdmin):
    list_display = ["code", "name", "type", "org"]
    list_filter = ["type"]


@admin.register(StaffRole)
class StaffRoleAdmin(AuditedAdmin):
    list_display = ["user", "org", "role"]
    list_filter = ["role"]
    autocomplete_fields = ["org"]


@admin.register(AgencyStaff)
class AgencyStaffAdmin(AuditedAdmin):
    list_display = ["user", "agency"]
    list_filter = ["agency__type"]
