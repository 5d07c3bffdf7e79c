"""The mediator's pages: the case list, the application form (also from a work order), the
case page with its actions, and what outsiders get."""

import html
import re

import pytest
from django.test import Client

from tongxin.appeals.tests.factories import submit
from tongxin.disputes.models import MediationCase
from tongxin.disputes.tests.builders import open_case, workers


def _codes(html: str) -> list[str]:
    return re.findall(r'<td><a href="/disputes/[0-9a-f-]+/">([^<]+)</a></td>', html)


@pytest.fixture
def case(tree, cast):
    return open_case(cast["handler"], tree["town_a"])


def test_list_shows_the_users_cases_and_htmx_gets_only_rows(client_for, case):
    html = client_for("supervisor").get("/disputes/").content.decode()
    assert _codes(html) == [case.case_no]
    rows = client_for("supervisor").get(
        "/disputes/", {"kind": "collective"}, HTTP_HX_REQUEST="true"
    )
    assert rows.content.decode().lstrip().startswith('<div id="cases">')
    assert _codes(rows.content.decode()) == []


def test_outsider_sees_no_case_and_gets_404(client_for, case):
    outsider = client_for("outsider")
    assert _codes(outsider.get("/disputes/").content.decode()) == []
    assert outsider.get(f"/disputes/{case.pk}/").status_code == 404
    response = outsider.post(f"/disputes/{case.pk}/transition/", {"action": "accept"})
    assert response.status_code == 404
    assert outsider.get(f"/disputes/{case.pk}/documents/application.pdf").status_code == 404
    case.refresh_from_db()
    assert (case.status, case.events.count()) == ("applied", 1)


def test_a_document_number_that_is_no_number_is_ignored(client_for, case):
    # "²" passes str.isdigit() but not int(): the page once failed on it
    response = client_for("handler").get(
        f"/disputes/{case.pk}/documents/application.docx", {"number": "²"}
    )
    assert response.status_code == 200


def test_anonymous_is_sent_to_login(case):
    response = Client().get(f"/disputes/{case.pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def _application(**overrides):
    return {
        "org": "JJKFQ",
        "source": "walk_in",
        "kind": "individual",
        "application_form": "oral",
        "requests": "支付拖欠工资 2300 元",
        "facts": "离职时公司未结清工资。",
        "employer_name": "恒兴鞋业有限公司",
        "worker_name": "王五",
        "worker_phone": "13900001111",
        "claim_type": "wages",
        "claim_amount": "2300",
        **overrides,
    }


def test_handler_registers_an_application(client_for):
    response = client_for("handler").post("/disputes/new/", _application())
    case = MediationCase.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/disputes/{case.pk}/"
    assert [(c.worker.name, c.type, str(c.amount_claimed)) for c in case.claims.all()] == [
        ("王五", "wages", "2300.00")
    ]
    page = client_for("handler").get(response["Location"]).content.decode()
    assert "139****1111" in page
    assert "13900001111" not in page


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"requests": ""}, "请填写请求事项。"),
        ({"worker_phone": "1234"}, "请填写正确的联系电话（手机号或带区号的固定电话）。"),
        ({"claim_amount": "两千"}, "请求金额应为金额数字。"),
        ({"org": "NA"}, "请选择您管辖范围内的调解组织。"),
        (
            {"roster": "王一 13800000001\n李二 代表 多余"},
            "职工名单第 2 行：看不懂“多余”（每行：姓名 手机号 身份证号 代表）。",
        ),
    ],
)
def test_bad_application_is_shown_in_chinese_and_nothing_written(client_for, change, message):
    response = client_for("handler").post("/disputes/new/", _application(**change))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert MediationCase.objects.count() == 0


def test_collective_roster_registers_every_worker(client_for):
    roster = "\n".join(f"职工{i} 1380000{i:04d}{' 代表' if i < 3 else ''}" for i in range(12))
    client_for("handler").post("/disputes/new/", _application(kind="collective", roster=roster))
    case = MediationCase.objects.get()
    assert len(workers(case)) == 12
    assert sum(w.is_representative for w in workers(case)) == 3
    assert case.claims.count() == 12


def test_one_step_from_a_work_order(client_for, tree):
    order = submit(tree["town_a"], name="王五", employer_name="恒兴鞋业有限公司")
    handler = client_for("handler")
    link = handler.get(f"/orders/{order.tracking_code}/").content.decode()
    assert f'href="/disputes/new/?order={order.tracking_code}"' in link
    form = handler.get("/disputes/new/", {"order": order.tracking_code}).content.decode()
    assert 'value="王五"' in form
    response = handler.post(
        "/disputes/new/",
        {
            "order": order.tracking_code,
            "requests": "支付工资",
            "facts": order.description,
            "kind": "individual",
            "application_form": "oral",
            "employer_name": "恒兴鞋业有限公司",
            "worker_name": "王五",
            "worker_phone": "13800001234",
        },
    )
    case = MediationCase.objects.get()
    assert response["Location"] == f"/disputes/{case.pk}/"
    assert case.work_order == order
    order_page = handler.get(f"/orders/{order.tracking_code}/").content.decode()
    assert case.case_no in order_page
    # the form now leads to the case instead of opening a second one
    again = handler.get("/disputes/new/", {"order": order.tracking_code})
    assert again["Location"] == f"/disputes/{case.pk}/"


