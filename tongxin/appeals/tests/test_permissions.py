"""The authorization matrix: roles × staff pages and API endpoints. The outsider (county B's
supervisor) gets 404 for county A's orders and orgs, sees none of them in lists, and writes nothing."""

import re

import pytest
from django.test import Client

from tongxin.appeals.models import WorkOrder, WorkOrderEvent
from tongxin.appeals.tests.builders import act
from tongxin.appeals.tests.factories import submit

ROLES = ["anonymous", "operator", "dispatcher", "handler", "supervisor", "admin", "outsider"]
PHONE = "13900005678"
S = WorkOrder.Status


@pytest.fixture
def order_a(tree, cast):
    """Taken in at county A (JJ), dispatched to the park (JJKFQ): every county A role sees it."""
    order = submit(tree["county_a"], phone=PHONE)
    return act(cast["dispatcher"], order, "dispatch", to_org="JJKFQ")


def _page_requests(code):
    desk = {
        "phone": "13700001111",
        "org": "JJKFQ",
        "description": "公司两个月没发工资，共 5000 元。",
        "channel": "hotline",
    }
    return {
        "workbench": ("get", "/workbench/", None),
        "order_detail": ("get", f"/orders/{code}/", None),
        "order_transition": ("post", f"/orders/{code}/transition/", {"action": "urge"}),
        "desk_get": ("get", "/desk/new/", None),
        "desk_post": ("post", "/desk/new/", desk),
        "caller_history": ("get", f"/desk/caller-history/?phone={PHONE}", None),
        "overdue_board": ("get", "/supervision/", None),
        "export": ("get", "/orders/export.xlsx", None),
        "org_list": ("get", "/orgs/", None),
        "org_qr_png": ("get", "/orgs/JJKFQ/qr.png", None),
        "org_qr_svg": ("get", "/orgs/JJKFQ/qr.svg", None),
        "insights": ("get", "/insights/workorders/?org=JJKFQ", None),
    }


# Status for every logged-in role ("*"), with the exceptions named.
PAGE_EXPECT = {
    "workbench": {"*": 200},
    "order_detail": {"*": 200, "outsider": 404},
    "order_transition": {"*": 302, "handler": 400, "outsider": 404},  # urge: not the handler's
    "desk_get": {"*": 200},
    "desk_post": {"*": 302, "handler": 400, "outsider": 400},  # handlers do not take calls
    "caller_history": {"*": 200},
    "overdue_board": {"*": 200},
    "export": {"*": 200},
    "org_list": {"*": 200},
    "org_qr_png": {"*": 200, "outsider": 404},
    "org_qr_svg": {"*": 200, "outsider": 404},
    "insights": {"*": 200, "outsider": 404},
}
PAGE_CASES = [(role, page) for page in PAGE_EXPECT for role in ROLES]


def _client(client_for, role):
    return Client() if role == "anonymous" else client_for(role)


@pytest.mark.parametrize(("role", "page"), PAGE_CASES, ids=[f"{p}-{r}" for r, p in PAGE_CASES])
def test_page_matrix(client_for, order_a, role, page):
    # given county A's order and someone in `role`
    method, url, data = _page_requests(order_a.tracking_code)[page]
    client = _client(client_for, role)
    events, orders = WorkOrderEvent.objects.count(), WorkOrder.objects.count()
    # when they open the page or post the form
    response = getattr(client, method)(url, data) if data else getattr(client, method)(url)
    # then the status is what the matrix says
    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith("/login/?next=")
        expected = 302
    else:
        expected = PAGE_EXPECT[page].get(role, PAGE_EXPECT[page]["*"])
        assert response.status_code == expected
    # and only a successful write writes: one event for the urge, one new order for the desk
    wrote = role != "anonymous" and expected == 302
    assert WorkOrderEvent.objects.count() == events + (1 if wrote else 0)
    assert WorkOrder.objects.count() == orders + (1 if wrote and page == "desk_post" else 0)


