"""The disputes API: open (directly or from a work order), list, detail, actions, and what
outsiders and bad input get."""

import json

import pytest
from django.test import Client

from tongxin.appeals.models import WorkOrderEvent
from tongxin.appeals.tests.factories import submit
from tongxin.disputes.models import DisputeEvent, MediationCase
from tongxin.disputes.tests.builders import open_case, roster
from tongxin.orgs.services import api_token_issue

URL = "/api/v1/disputes"


def _post(client: Client, url: str, body: object):
    return client.post(url, json.dumps(body), content_type="application/json")


def _application(**overrides):
    return {
        "org": "JJKFQ",
        "kind": "individual",
        "source": "walk_in",
        "requests": "支付拖欠工资 2300 元",
        "facts": "离职时公司未结清工资。",
        "parties": roster(1),
        "claims": [{"worker": 1, "type": "wages", "amount_claimed": "2300.00"}],
        **overrides,
    }


def test_handler_opens_a_case_and_sees_it_masked(api_for):
    response = _post(api_for("handler"), URL, _application())
    assert response.status_code == 201
    body = response.json()
    assert (body["org"], body["status"], body["kind"]) == ("JJKFQ", "applied", "individual")
    assert body["case_no"].endswith("-JJKFQ-0001")
    worker = next(p for p in body["parties"] if p["role"] == "worker")
    assert worker["phone_masked"] == "138****0000"
    assert "13800000000" not in response.content.decode()
    assert body["totals"]["claimed"] == "2300.00"
    assert [e["action"] for e in body["timeline"]] == ["open"]
    assert "accept" in body["allowed_actions"]


