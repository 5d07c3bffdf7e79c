"""The staff queue API: the count and pages come from one windowed query, the org filter
narrows to a subtree without widening anyone's scope, and org lookups by code stay fresh."""

import pytest
from django.db import IntegrityError, transaction

from tongxin.appeals.models import WorkOrder
from tongxin.appeals.tests.builders import order_in
from tongxin.appeals.tests.factories import submit

S = WorkOrder.Status


def _codes(response) -> list[str]:
    return [r["tracking_code"] for r in response.json()["results"]]


def test_count_is_the_whole_queue_on_every_page(api_for, tree):
    orders = [submit(tree["county_a"]) for _ in range(5)]
    client = api_for("supervisor")

    first = client.get("/api/v1/workorders", {"limit": 2}).json()
    last = client.get("/api/v1/workorders", {"limit": 2, "offset": 4}).json()
    past_the_end = client.get("/api/v1/workorders", {"limit": 2, "offset": 10}).json()

    assert (first["count"], len(first["results"])) == (5, 2)
    assert (last["count"], len(last["results"])) == (5, 1)
    assert (past_the_end["count"], past_the_end["results"]) == (5, [])
    pages = [
        r["tracking_code"]
        for offset in (0, 2, 4)
        for r in client.get("/api/v1/workorders", {"limit": 2, "offset": offset}).json()["results"]
    ]
    assert sorted(pages) == sorted(o.tracking_code for o in orders)  # no row twice, none lost


def test_an_empty_queue_counts_zero(api_for, tree):
    body = api_for("outsider").get("/api/v1/workorders").json()
    assert (body["count"], body["results"]) == (0, [])


def test_org_filter_inside_the_scope_keeps_only_that_subtree(api_for, tree, cast):
    in_park = order_in(S.DISPATCHED, tree=tree, cast=cast)  # assigned to the park JJKFQ
    at_county = submit(tree["county_a"])
    client = api_for("supervisor")  # works at county_a, above the park

    park = client.get("/api/v1/workorders", {"org": "JJKFQ"})
    county = client.get("/api/v1/workorders", {"org": "JJ"})

    assert _codes(park) == [in_park.tracking_code]
    assert sorted(_codes(county)) == sorted([in_park.tracking_code, at_county.tracking_code])


def test_org_filter_above_the_scope_does_not_widen_it(api_for, tree, cast):
    in_park = order_in(S.DISPATCHED, tree=tree, cast=cast)
    submit(tree["county_a"])  # assigned to the county, above the handler's park

    handler_view = api_for("handler").get("/api/v1/workorders", {"org": "JJ"}).json()
    outsider_view = api_for("outsider").get("/api/v1/workorders", {"org": "JJ"}).json()

    assert [r["tracking_code"] for r in handler_view["results"]] == [in_park.tracking_code]
    assert handler_view["count"] == 1
    assert (outsider_view["count"], outsider_view["results"]) == (0, [])


def test_unknown_org_filter_is_an_empty_queue(api_for, tree):
    submit(tree["county_a"])
    body = api_for("supervisor").get("/api/v1/workorders", {"org": "NOPE"}).json()
    assert (body["count"], body["results"]) == (0, [])


def test_a_deactivated_org_stops_taking_appeals_at_once(client, tree):
    body = {
        "org": "JJ-HX",
        "channel": "qr",
        "description": "拖欠工资两个月",
        "phone": "13800001234",
    }
    assert (
        client.post("/api/v1/public/appeals", body, content_type="application/json").status_code
        == 201
    )

    tree["ent_a"].is_active = False
    tree["ent_a"].save()  # the cached org must not outlive this save

    refused = client.post("/api/v1/public/appeals", body, content_type="application/json")
    assert refused.status_code == 400
    assert refused.json()["field"] == "org"
    assert WorkOrder.objects.filter(intake_org=tree["ent_a"]).count() == 1


def test_a_moved_org_is_filtered_by_its_new_place(api_for, tree, cast):
    from tongxin.orgs.services import org_upsert

    order = submit(tree["ent_a"])
    client = api_for("supervisor")
    assert _codes(client.get("/api/v1/workorders", {"org": "JJ-HX"})) == [order.tracking_code]

    # the enterprise union moves to the other county: its orders leave county_a's queue
    org_upsert(actor=None, code="JJ-HX", name="恒兴鞋业工会", level="BASE", parent=tree["county_b"])

    assert _codes(client.get("/api/v1/workorders", {"org": "JJ-HX"})) == []
    outsider = api_for("outsider").get("/api/v1/workorders", {"org": "JJ-HX"})
    assert _codes(outsider) == [order.tracking_code]


