import pytest
from django.test import Client

from claimtext import LexiconClassifier
from claimtext.labels import LABEL_TO_CODE
from tongxin.appeals.models import WorkOrderEvent
from tongxin.appeals.tests.factories import submit
from tongxin.claims import indexing
from tongxin.claims.models import ClaimAnnotation
from tongxin.claims.tests.builders import answered

TEXT = "公司拖欠我三个月工资，也一直没有和我签订劳动合同。"


def _post(client, url, body):
    return client.post(url, body, content_type="application/json")


def test_suggest_returns_the_fallbacks_labels(api_for):
    r = _post(api_for("operator"), "/api/v1/claims/suggest", {"text": TEXT})
    assert r.status_code == 200
    assert r.json() == {
        "classifier": {"kind": "lexicon", "version": "lexicon-2"},
        "suggestions": [
            {"label": s.label, "code": LABEL_TO_CODE[s.label], "confidence": None, "source": "rule"}
            for s in LexiconClassifier().suggest(TEXT)
        ],
    }


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "text"),
        ({"text": ""}, "text"),
        ({"text": "欠" * 4001}, "text"),
        ({"text": 5}, "text"),
        ([1], "text"),
    ],
)
def test_suggest_bad_input_is_4xx_naming_the_field(api_for, body, field):
    r = _post(api_for("operator"), "/api/v1/claims/suggest", body)
    assert r.status_code == 422
    assert r.json()["field"] == field


def test_confirm_then_read_back(tree, api_for):
    # given an order in county A
    order = submit(tree["county_a"], description=TEXT)
    client = api_for("supervisor")
    url = f"/api/v1/claims/workorders/{order.tracking_code}"
    # when the supervisor confirms claim types over the API
    r = _post(client, url + "/labels", {"labels": ["未签订劳动合同", "支付工资"]})
    # then they are stored and returned, and the same shows on a later read
    assert r.status_code == 200
    confirmed = r.json()["confirmed"]
    assert confirmed["labels"] == ["支付工资", "未签订劳动合同"]
    assert confirmed["confirmed_by"] == "supervisor"
    assert client.get(url).json()["confirmed"] == confirmed
    assert WorkOrderEvent.objects.filter(work_order=order, action="classify").count() == 1


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"labels": ["加薪"]}, 400, "labels"),
        ({"labels": "支付工资"}, 422, "labels"),
        ({}, 422, "labels"),
        ({"labels": ["支付工资"] * 21}, 422, "labels"),
    ],
)
def test_confirm_bad_input_is_4xx_naming_the_field_and_writes_nothing(
    tree, api_for, body, status, field
):
    order = submit(tree["county_a"], description=TEXT)
    events = WorkOrderEvent.objects.count()
    r = _post(
        api_for("supervisor"), f"/api/v1/claims/workorders/{order.tracking_code}/labels", body
    )
    assert r.status_code == status
    assert r.json()["field"] == field
    assert ClaimAnnotation.objects.count() == 0
    assert WorkOrderEvent.objects.count() == events


def test_similar_cases_over_the_api(tree, cast, api_for):
    # given a past case and an index
    past = answered(tree["county_a"], cast["supervisor"], "工厂拖欠三个月工资，老板失联。")
    indexing.similar_index_build()
    order = submit(tree["county_a"], description=TEXT)
    # when asked for similar cases
    r = api_for("supervisor").get(f"/api/v1/claims/workorders/{order.tracking_code}/similar?k=3")
    # then the past case comes with its outcome
    body = r.json()
    assert r.status_code == 200
    assert body["index_size"] == 1
    assert [(c["title"], c["status"], c["outcome"]) for c in body["results"]] == [
        (past.tracking_code, "即时办结", "已协调企业补发工资。")
    ]


@pytest.mark.parametrize("k", ["0", "21", "abc"])
def test_similar_bad_k_is_422_naming_k(tree, api_for, k):
    order = submit(tree["county_a"], description=TEXT)
    r = api_for("supervisor").get(f"/api/v1/claims/workorders/{order.tracking_code}/similar?k={k}")
    assert r.status_code == 422
    assert r.json()["field"] == "k"


@pytest.mark.parametrize(
    ("method", "suffix"), [("get", ""), ("post", "/labels"), ("get", "/similar")]
)
def test_the_outsider_gets_404_and_nothing_is_written(tree, api_for, method, suffix):
    order = submit(tree["county_a"], description=TEXT)
    events = WorkOrderEvent.objects.count()
    url = f"/api/v1/claims/workorders/{order.tracking_code}{suffix}"
    client = api_for("outsider")
    r = _post(client, url, {"labels": ["支付工资"]}) if method == "post" else client.get(url)
    assert r.status_code == 404
    assert r.json() == {"code": "not_found", "message": "未找到。", "field": None, "extra": {}}
    assert ClaimAnnotation.objects.count() == 0
    assert WorkOrderEvent.objects.count() == events


def test_no_token_is_401(db):
    r = Client().post("/api/v1/claims/suggest", {"text": TEXT}, content_type="application/json")
    assert r.status_code == 401