@pytest.mark.parametrize(
    ("change", "status", "field"),
    [
        ({"requests": ""}, 400, "requests"),
        ({"kind": "group"}, 400, "kind"),
        ({"parties": [{"role": "worker", "name": "王", "phone": "12345"}]}, 400, "parties.0.phone"),
        (
            {"parties": [{"role": "worker", "name": "王", "id_number": "110105194912310021"}]},
            400,
            "parties.0.id_number",
        ),
        (
            {"claims": [{"worker": 0, "type": "wages", "amount_claimed": "1"}]},
            400,
            "claims.0.worker",
        ),
        (
            {"claims": [{"worker": 1, "type": "wages", "amount_claimed": "-5"}]},
            400,
            "claims.0.amount_claimed",
        ),
        ({"claims": [{"worker": 1, "type": "wages"}]}, 400, "claims.0.amount_claimed"),
        ({"received_on": "2026-02-30"}, 422, "received_on"),
        ({"received_on": "0001-01-01"}, 400, "received_on"),
        ({"source": "court_entrusted", "referring_court": "JJ-FY"}, 400, "court_case_no"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(api_for, agencies, change, status, field):
    response = _post(api_for("handler"), URL, _application(**change))
    assert response.status_code == status
    assert response.json()["field"] == field
    assert MediationCase.objects.count() == 0
    assert DisputeEvent.objects.count() == 0


def test_not_json_is_a_400_in_chinese(api_for):
    response = api_for("handler").post(URL, "{", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["message"] == "请求内容不是有效的 JSON。"


def test_outsider_gets_404_and_nothing_is_written(api_for, tree, cast):
    case = open_case(cast["handler"], tree["town_a"])
    outsider = api_for("outsider")
    assert _post(outsider, URL, _application()).status_code == 404
    assert outsider.get(f"{URL}/{case.pk}").status_code == 404
    response = _post(outsider, f"{URL}/{case.pk}/transitions", {"action": "accept"})
    assert response.status_code == 404
    assert outsider.get(f"{URL}/{case.pk}/documents/application.pdf").status_code == 404
    assert outsider.get(URL).json()["count"] == 0
    case.refresh_from_db()
    assert case.status == MediationCase.Status.APPLIED
    assert case.events.count() == 1


def test_no_token_is_401(client):
    assert client.get(URL).status_code == 401


def test_open_from_work_order_links_both_ways(api_for, tree):
    order = submit(tree["town_a"], employer_name="恒兴鞋业有限公司", name="王五")
    client = api_for("handler")
    body = {"work_order": order.tracking_code, "requests": "支付拖欠工资"}
    response = _post(client, URL, body)
    assert response.status_code == 201
    case = MediationCase.objects.get()
    assert (case.work_order, case.org, case.source) == (order, order.assigned_org, "work_order")
    assert response.json()["work_order"] == order.tracking_code
    assert sorted(case.parties.values_list("role", "name")) == [
        ("employer", "恒兴鞋业有限公司"),
        ("worker", "王五"),
    ]
    assert case.facts == order.description
    event = order.events.get(action=WorkOrderEvent.Action.MEDIATION)
    assert event.data == {"case_no": case.case_no}
    # a second try is refused, nothing more written
    again = _post(client, URL, body)
    assert (again.status_code, again.json()["code"]) == (400, "already_linked")
    assert MediationCase.objects.count() == 1


def test_actions_through_the_api(api_for, tree, cast):
    case = open_case(cast["handler"], tree["town_a"])
    client = api_for("handler")
    url = f"{URL}/{case.pk}/transitions"
    response = _post(client, url, {"action": "accept"})
    assert (response.status_code, response.json()["status"]) == (200, "accepted")
    refused = _post(client, url, {"action": "accept"})
    assert (refused.status_code, refused.json()["field"]) == (400, "action")
    unknown = _post(client, url, {"action": "teleport"})
    assert (unknown.status_code, unknown.json()["code"]) == (400, "unknown_action")
    session = _post(
        client,
        url,
        {"action": "record_session", "place": "茶室", "attendees": "双方", "statements": "陈述"},
    )
    assert session.json()["sessions"][0]["place"] == "茶室"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (
            {
                "action": "record_session",
                "held_at": "0001-01-01 00:00",
                "place": "茶室",
                "attendees": "双方",
                "statements": "陈述",
            },
            "held_at",
        ),
        (
            {
                "action": "extend",
                "until": "9999-12-31",
                "parties_consent": True,
                "note": "双方同意",
            },
            "until",
        ),
    ],
)
def test_dates_at_the_ends_of_the_calendar_are_refused_naming_the_field(
    api_for, tree, cast, body, field
):
    # given an accepted case
    case = open_case(cast["handler"], tree["town_a"])
    client = api_for("handler")
    url = f"{URL}/{case.pk}/transitions"
    assert _post(client, url, {"action": "accept"}).status_code == 200
    due = MediationCase.objects.get().mediation_due_on
    # when an action carries a date at the end of Python's calendar
    response = _post(client, url, body)
    # then it is a 400 naming the field, and nothing is written
    assert (response.status_code, response.json()["field"]) == (400, field)
    assert response.json()["message"].endswith("应在 1900-01-01 至 2999-12-31 之间。")
    case.refresh_from_db()
    assert (case.sessions.count(), case.mediation_due_on, case.events.count()) == (0, due, 2)


def test_list_filters_and_pages(api_for, tree, cast):
    first = open_case(cast["handler"], tree["town_a"])
    open_case(
        cast["supervisor"], tree["county_a"], kind="collective", workers=10, representatives=3
    )
    client = api_for("supervisor")
    assert client.get(URL).json()["count"] == 2
    assert [r["case_no"] for r in client.get(URL, {"kind": "individual"}).json()["results"]] == [
        first.case_no
    ]
    assert client.get(URL, {"org": "JJKFQ"}).json()["count"] == 1
    page = client.get(URL, {"limit": 1, "offset": 1}).json()
    assert (page["count"], len(page["results"])) == (2, 1)
    assert client.get(URL, {"q": "王工1"}).json()["count"] == 2
    assert client.get(URL, {"limit": 0}).status_code == 422


@pytest.mark.parametrize("offset", ["24913473584703008145408", "10000001"])
def test_list_offset_out_of_range_is_422_naming_the_field(api_for, tree, cast, offset):
    # given a case in the supervisor's scope
    open_case(cast["handler"], tree["town_a"])
    client = api_for("supervisor")
    # when the list is asked for past the bound (the first one also past SQL's 64-bit integers)
    response = client.get(URL, {"offset": offset})
    # then it is refused naming the field, while the bound itself is still an (empty) page
    body = response.json()
    assert (response.status_code, body["field"], body["message"].split("：")[0]) == (
        422,
        "offset",
        "字段 offset 无效",
    )
    last = client.get(URL, {"offset": "10000000"}).json()
    assert (last["count"], last["results"]) == (1, [])


def test_agency_staff_see_only_cases_their_agency_joined(tree, cast, agencies, clerks):
    joined = open_case(cast["handler"], tree["town_a"])
    other = open_case(cast["handler"], tree["town_a"])
    client = Client(
        headers={
            "Authorization": f"Bearer {api_token_issue(actor=None, user=clerks['arbitration'])}"
        }
    )
    assert client.get(f"{URL}/{joined.pk}").status_code == 404
    _post_as = _post(
        api_token_client(cast["handler"]),
        f"{URL}/{joined.pk}/transitions",
        {"action": "join_agency", "agency": "JJ-LDZC", "agency_role": "arbitration_link"},
    )
    assert _post_as.status_code == 200
    assert [r["case_no"] for r in client.get(URL).json()["results"]] == [joined.case_no]
    assert client.get(f"{URL}/{other.pk}").status_code == 404
    detail = client.get(f"{URL}/{joined.pk}").json()
    assert detail["allowed_actions"] == ["agency_sign_off"]
    # the clerk may sign off for the committee, not mediate
    refused = _post(client, f"{URL}/{joined.pk}/transitions", {"action": "accept"})
    assert (refused.status_code, refused.json()["message"]) == (400, "您的岗位不能执行“受理”。")
    signed = _post(
        client,
        f"{URL}/{joined.pk}/transitions",
        {"action": "agency_sign_off", "note": "同意调解方案"},
    )
    assert signed.status_code == 200
    event = joined.events.get(action="agency_sign_off")
    assert (event.actor, event.agency) == (clerks["arbitration"], agencies["arbitration"])
    # the court's clerk, whose court did not join, sees nothing
    court = Client(
        headers={"Authorization": f"Bearer {api_token_issue(actor=None, user=clerks['court'])}"}
    )
    assert court.get(f"{URL}/{joined.pk}").status_code == 404


def api_token_client(user) -> Client:
    return Client(headers={"Authorization": f"Bearer {api_token_issue(actor=None, user=user)}"})
