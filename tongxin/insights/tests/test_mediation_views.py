"""The mediation indicators page, its ledger download and the API: scope, bad input, charts."""

import io
from datetime import date

import pytest
from django.test import Client
from openpyxl import load_workbook

from tongxin.disputes.tests.conftest import clerks  # noqa: F401 (a fixture)
from tongxin.insights.tests.conftest import PERIOD

PAGE, LEDGER, API = (
    "/insights/disputes/",
    "/insights/disputes/ledger.xlsx",
    "/api/v1/insights/disputes",
)


def test_page_shows_the_figures_the_definition_and_the_charts(mediation_cases, client_for):
    # when county A's supervisor opens county A for March and April
    response = client_for("supervisor").get(PAGE, {"org": "JJ", **PERIOD})
    # then the figures, the cohort definition, the ledger link and the charts are there
    assert response.status_code == 200
    html = response.content.decode()
    report = response.context["report"]
    assert report.total.indicator["success_rate"].numerator == 3
    assert report.definition in html
    assert "晋江市总工会及其下级组织调解的、收到申请日期在 2026-03-01 至 2026-04-30" in html
    assert f'href="{LEDGER}?org=JJ&amp;start=2026-03-01&amp;end=2026-04-30"' in html
    assert '<div class="v">75.00%</div>' in html
    assert '<div class="d">3 / 4 · 调解成功的案件 / 受理的案件</div>' in html
    assert '<div class="v">197,955.17</div>' in html
    assert "<th>涉及职工</th><th>处理中</th><th>调解结案</th><th>裁决/判决</th>" in html
    assert (
        '<tr id="handover-arbitration"><td>申请劳动仲裁</td><td>2</td><td>9</td>'
        "<td>1</td><td>1</td><td>0</td>" in html
    )
    # three charts by month, and by child org: recovered amount and the four rates
    titles = [c.title for c in response.context["month_charts"]]
    assert titles == [
        "每月收到的调解申请",
        "追回金额（万元）：按收到申请的月份",
        "调解成功率：按收到申请的月份",
    ]
    assert [c.title for c in response.context["child_charts"]] == [
        "追回金额（万元）：下级组织对比",
        "调解成功率",
        "按期达成率",
        "职工达成率",
        "协议履行率（金额）",
    ]
    assert html.count('<svg class="chart"') == 8
    recovered = response.context["child_charts"][0]
    assert [(b.label, b.text) for b in recovered.bars] == [
        ("本级", "0万"),
        ("晋江经济开发", "19.8万"),
    ]


def test_page_takes_a_fixed_number_of_queries(
    mediation_cases, client_for, django_assert_num_queries
):
    client = client_for("supervisor")
    # session, user, roles, agencies, org, org choices, cases, child orgs, handovers
    with django_assert_num_queries(9):
        response = client.get(PAGE, {"org": "JJ", **PERIOD})
    assert response.status_code == 200


def test_page_defaults_to_the_users_top_org(mediation_cases, client_for):
    response = client_for("handler").get(PAGE)
    assert response.status_code == 200
    assert response.context["org"].code == "JJKFQ"


def test_page_outside_the_scope_is_404(mediation_cases, client_for):
    assert client_for("outsider").get(PAGE, {"org": "JJ", **PERIOD}).status_code == 404
    assert client_for("handler").get(PAGE, {"org": "JJ", **PERIOD}).status_code == 404


def test_agency_staff_without_union_roles_get_no_page(mediation_cases, clerks):  # noqa: F811
    client = Client()
    client.force_login(clerks["arbitration"])
    assert client.get(PAGE).status_code == 404


def test_page_names_a_bad_date_and_shows_the_default_period(mediation_cases, client_for):
    response = client_for("supervisor").get(PAGE, {"org": "JJ", "start": "2026-13-01"})
    assert response.status_code == 200
    assert '<div class="error">开始日期格式应为 YYYY-MM-DD。</div>' in response.content.decode()
    assert (response.context["end"] - response.context["start"]).days == 364


def test_page_link_in_the_navigation(client_for, tree):
    html = client_for("supervisor").get("/insights/workorders/").content.decode()
    assert f'<a href="{PAGE}">调解指标</a>' in html