def test_case_page_offers_exactly_the_allowed_actions(client_for, case):
    html = client_for("handler").get(f"/disputes/{case.pk}/").content.decode()
    actions = re.findall(r'<input type="hidden" name="action" value="(\w+)">', html)
    assert actions == [
        "accept",
        "refuse",
        "add_party",
        "change_party",
        "remove_party",
        "add_claim",
        "change_claim",
        "remove_claim",
        "join_agency",
        "record_separation",
    ]


def test_action_by_post_and_refusal_by_htmx(client_for, case):
    handler = client_for("handler")
    ok = handler.post(
        f"/disputes/{case.pk}/transition/", {"action": "accept", "mediators": ["handler"]}
    )
    assert ok.status_code == 302
    case.refresh_from_db()
    assert case.status == "accepted"
    assert list(case.mediators.values_list("username", flat=True)) == ["handler"]
    bad = handler.post(
        f"/disputes/{case.pk}/transition/",
        {"action": "record_session", "place": "", "attendees": "双方", "statements": "陈述"},
        HTTP_HX_REQUEST="true",
    )
    assert bad.status_code == 400
    html = bad.content.decode()
    assert html.lstrip().startswith('<div id="actions">')
    assert "请填写地点。" in html
    assert case.sessions.count() == 0


def test_agency_clerk_sees_only_joined_cases(tree, cast, case, agencies, clerks):
    from tongxin.disputes.tests.builders import act

    act(cast["handler"], case, "join_agency", agency="JJ-LDZC", agency_role="arbitration_link")
    other = open_case(cast["handler"], tree["town_a"])
    clerk = Client()
    clerk.force_login(clerks["arbitration"])
    assert _codes(clerk.get("/disputes/").content.decode()) == [case.case_no]
    assert clerk.get(f"/disputes/{other.pk}/").status_code == 404
    html = clerk.get(f"/disputes/{case.pk}/").content.decode()
    assert re.findall(r'name="action" value="(\w+)"', html) == ["agency_sign_off"]


def test_claim_amount_from_the_calculator_page(client_for, case):
    handler = client_for("handler")
    worker = workers(case)[0]
    # the case page leads to the calculator of the claim type, carrying the case
    go = handler.get(
        f"/disputes/{case.pk}/claims/calculator/", {"worker": worker.pk, "type": "severance"}
    )
    assert go.status_code == 302
    assert go["Location"].startswith("/calculators/severance/?case=")
    page = handler.get(go["Location"]).content.decode()
    assert f'name="case" value="{case.pk}"' in page
    # the calculator's result offers to record it; recording keeps the breakdown
    result = handler.post(
        go["Location"].split("?")[0],
        {
            "case": case.pk,
            "worker": worker.pk,
            "type": "severance",
            "start_date": "2021-03-01",
            "end_date": "2024-03-10",
            "termination_ground": "mutual_employer_initiated",
            "avg_monthly_wage_12m": "9000",
            "local_avg_monthly_wage": "10000",
            "local_min_wage": "2420",
        },
    ).content.decode()
    inputs = re.search(r'name="calculator_inputs" value="([^"]+)"', result)
    assert inputs, "the result page offers to record the claim"
    recorded = handler.post(
        f"/disputes/{case.pk}/transition/",
        {
            "action": "add_claim",
            "worker": worker.pk,
            "type": "severance",
            "calculator_inputs": html.unescape(inputs[1]),
        },
    )
    assert recorded.status_code == 302
    claim = case.claims.get(type="severance")
    assert str(claim.amount_claimed) == "31500.00"
    assert claim.calculation["result"]["components"]


def test_claim_types_without_a_calculator_are_refused(client_for, case):
    response = client_for("handler").get(
        f"/disputes/{case.pk}/claims/calculator/", {"type": "bonus"}
    )
    assert response.status_code == 400
    assert "这类请求没有对应的计算器" in response.content.decode()


def test_application_from_an_order_suggests_the_claim_from_its_words(client_for, tree):
    order = submit(
        tree["town_a"],
        description="公司拖欠我三个月工资共6000元，一直不发。",
        amount_claimed="6000",
    )
    form = client_for("handler").get("/disputes/new/", {"order": order.tracking_code})
    html = form.content.decode()
    assert '<option value="wages" selected>' in html
    assert 'name="claim_amount" inputmode="decimal" value="6000.00"' in html


def test_outsider_gets_404_from_the_claim_calculator_link(client_for, case):
    response = client_for("outsider").get(
        f"/disputes/{case.pk}/claims/calculator/", {"type": "severance"}
    )
    assert response.status_code == 404
