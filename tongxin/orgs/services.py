"""Writes to the union tree, staff and tokens. Every write leaves an AuditEntry."""

import copy
import hashlib
import secrets
from collections.abc import Callable, Iterable

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext as _

from tongxin.core import refcache
from tongxin.core.exceptions import ApplicationError
from tongxin.core.refcache import RefCache
from tongxin.core.services import audit_record
from tongxin.orgs.models import AgencyStaff, ApiToken, OrgUnit, PartnerAgency, StaffRole
from tongxin.orgs.selectors import agency_ids_for_user, staff_role_list


def _place(org: OrgUnit, parent: OrgUnit | None) -> None:
    if parent is not None and parent.path.startswith(f"{(org.path or '/-none-/')}"):
        raise ApplicationError(
            _("上级组织不能是自己或自己的下级。"), code="org_cycle", field="parent_code"
        )
    org.parent = parent
    org.path = f"{parent.path if parent else '/'}{org.code}/"
    org.depth = parent.depth + 1 if parent else 0


@transaction.atomic
def org_upsert(
    *, actor: User | None, code: str, name: str, level: str, parent: OrgUnit | None
) -> OrgUnit:
    """Create or update the org with this code; moving it re-paths its subtree."""
    if level not in OrgUnit.Level.values:
        raise ApplicationError(
            _("未知层级：%(level)s") % {"level": level}, code="org_level", field="level"
        )
    org = OrgUnit.objects.filter(code=code).first() or OrgUnit(code=code)
    old_path = org.path
    org.name, org.level = name, level
    _place(org, parent)
    org.full_clean(exclude=["parent"])
    org.save()
    if old_path and old_path != org.path:
        for child in OrgUnit.objects.filter(path__startswith=old_path).exclude(pk=org.pk):
            child.path = org.path + child.path[len(old_path) :]
            child.depth = child.path.count("/") - 2
            child.save(update_fields=["path", "depth", "updated_at"])
        refcache.invalidate("deadline-rules")  # rules are matched by their org's path
    audit_record(
        actor=actor,
        action="org_upsert",
        obj=org,
        data={"name": name, "level": level, "parent": parent.code if parent else None},
    )
    return org


@transaction.atomic
def org_import_rows(
    *,
    actor: User | None,
    rows: Iterable[dict[str, str]],
    progress: Callable[[int, int], None] | None = None,
) -> list[OrgUnit]:
    """Import `code,name,level,parent_code` rows all-or-nothing; parents may come later in the
    file. `progress(done, total)` is called every 100 orgs and at the end."""
    pending = [{k: (v or "").strip() for k, v in row.items()} for row in rows]
    for number, row in enumerate(pending, start=2):
        missing = [f for f in ("code", "name", "level") if not row.get(f)]
        if missing:
            raise ApplicationError(
                _("第 %(n)d 行缺少 %(f)s。") % {"n": number, "f": ", ".join(missing)},
                code="org_import",
                field=missing[0],
            )
    done: list[OrgUnit] = []
    total = len(pending)
    while pending:
        placed: set[int] = set()  # ids of the rows placed in this pass
        for row in pending:
            parent_code = row.get("parent_code", "")
            parent = OrgUnit.objects.filter(code=parent_code).first() if parent_code else None
            if parent_code and parent is None:
                continue
            try:
                done.append(
                    org_upsert(
                        actor=actor,
                        code=row["code"],
                        name=row["name"],
                        level=row["level"],
                        parent=parent,
                    )
                )
            except ApplicationError as exc:
                exc.message = _("组织 %(code)s：%(msg)s") % {
                    "code": row["code"],
                    "msg": exc.message,
                }
                raise
            placed.add(id(row))
            if progress and len(done) % 100 == 0:
                progress(len(done), total)
        if not placed:
            codes = ", ".join(r["code"] for r in pending)
            raise ApplicationError(
                _("找不到上级组织（parent_code），涉及：%(codes)s") % {"codes": codes},
                code="org_import_parent",
                field="parent_code",
            )
        pending = [r for r in pending if id(r) not in placed]
    if progress:
        progress(len(done), total)
    return done


def _user(*, username: str, password: str | None, full_name: str) -> User:
    """The user with this name, created if new; a new user without a password cannot log in
    until one is set."""
    username = username.strip()
    if not username:
        raise ApplicationError(_("用户名不能为空。"), code="username_required", field="username")
    user, created = User.objects.get_or_create(
        username=username, defaults={"first_name": full_name}
    )
    if password:
        user.set_password(password)
        user.save(update_fields=["password"])
    elif created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


@transaction.atomic
def staff_create(
    *,
    actor: User | None,
    username: str,
    org: OrgUnit,
    role: str,
    password: str | None = None,
    full_name: str = "",
) -> StaffRole:
    """Create the user if new and give them `role` at `org`."""
    if role not in StaffRole.Role.values:
        raise ApplicationError(
            _("未知角色：%(role)s（可选：%(all)s）")
            % {"role": role, "all": ", ".join(StaffRole.Role.values)},
            code="staff_role",
            field="role",
        )
    user = _user(username=username, password=password, full_name=full_name)
    staff_role, _created = StaffRole.objects.get_or_create(user=user, org=org, role=role)
    audit_record(
        actor=actor,
        action="staff_create",
        obj=staff_role,
        data={"username": user.username, "org": org.code, "role": role},
    )
    return staff_role


@transaction.atomic
def agency_staff_create(
    *,
    actor: User | None,
    username: str,
    agency: PartnerAgency,
    password: str | None = None,
    full_name: str = "",
) -> AgencyStaff:
    """Create the user if new and attach them to a partner agency (joint mediation)."""
    user = _user(username=username, password=password, full_name=full_name)
    post, _created = AgencyStaff.objects.get_or_create(user=user, agency=agency)
    audit_record(
        actor=actor,
        action="agency_staff_create",
        obj=post,
        data={"username": user.username, "agency": agency.code},
    )
    return post


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def api_token_issue(*, actor: User | None, user: User) -> str:
    """Create a token and return it in clear; only its hash is kept."""
    token = "tx_" + secrets.token_urlsafe(32)
    row = ApiToken.objects.create(user=user, prefix=token[:8], key_hash=_hash_token(token))
    audit_record(actor=actor, action="api_token_issue", obj=row, data={"user": user.username})
    return token


# Token → user with their roles, kept in process memory: the two queries behind it were a
# third of a queue request. Any save or delete of a token, user, staff role or agency post
# drops it (orgs.apps): at once in this process and, through the shared cache (REDIS_URL), in
# the others; without a shared cache the other workers follow within `ttl` seconds.
_authenticated: RefCache[dict[str, User]] = RefCache("api-tokens", dict, ttl=10.0)


def api_token_authenticate(*, token: str) -> User | None:
    """The active user behind a token, or None. Each call gets its own copy of the user."""
    key = _hash_token(token)
    known = _authenticated.get()
    user = known.get(key)
    if user is None:
        row = (
            ApiToken.objects.select_related("user")
            .filter(key_hash=key, revoked=False, user__is_active=True)
            .first()
        )
        if row is None:
            return None  # unknown tokens are not remembered: a new one works at once
        user = row.user
        staff_role_list(user=user)  # loaded once and kept with the user
        agency_ids_for_user(user=user)
        known[key] = user
    return copy.copy(user)
