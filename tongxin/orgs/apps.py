from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_delete, post_save


def _forget(name: str) -> Any:
    def receiver(**_: Any) -> None:
        from tongxin.core import refcache

        refcache.invalidate(name)

    return receiver


# Any save (service, admin, import, shell) may rename, move or deactivate an org, or revoke
# a token, deactivate a user, change their roles: drop the in-memory copies at once.
_forget_orgs = (_forget("orgs-by-code"), _forget("org-subtrees"))
_forget_tokens = _forget("api-tokens")


class OrgsConfig(AppConfig):
    name = "tongxin.orgs"
    verbose_name = "组织与人员"

    def ready(self) -> None:
        from tongxin.orgs.models import AgencyStaff, ApiToken, OrgUnit, StaffRole

        for signal in (post_save, post_delete):
            for receiver in _forget_orgs:
                signal.connect(receiver, sender=OrgUnit, weak=False)
            for sender in (ApiToken, StaffRole, AgencyStaff, settings.AUTH_USER_MODEL):
                signal.connect(_forget_tokens, sender=sender, weak=False)