def test_tracking_codes_and_idempotency_keys_stay_unique(tree):
    first = submit(tree["city"])
    keyed = WorkOrder.objects.get(pk=first.pk)
    keyed.idempotency_key = "api:k1"
    keyed.save(update_fields=["idempotency_key"])
    second = submit(tree["city"])

    with pytest.raises(IntegrityError), transaction.atomic():
        WorkOrder.objects.filter(pk=second.pk).update(tracking_code=first.tracking_code)
    with pytest.raises(IntegrityError), transaction.atomic():
        WorkOrder.objects.filter(pk=second.pk).update(idempotency_key="api:k1")
    submit(tree["city"])  # orders without a key never collide with each other
    assert WorkOrder.objects.filter(idempotency_key__isnull=True).count() == 2


@pytest.mark.parametrize("id_limit", [500, 1], ids=["by-org-ids", "by-path"])
def test_org_filter_finds_the_same_orders_by_ids_or_by_path(api_for, tree, monkeypatch, id_limit):
    from tongxin.appeals import selectors

    monkeypatch.setattr(selectors, "SUBTREE_ID_LIMIT", id_limit)
    in_enterprise = submit(tree["ent_a"])
    in_park = submit(tree["town_a"])
    submit(tree["county_a"])  # above the park

    body = api_for("supervisor").get("/api/v1/workorders", {"org": "JJKFQ"}).json()

    assert sorted(r["tracking_code"] for r in body["results"]) == sorted(
        [in_enterprise.tracking_code, in_park.tracking_code]
    )
    assert body["count"] == 2


def test_an_org_added_to_a_subtree_is_in_its_queue_at_once(api_for, tree):
    from tongxin.orgs.services import org_upsert

    client = api_for("supervisor")
    assert client.get("/api/v1/workorders", {"org": "JJKFQ"}).json()["count"] == 0  # cached

    new_union = org_upsert(
        actor=None, code="JJ-NEW", name="新建企业工会", level="BASE", parent=tree["town_a"]
    )
    order = submit(new_union)

    codes = _codes(client.get("/api/v1/workorders", {"org": "JJKFQ"}))
    assert codes == [order.tracking_code]


# Bad filters are refused, naming the field --------------------------------------------------


def _refusal(response) -> tuple[int, str | None, str]:
    body = response.json()
    return response.status_code, body["field"], body["message"].split("：")[0]


@pytest.mark.parametrize("offset", ["99999999999999999999", "10000001"])
def test_offset_out_of_range_is_422_naming_the_field(api_for, tree, offset):
    client = api_for("supervisor")
    submit(tree["county_a"])
    # when the offset is past the bound (the first one also past SQL's 64-bit integers)
    response = client.get("/api/v1/workorders", {"offset": offset})
    # then it is refused, while the bound itself is still an (empty) page
    assert _refusal(response) == (422, "offset", "字段 offset 无效")
    last = client.get("/api/v1/workorders", {"offset": "10000000"}).json()
    assert (last["count"], last["results"]) == (1, [])


def test_status_filter_takes_open_all_or_a_status_and_refuses_others(api_for, tree, cast):
    # given an open order and a closed one
    open_order = submit(tree["county_a"])
    closed = order_in(S.CLOSED, tree=tree, cast=cast)
    client = api_for("supervisor")
    # when the queue is filtered by status
    by_status = {
        status: sorted(_codes(client.get("/api/v1/workorders", {"status": status})))
        for status in ["open", "all", "", "closed"]
    }
    unknown = client.get("/api/v1/workorders", {"status": "zzz"})
    # then open is the default queue, all and "" are everything, and an unknown status is 422
    both = sorted([open_order.tracking_code, closed.tracking_code])
    assert by_status == {
        "open": [open_order.tracking_code],
        "all": both,
        "": both,
        "closed": [closed.tracking_code],
    }
    assert _refusal(unknown) == (422, "status", "字段 status 无效")
    assert "open、all、new" in unknown.json()["message"]


def test_channel_and_category_filters_refuse_unknown_values(api_for, tree):
    from tongxin.appeals.models import Category

    # given an order by hotline in a topic that has since been retired
    order = submit(tree["county_a"], channel="hotline", category="C3-02")
    Category.objects.filter(code="C3-02").update(is_active=False)
    client = api_for("supervisor")
    # when filtered by known and unknown channels and categories
    known = [
        _codes(client.get("/api/v1/workorders", params))
        for params in ({"channel": "hotline"}, {"category": "C3"}, {"category": "C3-02"})
    ]
    unknown_channel = client.get("/api/v1/workorders", {"channel": "fax"})
    unknown_category = client.get("/api/v1/workorders", {"category": "C9-99"})
    # then known values (a retired topic too) find the order, and unknown ones are 422
    assert known == [[order.tracking_code]] * 3
    assert _refusal(unknown_channel) == (422, "channel", "字段 channel 无效")
    assert _refusal(unknown_category) == (422, "category", "字段 category 无效")
    assert unknown_category.json()["message"] == "字段 category 无效：没有这个分类代码。"
