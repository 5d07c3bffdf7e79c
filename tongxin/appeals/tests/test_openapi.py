"""Other systems integrate through the OpenAPI document: it must describe every work-order
endpoint of the issue, with the shapes the endpoints really return."""

import pytest
from django.test import Client

ENDPOINTS = {
    ("post", "/api/v1/public/appeals"): "PublicAppealCreatedOut",
    ("get", "/api/v1/public/appeals/{tracking_code}"): "PublicAppealOut",
    ("post", "/api/v1/public/appeals/{tracking_code}/rating"): "PublicAppealOut",
    ("get", "/api/v1/workorders"): "WorkOrderPageOut",
    ("get", "/api/v1/workorders/{tracking_code}"): "WorkOrderDetailOut",
    ("post", "/api/v1/workorders/{tracking_code}/transitions"): "WorkOrderDetailOut",
}


@pytest.fixture(scope="module")
def spec():
    return Client().get("/api/v1/openapi.json").json()


@pytest.mark.parametrize(("method", "path"), ENDPOINTS)
def test_each_endpoint_is_documented_with_its_response(spec, method, path):
    responses = spec["paths"][path][method]["responses"]
    ok = next(r for code, r in responses.items() if code.startswith("2"))
    ref = ok["content"]["application/json"]["schema"]["$ref"]
    assert ref.endswith("/" + ENDPOINTS[(method, path)])


def test_queue_rows_document_every_field_the_api_returns(spec, api_for, tree):
    from tongxin.appeals.tests.factories import submit

    submit(tree["county_a"])
    row = api_for("supervisor").get("/api/v1/workorders").json()["results"][0]
    documented = spec["components"]["schemas"]["WorkOrderRowOut"]["properties"]
    assert set(row) == set(documented)


def test_the_docs_page_is_served():
    assert Client().get("/api/v1/docs").status_code == 200