def test_ledger_download_has_the_cohort(mediation_cases, client_for):
    response = client_for("supervisor").get(LEDGER, {"org": "JJ", **PERIOD})
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="-JJ-20260301-20260430.xlsx"; '
        "filename*=UTF-8''%E8%B0%83%E8%A7%A3%E5%8F%B0%E8%B4%A6-JJ-20260301-20260430.xlsx"
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1].date()) for r in rows] == [
        ("2026-JJKFQ-0002", date(2026, 3, 2)),
        ("2026-JJKFQ-0003", date(2026, 3, 10)),
        ("2026-JJ-0001", date(2026, 4, 1)),
        ("2026-JJ-HX-0001", date(2026, 4, 2)),
        ("2026-JJKFQ-0004", date(2026, 4, 3)),
    ]


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ({"org": "JJ", "start": "03/01/2026", "end": "2026-04-30"}, 400),
        ({"org": "JJ", "start": "2026-05-01", "end": "2026-04-30"}, 400),
        ({"org": "NA", **PERIOD}, 404),
    ],
)
def test_ledger_download_refuses_bad_input_and_other_counties(
    mediation_cases, client_for, query, status
):
    assert client_for("supervisor").get(LEDGER, query).status_code == status


def test_api_returns_the_figures(mediation_cases, api_for):
    response = api_for("supervisor").get(API, {"org": "JJ", **PERIOD})
    assert response.status_code == 200
    body = response.json()
    assert (body["org"], body["org_name"], body["start"], body["end"]) == (
        "JJ",
        "晋江市总工会",
        "2026-03-01",
        "2026-04-30",
    )
    assert body["definition"].startswith("统计口径：晋江市总工会及其下级组织调解的")
    rates = {i["key"]: (i["numerator"], i["denominator"], i["rate"]) for i in body["indicators"]}
    assert rates["success_rate"] == (3, 4, "75.00")
    assert rates["performance_rate"] == ("83300.00", "85300.00", "97.66")
    assert body["average_days"] == {
        "key": "average_days",
        "label": "平均达成天数",
        "total": 31,
        "count": 3,
        "value": "10.3",
        "definition": "各调解成功案件自收到申请至首份协议生效的自然日数之和 / 调解成功的案件",
    }
    assert {a["key"]: a["value"] for a in body["amounts"]}["recovered"] == "197955.17"
    assert [(h["kind"], h["total"], h["outcomes"]["confirmed"]) for h in body["handovers"]] == [
        ("arbitration", 2, 0),
        ("judicial_confirmation", 1, 1),
    ]


@pytest.mark.parametrize(
    ("query", "status", "field", "message"),
    [
        ({"org": "JJ", "start": "2026-3-1"}, 400, "start", "开始日期格式应为 YYYY-MM-DD。"),
        ({"org": "JJ", "end": "soon"}, 400, "end", "结束日期格式应为 YYYY-MM-DD。"),
        (
            {"org": "JJ", "start": "2026-05-01", "end": "2026-04-30"},
            400,
            "start",
            "开始日期不能晚于结束日期。",
        ),
        (
            {"org": "JJ", "start": "2020-01-01", "end": "2026-04-30"},
            400,
            "start",
            "统计区间不能超过 5 年。",
        ),
        ({"start": "2026-03-01"}, 422, "org", "缺少字段 org。"),
        ({"org": "NA", **PERIOD}, 404, None, "未找到。"),
        ({"org": "NO-SUCH", **PERIOD}, 404, None, "未找到。"),
    ],
)
def test_api_bad_input_names_the_field(mediation_cases, api_for, query, status, field, message):
    response = api_for("supervisor").get(API, query)
    assert response.status_code == status
    assert (response.json()["field"], response.json()["message"]) == (field, message)


def test_api_outsider_gets_404_for_county_a_and_figures_for_their_own(mediation_cases, api_for):
    client = api_for("outsider")
    assert client.get(API, {"org": "JJ", **PERIOD}).status_code == 404
    body = client.get(API, {"org": "NA", **PERIOD}).json()
    assert {i["key"]: i["numerator"] for i in body["indicators"]}["applications"] == 1


def test_api_needs_a_token(tree):
    assert Client().get(API, {"org": "JJ"}).status_code == 401
