"""Admins edit places and figures; every write goes through the services and is audited."""

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tongxin.calculators.models import JurisdictionParameter, Place
from tongxin.calculators.tests.factories import JurisdictionParameterFactory
from tongxin.core.models import AuditEntry

ADD = "/admin/calculators/jurisdictionparameter/add/"


@pytest.fixture
def admin_client(db):
    client = Client()
    client.force_login(User.objects.create_superuser("root", password="pw-root"))
    return client


def _form(place, **changes):
    data = {
        "place": place.pk,
        "key": "local_avg_monthly_wage",
        "tier": "",
        "value": "9500",
        "choice": "",
        "valid_from": "2025-01-01",
        "valid_to": "",
        "issuing_body": "测试市统计局",
        "document_no": "测试〔2025〕2号",
        "source_url": "",
        "note": "",
    }
    return {**data, **changes}


def test_admin_add_writes_the_figure_and_an_audit_entry(admin_client, places):
    response = admin_client.post(ADD, _form(places["city"]))
    assert response.status_code == 302
    row = JurisdictionParameter.objects.get(place=places["city"])
    assert (row.value, row.valid_from, row.document_no) == (
        Decimal("9500.00"),
        date(2025, 1, 1),
        "测试〔2025〕2号",
    )
    entry = AuditEntry.objects.get(object_type="calculators.jurisdictionparameter")
    assert entry.action == "jurisdiction_parameter_add"
    assert entry.actor.username == "root"
    assert entry.data["value"] == "9500"


def test_admin_refuses_an_overlapping_period_and_writes_nothing(admin_client, places):
    # given a figure in force from 2024-01-01, open-ended
    JurisdictionParameterFactory(place=places["city"], valid_from=date(2024, 1, 1))
    # when an admin adds another one for the same place and key from 2025
    response = admin_client.post(ADD, _form(places["city"]))
    # then the form shows the overlap next to the start date, and nothing was written
    assert response.status_code == 200
    assert "与已有记录的有效期重叠" in response.content.decode()
    assert JurisdictionParameter.objects.filter(place=places["city"]).count() == 1
    assert not AuditEntry.objects.filter(object_type="calculators.jurisdictionparameter").exists()


def test_admin_change_and_delete_are_audited(admin_client, places):
    row = JurisdictionParameterFactory(place=places["city"], valid_from=date(2024, 1, 1))
    url = f"/admin/calculators/jurisdictionparameter/{row.pk}/"
    changed = admin_client.post(url + "change/", _form(places["city"], valid_from="2024-01-01"))
    assert changed.status_code == 302
    deleted = admin_client.post(url + "delete/", {"post": "yes"})
    assert deleted.status_code == 302
    assert not JurisdictionParameter.objects.filter(pk=row.pk).exists()
    actions = list(
        AuditEntry.objects.filter(object_id=str(row.pk))
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["jurisdiction_parameter_change", "jurisdiction_parameter_delete"]
    assert AuditEntry.objects.get(action="jurisdiction_parameter_delete").data["value"] == "9500.00"


def test_admin_place_add_is_audited(admin_client, places):
    response = admin_client.post(
        "/admin/calculators/place/add/",
        {
            "code": "990103",
            "name": "丙区",
            "level": "district",
            "parent": places["city"].pk,
            "min_wage_tier": "1",
        },
    )
    assert response.status_code == 302
    place = Place.objects.get(code="990103")
    entry = AuditEntry.objects.get(object_type="calculators.place", object_id=str(place.pk))
    assert entry.action == "place_add"
    assert entry.data["parent"] == "990100"


def test_admin_refuses_a_place_code_in_full_width_digits(admin_client, places):
    # given a code typed in full-width digits (it would match no ASCII look-up)
    form = {
        "code": "９９０１０３",
        "name": "丙区",
        "level": "district",
        "parent": places["city"].pk,
    }
    # when it is added
    response = admin_client.post("/admin/calculators/place/add/", form)
    # then the form is shown again with the code's error, and nothing is written
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["code"] == [
        "代码应为 6 位行政区划代码（GB/T 2260）或 CN（全国）。"
    ]
    assert not Place.objects.filter(name="丙区").exists()
    assert not AuditEntry.objects.filter(action="place_add").exists()


def test_non_staff_user_cannot_reach_the_admin(db, places):
    client = Client()
    client.force_login(User.objects.create_user("clerk"))
    response = client.post(ADD, _form(places["city"]))
    assert response.status_code == 302
    assert not JurisdictionParameter.objects.filter(place=places["city"]).exists()
    assert not AuditEntry.objects.exists()
