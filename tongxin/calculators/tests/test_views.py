"""The mediator's pages: who may open them, the form, the result, errors next to fields."""

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client

import laborlaw

LIST = "/calculators/"
SEVERANCE = "/calculators/severance/"
LAYOFF = {
    "termination_ground": "art41_layoff",
    "start_date": "2015-01-01",
    "end_date": "2024-08-31",
    "avg_monthly_wage_12m": "40000",
}
NOTICE = "/calculators/notice_pay/"
NOTICE_PAY = {
    "termination_ground": "art40_medical",
    "notice_30_days_given": "false",
    "last_month_wage": "8000",
}
PAGES = [
    ("get", LIST, {}),
    ("get", SEVERANCE, {}),
    ("get", SEVERANCE + "parameters/", {"place": "110000"}),
    ("post", SEVERANCE, LAYOFF),
]


def _field(html, name):
    """The markup of one form field, from its wrapper to the next field."""
    match = re.search(
        rf'<div class="calc-field[^"]*" id="field-{name}">(.*?)\n\s*</div>', html, re.S
    )
    assert match, name
    return match.group(0)


def _result(html):
    match = re.search(r'<section class="card calc-result".*?</section>', html, re.S)
    return match.group(0) if match else ""


@pytest.mark.parametrize(("method", "url", "data"), PAGES)
def test_anonymous_is_sent_to_login(db, method, url, data):
    response = getattr(Client(), method)(url, data)
    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=")


@pytest.mark.parametrize(("method", "url", "data"), PAGES)
def test_login_without_a_staff_role_gets_404(db, method, url, data):
    client = Client()
    client.force_login(User.objects.create_user("no-role"))
    response = getattr(client, method)(url, data)
    assert response.status_code == 404
    assert "calc-result" not in response.content.decode()


def test_list_offers_every_calculator(client_for):
    response = client_for("handler").get(LIST)
    assert response.status_code == 200
    html = response.content.decode()
    for name in laborlaw.CALCULATORS:
        label = laborlaw.describe(name)["label_zh"]
        assert f'href="/calculators/{name}/"' in html
        assert label in html


def test_form_is_in_chinese_and_printable(client_for):
    html = client_for("handler").get(SEVERANCE).content.decode()
    assert "<h1>经济补偿</h1>" in html
    assert '<option value="art41_layoff">第41条：经济性裁员</option>' in html
    assert "calculators/calculators.css" in html
    assert "前十二个月平均工资" in _field(html, "avg_monthly_wage_12m")


def test_unknown_calculator_is_404(client_for):
    assert client_for("handler").get("/calculators/bonus/").status_code == 404


def test_result_shows_amount_components_articles_and_capital_numerals(client_for):
    # given a wage below 3x with months fixed by the court
    data = {"termination_ground": "art41_layoff", "comp_months": "10"}
    data["avg_monthly_wage_12m"] = "46300"
    # when the mediator calculates
    response = client_for("handler").post(SEVERANCE, data)
    # then the page shows the amount, its capital numerals, each component and its article
    assert response.status_code == 200
    result = _result(response.content.decode())
    assert '<div class="amount">¥ 463,000.00</div>' in result
    assert "人民币（大写）：肆拾陆万叁仟元整" in result
    assert "<td>经济补偿（第47条）</td><td>46300 × 10</td>" in result
    assert "劳动合同法 第47条第1款" in result
    assert "window.print()" in result


def test_place_and_date_fill_the_parameters_with_their_source(client_for, places, figures):
    # given a district whose city published a 9,000 average valid from 2024-07-01
    client = client_for("handler")
    form = client.get(SEVERANCE, {"place": "990101", "on": "2024-08-31"}).content.decode()
    assert 'value="9000"' in _field(form, "local_avg_monthly_wage")
    assert "测试市统计局 · 测试〔2024〕1号 · 2024-07-01 起" in _field(
        form, "local_avg_monthly_wage"
    )
    # when the prefilled figure is posted back unchanged
    data = {**LAYOFF, "place": "990101"}
    data |= {"local_avg_monthly_wage": "9000", "auto__local_avg_monthly_wage": "9000"}
    result = _result(client.post(SEVERANCE, data).content.decode())
    # then the cap uses it (3 × 9,000 × 10 months) and the printout names its source
    assert '<div class="amount">¥ 270,000.00</div>' in result
    assert "贰拾柒万元整" in result
    assert "测试市统计局 · 测试〔2024〕1号" in result


