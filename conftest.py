"""The standing cast for every test: a small union tree and staff in every role, plus an
outsider in a sibling county who must see nothing of county A's work."""

import pytest
from django.contrib.auth.models import User
from django.db import connections
from django.test import Client
from pytest_django.plugin import blocking_manager_key  # the blocker behind django_db_blocker

from tongxin.orgs.models import OrgUnit, PartnerAgency, StaffRole
from tongxin.orgs.services import api_token_issue, org_upsert, staff_create

L = OrgUnit.Level


@pytest.fixture(autouse=True)
def _fast_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.PUBLIC_FORM_MIN_SECONDS = 0
    settings.PUBLIC_RATE_LIMIT_PER_MINUTE = 1000
    settings.MEDIA_ROOT = tmp_path / "media"
    # Each test has its own (absent) claim model and similar-case index, so nothing a
    # developer trained into var/ leaks in: without a model the lexicon fallback answers.
    settings.CLAIMS_MODEL_PATH = tmp_path / "claims" / "claims-model.pkl"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _default_language():
    """A request in English (browser language, the language cookie) leaves English active in
    the thread: without this, code a later test calls outside a request would speak English."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    from tongxin.core import refcache

    cache.clear()
    refcache.invalidate_all()  # rules and calendar overrides come fresh from each test's DB


@pytest.fixture
def tree(db) -> dict[str, OrgUnit]:
    """city ─┬─ county_a ─── town_a ─── ent_a (an enterprise union)
    └─ county_b (the outsider's county)"""
    city = org_upsert(actor=None, code="QZ", name="泉州市总工会", level=L.CITY, parent=None)
    county_a = org_upsert(actor=None, code="JJ", name="晋江市总工会", level=L.COUNTY, parent=city)
    town_a = org_upsert(
        actor=None, code="JJKFQ", name="晋江经济开发区工会", level=L.PARK, parent=county_a
    )
    ent_a = org_upsert(actor=None, code="JJ-HX", name="恒兴鞋业工会", level=L.BASE, parent=town_a)
    county_b = org_upsert(actor=None, code="NA", name="南安市总工会", level=L.COUNTY, parent=city)
    PartnerAgency.objects.create(
        code="JJ-HRSS", name="晋江市人社局", type="HR_BUREAU", org=county_a
    )
    return {
        "city": city,
        "county_a": county_a,
        "town_a": town_a,
        "ent_a": ent_a,
        "county_b": county_b,
    }


def _staff(username: str, org: OrgUnit, role: str) -> User:
    return staff_create(
        actor=None, username=username, org=org, role=role, password="pw-" + username
    ).user


@pytest.fixture
def cast(tree) -> dict[str, User]:
    return {
        "operator": _staff("operator", tree["city"], StaffRole.Role.OPERATOR),
        "dispatcher": _staff("dispatcher", tree["county_a"], StaffRole.Role.DISPATCHER),
        "handler": _staff("handler", tree["town_a"], StaffRole.Role.HANDLER),
        "supervisor": _staff("supervisor", tree["county_a"], StaffRole.Role.SUPERVISOR),
        "admin": _staff("admin", tree["city"], StaffRole.Role.ADMIN),
        "outsider": _staff("outsider", tree["county_b"], StaffRole.Role.SUPERVISOR),
    }


@pytest.fixture
def client_for(cast):
    """A logged-in browser client for a cast member: client_for("handler")."""

    def make(name: str) -> Client:
        client = Client()
        client.force_login(cast[name])
        return client

    return make


@pytest.fixture
def api_for(cast):
    """A client with the cast member's bearer token on every request."""

    def make(name: str) -> Client:
        token = api_token_issue(actor=None, user=cast[name])
        return Client(headers={"Authorization": f"Bearer {token}"})

    return make


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test (live server, real concurrency) ends with a flush that also wipes
    the rows data migrations seeded (category catalogue, deadline rules, places and figures).
    Once its fixtures are torn down, put those rows back so tests that run later in the same
    worker see the database as migrated. Such tests carry
    `django_db(transaction=True, serialized_rollback=True)`, which makes pytest-django
    serialize the migrated contents once at set-up."""
    result = yield
    marker = item.get_closest_marker("django_db")
    # After the worker's last test the session teardown has already dropped the test
    # database and pointed the connections back at the real one: touch nothing then.
    if nextitem is not None and marker and marker.kwargs.get("transaction"):
        blocker = item.config.stash[blocking_manager_key]
        with blocker.unblock():
            for connection in connections.all():
                if contents := getattr(connection, "_test_serialized_contents", None):
                    connection.creation.deserialize_db_from_string(contents)
    return result