API_EXPECT = {
    "list": {"*": 200},
    "detail": {"*": 200, "outsider": 404},
    "transitions": {"*": 200, "handler": 400, "outsider": 404},
    "insights": {"*": 200, "outsider": 404},
}
API_CASES = [(role, ep) for ep in API_EXPECT for role in ROLES]


@pytest.mark.parametrize(("role", "endpoint"), API_CASES, ids=[f"{e}-{r}" for r, e in API_CASES])
def test_api_matrix(api_for, order_a, role, endpoint):
    # given county A's order and a client with `role`'s token (none for anonymous)
    code = order_a.tracking_code
    client = Client() if role == "anonymous" else api_for(role)
    events = WorkOrderEvent.objects.count()
    # when they call the endpoint
    if endpoint == "list":
        response = client.get("/api/v1/workorders")
    elif endpoint == "detail":
        response = client.get(f"/api/v1/workorders/{code}")
    elif endpoint == "transitions":
        response = client.post(
            f"/api/v1/workorders/{code}/transitions",
            {"action": "urge"},
            content_type="application/json",
        )
    else:
        response = client.get("/api/v1/insights/workorders?org=JJKFQ")
    # then
    if role == "anonymous":
        assert response.status_code == 401
        assert response.json() == {
            "code": "unauthorized",
            "message": "需要有效的接口令牌。",
            "field": None,
            "extra": {},
        }
        expected = 401
    else:
        expected = API_EXPECT[endpoint].get(role, API_EXPECT[endpoint]["*"])
        assert response.status_code == expected
    if expected == 404:
        assert response.json() == {
            "code": "not_found",
            "message": "未找到。",
            "field": None,
            "extra": {},
        }
    if endpoint == "list" and expected == 200:
        codes = [r["tracking_code"] for r in response.json()["results"]]
        assert codes == ([] if role == "outsider" else [code])
    wrote = endpoint == "transitions" and expected == 200
    assert WorkOrderEvent.objects.count() == events + (1 if wrote else 0)


def test_bad_token_is_401(order_a):
    client = Client(headers={"Authorization": "Bearer tx_not-a-real-token"})
    assert client.get("/api/v1/workorders").status_code == 401
    assert client.get(f"/api/v1/workorders/{order_a.tracking_code}").status_code == 401


def test_outsider_sees_none_of_county_a_in_lists(client_for, tree, order_a):
    # given county A's order and one of county B's own
    own = submit(tree["county_b"], phone=PHONE)
    client = client_for("outsider")
    # when the outsider opens every list
    pages = {
        url: client.get(url).content.decode()
        for url in (
            "/workbench/",
            "/supervision/",
            "/orgs/",
            f"/desk/caller-history/?phone={PHONE}",
        )
    }
    # then county A's order and orgs appear nowhere, and their own order does appear
    for url, html in pages.items():
        assert order_a.tracking_code not in html, url
        assert "晋江" not in html, url
    assert own.tracking_code in pages["/workbench/"]
    assert own.tracking_code in pages[f"/desk/caller-history/?phone={PHONE}"]
    searched = client.get("/workbench/", {"q": order_a.tracking_code})
    assert searched.context["page"].paginator.count == 0


def test_outsider_cannot_post_a_transition_even_one_county_b_may_take(client_for, order_a):
    # when the outsider posts an urge on county A's order, plain and htmx
    events = WorkOrderEvent.objects.count()
    client = client_for("outsider")
    plain = client.post(f"/orders/{order_a.tracking_code}/transition/", {"action": "urge"})
    htmx = client.post(
        f"/orders/{order_a.tracking_code}/transition/", {"action": "urge"}, HTTP_HX_REQUEST="true"
    )
    # then 404 both times, nothing written
    assert (plain.status_code, htmx.status_code) == (404, 404)
    assert WorkOrderEvent.objects.count() == events
    order_a.refresh_from_db()
    assert order_a.status == WorkOrder.Status.DISPATCHED


