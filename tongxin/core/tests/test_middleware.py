"""NUL and lone surrogates never reach a view: 400, as the API's JSON on /api/ paths and as
a short Chinese text on pages; ordinary requests pass untouched."""

import pytest
from django.test import Client

from tongxin.appeals.models import WorkOrder

PAGE_MESSAGE = "请求中含有不允许的字符（空字符或无效的 Unicode 字符），请检查后重试。"


def _api_refusal(field: str) -> dict:
    return {
        "code": "invalid_characters",
        "message": f"字段 {field} 含有不允许的字符（空字符或无效的 Unicode 字符）。",
        "field": field,
        "extra": {},
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "headers", "field"),
    [
        ("/api/v1/workorders?q=AB%00CD", {}, "q"),
        ("/api/v1/workorders?st%00atus=open", {}, "st\x00atus"),
        ("/api/v1/workorders", {"X-Request-Note": "a\x00b"}, "X-Request-Note"),
        ("/api/v1/public/appeals/AB%00CD/rating", {}, "path"),
    ],
)
def test_api_request_with_nul_is_400_json_naming_the_part(api_for, tree, url, headers, field):
    response = api_for("supervisor").get(url, headers=headers)
    assert response.status_code == 400
    assert response.json() == _api_refusal(field)


@pytest.mark.django_db
def test_nul_in_the_idempotency_key_is_refused_and_writes_nothing(tree):
    # given an intake whose Idempotency-Key (stored with the order) carries a NUL
    body = {"org": "JJKFQ", "description": "拖欠工资两个月", "phone": "13800001234"}
    # when it is posted
    response = Client().post(
        "/api/v1/public/appeals",
        body,
        content_type="application/json",
        headers={"Idempotency-Key": "retry\x001"},
    )
    # then it is refused by name, and nothing is stored
    assert response.status_code == 400
    assert response.json() == _api_refusal("Idempotency-Key")
    assert WorkOrder.objects.count() == 0


@pytest.mark.parametrize(
    ("url", "data"),
    [
        ("/workbench/?q=%00", None),
        ("/orders/AB%00CD/", None),
        ("/desk/new/", {"channel": "hotline", "org": "JJ", "description": "拖欠\x00工资两个月"}),
    ],
)
def test_page_request_with_nul_is_400_in_chinese(client_for, url, data):
    client = client_for("operator")
    response = client.post(url, data) if data else client.get(url)
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == PAGE_MESSAGE
    assert WorkOrder.objects.count() == 0
