"""Reads of the union tree, always limited to what a user may see."""

from collections.abc import Iterable
from functools import reduce
from operator import or_

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Q, QuerySet
from django.http import Http404

from tongxin.core.refcache import RefCache
from tongxin.orgs.models import AgencyStaff, OrgUnit, PartnerAgency, StaffRole

Role = StaffRole.Role


def staff_role_list(*, user: User | AnonymousUser) -> list[StaffRole]:
    """The user's roles (cached on the user object for the request)."""
    if not user.is_authenticated:
        return []
    cached: list[StaffRole] | None = getattr(user, "_staff_roles", None)
    if cached is None:
        cached = list(StaffRole.objects.filter(user=user).select_related("org"))
        user._staff_roles = cached  # type: ignore[union-attr]
    return cached


def agency_ids_for_user(*, user: User | AnonymousUser) -> list[int]:
    """The partner agencies the user works for (cached on the user object for the request)."""
    if not user.is_authenticated:
        return []
    cached: list[int] | None = getattr(user, "_agency_ids", None)
    if cached is None:
        cached = list(AgencyStaff.objects.filter(user=user).values_list("agency_id", flat=True))
        user._agency_ids = cached  # type: ignore[union-attr]
    return cached


def scope_paths(*, user: User | AnonymousUser, roles: set[str] | None = None) -> list[str]:
    """Paths of the subtrees the user works in (optionally only for the given roles)."""
    paths = sorted(
        {r.org.path for r in staff_role_list(user=user) if roles is None or r.role in roles}
    )
    # Drop paths inside another path, so filters stay short.
    return [p for i, p in enumerate(paths) if not any(p.startswith(q) for q in paths[:i])]


def scope_q(*, user: User | AnonymousUser, field: str, roles: set[str] | None = None) -> Q:
    """A filter on `field` (an OrgUnit FK) to the user's subtrees; matches nothing without roles."""
    paths = scope_paths(user=user, roles=roles)
    if not paths:
        return Q(pk__in=[])
    return reduce(or_, (Q(**{f"{field}__path__startswith": p}) for p in paths))


def roles_at(*, user: User | AnonymousUser, org: OrgUnit) -> set[str]:
    """Roles the user holds at `org` or any org above it."""
    return {r.role for r in staff_role_list(user=user) if org.is_within(r.org)}


def org_list_for_user(*, user: User | AnonymousUser) -> QuerySet[OrgUnit]:
    """Orgs in the user's subtrees."""
    paths = scope_paths(user=user)
    if not paths:
        return OrgUnit.objects.none()
    return OrgUnit.objects.filter(reduce(or_, (Q(path__startswith=p) for p in paths)))


def org_get_for_user(*, user: User | AnonymousUser, code: str) -> OrgUnit:
    """One org in the user's subtrees; 404 for anything else."""
    org = org_list_for_user(user=user).filter(code=code).first()
    if org is None:
        raise Http404
    return org


# Orgs looked up by code on every intake and queue filter, kept in process memory (see
# core.refcache; any org edit invalidates it). Filled one code at a time, so a large tree is
# never loaded whole; unknown codes are not remembered, so a new org is found at once.
_orgs_by_code: RefCache[dict[str, OrgUnit]] = RefCache("orgs-by-code", dict, ttl=120.0)


def org_by_code(*, code: str) -> OrgUnit | None:
    """The org with this code (active or not), or None. Treat the result as read-only."""
    known = _orgs_by_code.get()
    org = known.get(code)
    if org is None:
        org = OrgUnit.objects.filter(code=code).first()
        if org is not None:
            known[code] = org
    return org


# Ids of the orgs in a subtree, by (path, limit) (same invalidation as above).
_subtree_ids: RefCache[dict[tuple[str, int], list[int]]] = RefCache("org-subtrees", dict, ttl=120.0)


def org_subtree_ids(*, path: str, limit: int) -> list[int] | None:
    """The ids of the orgs at and below `path`, or None if there are more than `limit`.
    A short id list lets a query filter on the foreign key alone, without joining the orgs
    (on PostgreSQL that also cuts its planning time by two thirds)."""
    known = _subtree_ids.get()
    ids = known.get((path, limit))
    if ids is None:
        ids = list(
            OrgUnit.objects.filter(path__startswith=path).values_list("id", flat=True)[: limit + 1]
        )
        known[(path, limit)] = ids
    return ids if len(ids) <= limit else None


def org_get_public(*, code: str) -> OrgUnit:
    """An active org for the public QR form; 404 if unknown."""
    org = org_by_code(code=code)
    if org is None or not org.is_active:
        raise Http404
    return org


def agency_list_for_org(*, org: OrgUnit) -> QuerySet[PartnerAgency]:
    """Agencies whose jurisdiction is `org` or an org above it (they can take its transfers)."""
    return PartnerAgency.objects.filter(org__path__in=_ancestor_paths(org.path)).select_related(
        "org"
    )


def _ancestor_paths(path: str) -> list[str]:
    parts = [p for p in path.split("/") if p]
    return ["/" + "/".join(parts[: i + 1]) + "/" for i in range(len(parts))]


def org_ancestors(*, org: OrgUnit) -> QuerySet[OrgUnit]:
    """The org and every org above it, root first."""
    return OrgUnit.objects.filter(path__in=_ancestor_paths(org.path)).order_by("depth")


def staff_users_at(*, org: OrgUnit, roles: Iterable[str]) -> QuerySet[User]:
    """Active users holding one of `roles` at `org` or above it (who may work on its cases)."""
    return (
        User.objects.filter(
            is_active=True,
            staff_roles__org__path__in=_ancestor_paths(org.path),
            staff_roles__role__in=list(roles),
        )
        .distinct()
        .order_by("username")
    )