@pytest.mark.parametrize(
    "url", ["/orgs/JJ/qr.png", "/orgs/QZ/qr.svg", "/insights/workorders/?org=JJ"]
)
def test_handler_gets_404_for_orgs_above_their_own(client_for, tree, url):
    assert client_for("handler").get(url).status_code == 404


def test_handler_api_insights_for_an_org_above_is_404(api_for, tree):
    assert api_for("handler").get("/api/v1/insights/workorders?org=JJ").status_code == 404


def test_staff_without_a_role_sees_nothing(db, tree, order_a, django_user_model):
    # given a logged-in user with no staff role
    user = django_user_model.objects.create_user("nobody", password="x")
    client = Client()
    client.force_login(user)
    # then the workbench says so and lists nothing, and the order is 404
    html = client.get("/workbench/").content.decode()
    assert "您还没有任何岗位" in html
    assert order_a.tracking_code not in html
    assert client.get(f"/orders/{order_a.tracking_code}/").status_code == 404
    assert client.get("/insights/workorders/").status_code == 404


@pytest.fixture
def order_city(tree, cast):
    """Taken in at the city (QZ), sent down through county A to the park, replied there: the
    city is the platform; county A and the park are the handling side."""
    order = act(cast["admin"], submit(tree["city"], phone=PHONE), "dispatch", to_org="JJ")
    order = act(cast["dispatcher"], order, "dispatch", to_org="JJKFQ")
    for action in ("accept", "start"):
        order = act(cast["handler"], order, action)
    return act(cast["handler"], order, "reply", reply="已协调企业补发工资 2300 元。")


# Revisit and close: the intake side's platform staff only. The county A supervisor works
# above the park in the handling chain; the handler replied.
PLATFORM_EXPECT = {"operator": "ok", "admin": "ok", "outsider": 404}
PLATFORM_CASES = [
    (role, action, via)
    for action in ("revisit", "close")
    for via in ("page", "api")
    for role in ROLES
]


@pytest.mark.parametrize(
    ("role", "action", "via"), PLATFORM_CASES, ids=[f"{a}-{v}-{r}" for r, a, v in PLATFORM_CASES]
)
def test_revisit_and_close_matrix(client_for, api_for, cast, order_city, role, action, via):
    # given the city's order, replied by the park (and revisited by the operator, for close)
    order = order_city
    if action == "close":
        order = act(cast["operator"], order, "revisit", result="satisfied")
    code, status, events = order.tracking_code, order.status, WorkOrderEvent.objects.count()
    expected = "anonymous" if role == "anonymous" else PLATFORM_EXPECT.get(role, 400)
    payload = {"action": action, "result": "satisfied"}
    # when `role` opens the order and takes the action, on the page or through the API
    if via == "page":
        client = _client(client_for, role)
        opened = client.get(f"/orders/{code}/")
        offered = action in _offered_on_page(opened)
        response = client.post(f"/orders/{code}/transition/", payload)
        codes = {"ok": 302, 400: 400, 404: 404, "anonymous": 302}
    else:
        client = Client() if role == "anonymous" else api_for(role)
        opened = client.get(f"/api/v1/workorders/{code}")
        offered = opened.status_code == 200 and action in opened.json()["allowed_actions"]
        response = client.post(
            f"/api/v1/workorders/{code}/transitions", payload, content_type="application/json"
        )
        codes = {"ok": 200, 400: 400, 404: 404, "anonymous": 401}
    # then it is offered exactly to those who may take it, and only they write
    assert response.status_code == codes[expected]
    assert offered is (expected == "ok")
    if expected == 400:
        error = response.json()["code"] if via == "api" else response.context["error"].code
        assert error == "transition_refused"
    order.refresh_from_db()
    if expected == "ok":
        assert order.status == (S.REVISITED if action == "revisit" else S.CLOSED)
        assert WorkOrderEvent.objects.count() == events + 1
    else:
        assert order.status == status
        assert WorkOrderEvent.objects.count() == events


def _offered_on_page(response):
    if response.status_code != 200:
        return []
    return re.findall(
        r'<input type="hidden" name="action" value="(\w+)">', response.content.decode()
    )
