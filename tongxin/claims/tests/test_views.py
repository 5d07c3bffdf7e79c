import re

import pytest

from claimtext import LexiconClassifier
from tongxin.appeals.models import WorkOrder, WorkOrderEvent
from tongxin.appeals.tests.factories import submit
from tongxin.claims import services
from tongxin.claims.models import ClaimAnnotation

TEXT = "公司拖欠我三个月工资，也一直没有和我签订劳动合同。"


def _checked(html: str) -> list[str]:
    return re.findall(r'name="claim_labels" value="([^"]+)" checked', html)


def _boxes(html: str) -> list[str]:
    return re.findall(r'name="claim_labels" value="([^"]+)"', html)


def test_desk_form_carries_the_live_suggestion_box(client_for):
    html = client_for("operator").get("/desk/new/?channel=hotline").content.decode()
    assert 'id="claim-suggestions"' in html
    assert 'hx-get="/claims/suggest/"' in html
    assert "input delay:600ms from:#description" in html


def test_suggestions_for_a_description_start_ticked(client_for):
    # when the operator has typed a description
    r = client_for("operator").get("/claims/suggest/", {"description": TEXT})
    # then every suggestion of the fallback is offered, ticked, and the other labels too
    html = r.content.decode()
    suggested = [s.label for s in LexiconClassifier().suggest(TEXT)]
    assert r.status_code == 200
    assert _checked(html) == suggested
    assert len(_boxes(html)) == 20
    assert "未加载训练模型，当前按法定用语规则识别。" in html


def test_the_operators_ticks_survive_retyping(client_for):
    # given 支付工资 was suggested and unticked, and 支付加班工资 ticked by hand
    r = client_for("operator").get(
        "/claims/suggest/",
        {
            "description": TEXT,
            "claims_seen": ["支付工资"],
            "claim_labels": ["支付加班工资"],
            "claims_confirm": "1",
        },
    )
    html = r.content.decode()
    new = [s.label for s in LexiconClassifier().suggest(TEXT) if s.label != "支付工资"]
    # then the untick holds, the hand tick holds, new suggestions start ticked
    assert sorted(_checked(html)) == sorted({"支付加班工资", *new})
    assert 'name="claims_confirm" value="1" checked' in html


def test_an_overlong_description_is_refused_naming_the_field(client_for):
    r = client_for("operator").get("/claims/suggest/", {"description": "欠" * 4001})
    assert r.status_code == 400
    assert "诉求内容不能超过 4000 个字。" in r.content.decode()


def test_an_empty_description_suggests_nothing(client_for):
    r = client_for("operator").get("/claims/suggest/", {"description": "  "})
    assert r.status_code == 200
    assert _boxes(r.content.decode()) == []


def _desk(**extra):
    data = {
        "channel": "hotline",
        "phone": "13700001111",
        "org": "JJKFQ",
        "description": TEXT,
    }
    data.update(extra)
    return data


def test_desk_intake_saves_the_ticked_claim_types_when_confirmed(client_for):
    # when the operator registers the call and confirms two claim types
    r = client_for("operator").post(
        "/desk/new/", _desk(claims_confirm="1", claim_labels=["未签订劳动合同", "支付工资"])
    )
    # then the order exists with its confirmed claim types and a 分类 row
    order = WorkOrder.objects.get()
    assert r.status_code == 302
    assert order.claim_annotation.label_names() == ["支付工资", "未签订劳动合同"]
    assert list(order.events.values_list("action", flat=True)) == ["submitted", "classify"]


def test_desk_intake_without_confirmation_saves_no_claim_types(client_for):
    r = client_for("operator").post("/desk/new/", _desk(claim_labels=["支付工资"]))
    assert r.status_code == 302
    assert ClaimAnnotation.objects.count() == 0
    assert list(WorkOrder.objects.get().events.values_list("action", flat=True)) == ["submitted"]


def test_desk_intake_with_an_unknown_claim_type_takes_nothing_in(client_for):
    # when the form carries a label outside the 20
    r = client_for("operator").post(
        "/desk/new/", _desk(claims_confirm="1", claim_labels=["支付工资", "加薪"])
    )
    # then the form comes back with the error and no order was created
    assert r.status_code == 400
    assert "未知的诉求类型：加薪。" in r.content.decode()
    assert WorkOrder.objects.count() == 0
    assert ClaimAnnotation.objects.count() == 0