def test_where_provinces_differ_the_page_warns(client_for):
    data = {
        "scenario": "post_expiry",
        "prior_contract_end_date": "2023-12-31",
        "end_date": "2024-08-31",
        "monthly_wage": "10000",
    }
    result = _result(client_for("handler").post("/calculators/double_wage/", data).content.decode())
    assert "各地规定不同：" in result
    assert "合同期满后空窗期的二倍工资：北京自次日起算" in result
    assert '<div class="amount">¥ 80,000.00</div>' in result


@pytest.mark.parametrize(
    ("url", "data", "field", "message"),
    [
        (
            SEVERANCE,
            {**LAYOFF, "avg_monthly_wage_12m": "abc"},
            "avg_monthly_wage_12m",
            "不是有效的数字",
        ),
        (SEVERANCE, {**LAYOFF, "start_date": "2024-13-01"}, "start_date", "应为日期"),
        (SEVERANCE, {**LAYOFF, "termination_ground": ""}, "termination_ground", "缺少必填项"),
        (SEVERANCE, {**LAYOFF, "place": "999999"}, "place", "未知的地区代码"),
        (SEVERANCE, {**LAYOFF, "on": "昨天"}, "on", "日期格式应为"),
        (
            "/calculators/work_injury_death/",
            {"regional_avg_monthly_wage": "9000", "own_monthly_wage_12m": "8000"}
            | {"dependants": "表哥"},
            "dependants",
            "取值无效",
        ),
        (
            "/calculators/time_limits/",
            {"claim_type": "severance", "suspensions": "2024-01-01"},
            "suspensions",
            "每行应为",
        ),
    ],
)
def test_bad_input_shows_the_chinese_message_next_to_the_field(
    client_for, url, data, field, message
):
    response = client_for("handler").post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    block = _field(html, field)
    assert 'class="calc-field has-error"' in block
    assert message in block
    assert "请更正标红的项目。" in html
    assert _result(html) == ""


def test_htmx_post_returns_only_the_calculator_body(client_for):
    data = {
        "termination_ground": "art41_layoff",
        "comp_months": "1",
        "avg_monthly_wage_12m": "5000",
    }
    response = client_for("handler").post(SEVERANCE, data, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="calculator-body">')
    assert "<html" not in html
    assert "伍仟元整" in _result(html)


def test_parameters_partial_for_a_place_and_a_bad_date(client_for):
    client = client_for("handler")
    ok = client.get("/calculators/time_limits/parameters/", {"place": "110000", "on": "2025-09-01"})
    html = ok.content.decode()
    assert html.lstrip().startswith('<fieldset class="calc-section" id="jurisdiction-fields">')
    assert 'value="2540"' in _field(html, "local_min_wage")
    bad = client.get("/calculators/time_limits/parameters/", {"place": "110000", "on": "x"})
    assert bad.status_code == 200


@pytest.mark.parametrize("case", ["x", "1' OR 1=1", "00000000-0000-0000-0000-00000000000G"])
def test_malformed_case_link_is_refused_on_the_form(client_for, case):
    # given a calculator opened with a case link that is no case id (a hand-edited URL)
    data = {"case": case, "worker": "1", "type": "notice_pay", **NOTICE_PAY}
    # when the mediator submits a calculation that is otherwise correct
    response = client_for("handler").post(NOTICE, data)
    # then the form comes back with the message and neither a result nor a link to record it
    assert response.status_code == 200
    html = response.content.decode()
    assert "调解案件的编号无效。请从案件页面重新打开计算器。" in html
    assert _result(html) == ""
    assert 'name="calculator_inputs"' not in html


def test_case_link_is_carried_in_canonical_form(client_for):
    # given a case link in upper case, as some scanners and mail clients rewrite it
    case = "6F9619FF-8B86-D011-B42D-00C04FC964FF"
    data = {"case": case, "worker": "1", "type": "notice_pay", **NOTICE_PAY}
    # when the calculation succeeds
    html = client_for("handler").post(NOTICE, data).content.decode()
    # then the offer to record it posts to that case's page
    assert _result(html) != ""
    assert 'action="/disputes/6f9619ff-8b86-d011-b42d-00c04fc964ff/transition/"' in html