def test_order_page_loads_both_panels(tree, client_for):
    order = submit(tree["county_a"], description=TEXT)
    html = client_for("supervisor").get(f"/orders/{order.tracking_code}/").content.decode()
    assert f'hx-get="/claims/orders/{order.tracking_code}/"' in html
    assert f'hx-get="/claims/orders/{order.tracking_code}/similar/"' in html


def test_order_panel_offers_the_suggestions_for_confirmation(tree, client_for):
    # given an order nobody has labelled
    order = submit(tree["county_a"], description=TEXT)
    # when its panel loads
    r = client_for("supervisor").get(f"/claims/orders/{order.tracking_code}/")
    # then all 20 types are offered with the suggested ones ticked
    html = r.content.decode()
    assert r.status_code == 200
    assert len(_boxes(html)) == 20
    assert _checked(html) == [s.label for s in LexiconClassifier().suggest(TEXT)]
    assert "确认诉求类型" in html


def test_order_panel_ticks_what_was_confirmed(tree, cast, client_for):
    order = submit(tree["county_a"], description=TEXT)
    services.claim_annotation_confirm(actor=cast["operator"], order=order, labels=["支付加班工资"])
    html = client_for("supervisor").get(f"/claims/orders/{order.tracking_code}/").content.decode()
    assert _checked(html) == ["支付加班工资"]
    assert "更正诉求类型" in html


def test_confirming_on_the_order_page_redirects_and_records(tree, client_for):
    # given an order
    order = submit(tree["county_a"], description=TEXT)
    # when the handler's supervisor confirms through htmx
    r = client_for("supervisor").post(
        f"/claims/orders/{order.tracking_code}/confirm/",
        {"claim_labels": ["支付工资"]},
        headers={"HX-Request": "true"},
    )
    # then the page is reloaded and the claim types are stored
    assert r.status_code == 200
    assert r["HX-Redirect"] == f"/orders/{order.tracking_code}/"
    assert order.claim_annotation.label_names() == ["支付工资"]


def test_a_bad_label_on_the_order_page_shows_the_error_and_writes_nothing(tree, client_for):
    order = submit(tree["county_a"], description=TEXT)
    events = WorkOrderEvent.objects.count()
    r = client_for("supervisor").post(
        f"/claims/orders/{order.tracking_code}/confirm/", {"claim_labels": ["加薪"]}
    )
    assert r.status_code == 400
    assert "未知的诉求类型：加薪。" in r.content.decode()
    assert ClaimAnnotation.objects.count() == 0
    assert WorkOrderEvent.objects.count() == events


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/claims/orders/{code}/"),
        ("post", "/claims/orders/{code}/confirm/"),
        ("get", "/claims/orders/{code}/similar/"),
    ],
)
def test_the_outsider_gets_404_and_nothing_is_written(tree, client_for, method, path):
    # given county A's order and county B's supervisor
    order = submit(tree["county_a"], description=TEXT)
    events = WorkOrderEvent.objects.count()
    client = client_for("outsider")
    url = path.format(code=order.tracking_code)
    # when they open or post to its panels
    r = client.post(url, {"claim_labels": ["支付工资"]}) if method == "post" else client.get(url)
    # then they learn nothing and change nothing
    assert r.status_code == 404
    assert ClaimAnnotation.objects.count() == 0
    assert WorkOrderEvent.objects.count() == events


@pytest.mark.parametrize(
    "path", ["/claims/suggest/", "/claims/orders/X/", "/claims/orders/X/similar/"]
)
def test_anonymous_is_sent_to_login(client, path):
    r = client.get(path)
    assert r.status_code == 302
    assert r["Location"].startswith("/login/?next=")


def test_similar_panel_before_any_index_says_how_to_build_it(tree, client_for):
    order = submit(tree["county_a"], description=TEXT)
    r = client_for("supervisor").get(f"/claims/orders/{order.tracking_code}/similar/")
    assert r.status_code == 200
    assert (
        "相似案例索引尚未建立（管理员可运行 python manage.py claims_index）。" in r.content.decode()
    )


def test_similar_panel_refuses_a_bad_k(tree, client_for):
    order = submit(tree["county_a"], description=TEXT)
    r = client_for("supervisor").get(f"/claims/orders/{order.tracking_code}/similar/?k=50")
    assert r.status_code == 400
    assert "数量应在 1 到 20 之间。" in r.content.decode()
