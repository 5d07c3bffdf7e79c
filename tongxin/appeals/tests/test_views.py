"""Staff pages: the workbench queue and its filters, htmx partials, order detail actions,
transitions by POST, the overdue board and the Excel ledger."""

import io
import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from tongxin.appeals.models import WorkOrder, WorkOrderEvent
from tongxin.appeals.tests.builders import act, order_in
from tongxin.appeals.tests.factories import submit

S = WorkOrder.Status
SH = ZoneInfo("Asia/Shanghai")
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=SH)  # Monday


def _codes(html):
    return re.findall(r'<td><a href="/orders/([A-Z0-9]+)/">', html)


@pytest.fixture
def queue(tree, cast):
    """Four orders at county A received on Monday 2026-03-02 with different deadlines, and
    one in county B. Returns them by name."""
    with time_machine.travel(T0, tick=False):
        normal = submit(tree["town_a"], employer_name="甲厂")  # 5 wd: 03-09
        consult = submit(tree["town_a"], nature="consult", employer_name="乙厂")  # 2 wd: 03-04
        hard = submit(tree["ent_a"], category="C3-01", employer_name="丙厂")
        act(cast["supervisor"], hard, "classify", difficulty="hard")  # 15 wd: 03-23
        suggestion = submit(tree["county_a"], nature="suggestion")  # 13 wd: 03-19
        for order in (normal, consult):
            act(cast["dispatcher"], order, "accept")
        other = submit(tree["county_b"])
    return {
        "normal": normal,
        "consult": consult,
        "hard": hard,
        "suggestion": suggestion,
        "other": other,
    }


def test_workbench_lists_the_queue_by_deadline(client_for, queue):
    with time_machine.travel(T0 + timedelta(hours=1), tick=False):
        response = client_for("supervisor").get("/workbench/")
    assert response.status_code == 200
    q = queue
    assert _codes(response.content.decode()) == [
        q["consult"].tracking_code,
        q["normal"].tracking_code,
        q["suggestion"].tracking_code,
        q["hard"].tracking_code,
    ]


def test_workbench_marks_overdue_orders(client_for, queue):
    # given it is Friday 03-06: the consult (due 03-04) is overdue and running
    with time_machine.travel(datetime(2026, 3, 6, 9, 0, tzinfo=SH), tick=False):
        response = client_for("supervisor").get("/workbench/", {"overdue": "1"})
    html = response.content.decode()
    # then only it is listed under "overdue" and carries the tag
    assert _codes(html) == [queue["consult"].tracking_code]
    assert html.count('<span class="tag bad">超期</span>') == 1


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": "accepted"}, ["consult", "normal"]),
        ({"status": "new"}, ["other", "suggestion", "hard"]),  # the city admin sees county B
        ({"category": "C3"}, ["hard"]),  # an L1 code matches its L2 topics
        ({"category": "C3-01"}, ["hard"]),
        ({"org": "JJKFQ"}, ["consult", "normal", "hard"]),  # the park's subtree
        ({"org": "JJ-HX"}, ["hard"]),
        ({"channel": "hotline"}, []),
        ({"q": "乙厂"}, ["consult"]),
    ],
)
def test_workbench_filters(client_for, queue, params, expected):
    with time_machine.travel(T0 + timedelta(hours=1), tick=False):
        response = client_for("admin").get("/workbench/", params)
    assert _codes(response.content.decode()) == [queue[n].tracking_code for n in expected]


def test_workbench_search_by_tracking_code(client_for, queue):
    code = queue["hard"].tracking_code
    response = client_for("admin").get("/workbench/", {"q": code.lower()})
    assert _codes(response.content.decode()) == [code]


def test_htmx_request_gets_only_the_queue(client_for, queue):
    response = client_for("supervisor").get(
        "/workbench/", {"status": "new"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="queue">')
    assert "<html" not in html
    assert 'class="card filters"' not in html
    assert len(_codes(html)) == 2


def test_workbench_and_the_page_are_not_n_plus_one(client_for, tree, cast):
    # given a handful of orders, then many more
    client = client_for("supervisor")

    def count_queries():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/workbench/").status_code == 200
        return len(ctx.captured_queries)

    for _ in range(2):
        submit(tree["town_a"], category="C1-01")
    few = count_queries()
    for _ in range(8):
        order = submit(tree["ent_a"], category="C3-02")
        act(cast["supervisor"], order, "accept")
    # then the page costs the same number of queries
    assert count_queries() == few
    assert few <= 12


def test_workbench_warns_admins_of_a_missing_calendar_year(client_for, tree):
    with time_machine.travel(datetime(2026, 11, 25, tzinfo=SH), tick=False):
        admin = client_for("admin").get("/workbench/").content.decode()
        handler = client_for("handler").get("/workbench/").content.decode()
    assert "2027 年的法定节假日安排尚未录入" in admin
    assert "法定节假日安排尚未录入" not in handler


def _actions(html):
    return re.findall(r'<input type="hidden" name="action" value="(\w+)">', html)


@pytest.mark.parametrize(
    ("who", "status", "expected"),
    [
        ("handler", S.DISPATCHED, ["classify", "accept", "return"]),
        ("operator", S.DISPATCHED, ["classify", "urge"]),
        ("dispatcher", S.DISPATCHED, ["classify", "dispatch", "accept", "return", "urge"]),
        ("handler", S.IN_PROGRESS, ["classify", "request_extension", "transfer_external", "reply"]),
        (
            "supervisor",
            S.EXTENSION_REQUESTED,
            ["classify", "approve_extension", "reject_extension", "urge"],
        ),
        ("handler", S.REPLIED, []),
        ("operator", S.REPLIED, ["revisit"]),
        ("operator", S.REVISITED, ["close"]),
        # Taken in at the city, handled in county A: its supervisor neither revisits nor closes
        ("supervisor", S.REPLIED, []),
        ("supervisor", S.REVISITED, ["reopen"]),
        ("admin", S.REVISITED, ["close", "reopen"]),
    ],
)
def test_order_detail_shows_exactly_the_allowed_actions(
    client_for, tree, cast, who, status, expected
):
    order = order_in(status, tree=tree, cast=cast)
    response = client_for(who).get(f"/orders/{order.tracking_code}/")
    assert response.status_code == 200
    assert _actions(response.content.decode()) == expected
    if not expected:
        assert "当前没有您可以执行的操作。" in response.content.decode()


def test_order_detail_shows_the_phone_masked(client_for, tree, cast):
    order = order_in(S.DISPATCHED, tree=tree, cast=cast)
    html = client_for("handler").get(f"/orders/{order.tracking_code}/").content.decode()
    assert "138****1234" in html
    assert "13800001234" not in html
    assert "恒兴鞋业有限公司" in html  # staff do see the case itself


def test_transition_by_plain_post_redirects(client_for, tree, cast):
    order = order_in(S.DISPATCHED, tree=tree, cast=cast)
    response = client_for("handler").post(
        f"/orders/{order.tracking_code}/transition/", {"action": "accept"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/orders/{order.tracking_code}/"
    order.refresh_from_db()
    assert (order.status, order.handler) == (S.ACCEPTED, cast["handler"])


def test_transition_by_htmx_answers_with_hx_redirect(client_for, tree, cast):
    order = order_in(S.DISPATCHED, tree=tree, cast=cast)
    response = client_for("handler").post(
        f"/orders/{order.tracking_code}/transition/", {"action": "accept"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert response["HX-Redirect"] == f"/orders/{order.tracking_code}/"
    order.refresh_from_db()
    assert order.status == S.ACCEPTED


def test_refused_transition_is_400_with_the_chinese_message(client_for, tree, cast):
    # given a dispatched order
    order = order_in(S.DISPATCHED, tree=tree, cast=cast)
    events = WorkOrderEvent.objects.count()
    client = client_for("handler")
    # when the handler returns it without a reason, by htmx
    response = client.post(
        f"/orders/{order.tracking_code}/transition/", {"action": "return"}, HTTP_HX_REQUEST="true"
    )
    # then the actions partial comes back with the message, the form left open
    assert response.status_code == 400
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="actions">')
    assert '<div class="error" role="alert">请填写说明。</div>' in html
    assert '<details class="action" open>' in html
    # and without htmx, the whole page with the message
    response = client.post(f"/orders/{order.tracking_code}/transition/", {"action": "reply"})
    assert response.status_code == 400
    assert "当前状态“待签收”不能执行“办结反馈”。" in response.content.decode()
    assert WorkOrderEvent.objects.count() == events
    order.refresh_from_db()
    assert order.status == S.DISPATCHED


def test_transition_get_is_not_allowed(client_for, tree, cast):
    order = order_in(S.DISPATCHED, tree=tree, cast=cast)
    assert (
        client_for("handler").get(f"/orders/{order.tracking_code}/transition/").status_code == 405
    )


def test_overdue_board_lists_late_and_unsigned_orders(client_for, tree, cast):
    # given on Monday 03-02: one dispatched and not signed, one accepted, one still new
    with time_machine.travel(T0, tick=False):
        unsigned = order_in(S.DISPATCHED, tree=tree, cast=cast)
        accepted = order_in(S.ACCEPTED, tree=tree, cast=cast)
        order_in(S.NEW, tree=tree, cast=cast)
    # when it is Wednesday 03-04: the accept deadline (03-03) has passed, no finish deadline has
    with time_machine.travel(datetime(2026, 3, 4, 9, 0, tzinfo=SH), tick=False):
        early = _codes(client_for("supervisor").get("/supervision/").content.decode())
    # and on Thursday 03-12, after the finish deadline (03-09)
    with time_machine.travel(datetime(2026, 3, 12, 9, 0, tzinfo=SH), tick=False):
        late = client_for("supervisor").get("/supervision/").content.decode()
        outsider = client_for("outsider").get("/supervision/").content.decode()
    assert early == [unsigned.tracking_code]
    assert sorted(_codes(late)) == sorted([unsigned.tracking_code, accepted.tracking_code])
    assert _codes(outsider) == []


def _sheet(response):
    wb = load_workbook(io.BytesIO(response.content), read_only=True)
    return [list(r) for r in wb["工单台账"].iter_rows(values_only=True)]


def test_export_opens_in_excel_with_masked_phones(client_for, queue):
    # when the supervisor exports the queue filtered to the park
    response = client_for("supervisor").get("/orders/export.xlsx", {"org": "JJKFQ"})
    # then it is a workbook with a header and one row per order, phones masked
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"] == 'attachment; filename="workorders.xlsx"'
    rows = _sheet(response)
    header = rows[0]
    assert header[:4] == ["查询码", "受理时间", "渠道", "状态"]
    assert len(header) == 22
    phone = header.index("联系电话")
    assert sorted(r[0] for r in rows[1:]) == sorted(
        queue[n].tracking_code for n in ("normal", "consult", "hard")
    )
    assert {r[phone] for r in rows[1:]} == {"138****1234"}
    # and the choice columns show the Chinese labels, as the pages do
    shown = {r[0]: [r[header.index(h)] for h in ("渠道", "状态", "性质", "难度")] for r in rows[1:]}
    for name in ("normal", "consult", "hard"):
        o = queue[name]
        o.refresh_from_db()
        assert shown[o.tracking_code] == [
            o.get_channel_display(),
            o.get_status_display(),
            o.get_nature_display(),
            o.get_difficulty_display(),
        ]
    assert shown[queue["normal"].tracking_code][1] == "已签收"
    # Excel has no time zones: the ledger shows Beijing wall-clock time
    received = T0.replace(tzinfo=None)
    assert all(r[header.index("受理时间")] == received for r in rows[1:])
    assert b"13800001234" not in response.content


def test_outsider_export_has_only_their_own(client_for, queue):
    rows = _sheet(client_for("outsider").get("/orders/export.xlsx"))
    assert [r[0] for r in rows[1:]] == [queue["other"].tracking_code]


def test_org_list_shows_the_subtree(client_for, tree):
    html = client_for("handler").get("/orgs/").content.decode()
    assert "晋江经济开发区工会" in html
    assert "恒兴鞋业工会" in html
    assert "晋江市总工会" not in html
    assert "南安市总工会" not in html


def test_the_queue_shows_open_orders_unless_asked_for_all(client_for, tree, cast, queue):
    # given a closed order older than everything in the queue
    with time_machine.travel(T0 - timedelta(days=30), tick=False):
        closed = order_in(S.CLOSED, tree=tree, cast=cast)
    with time_machine.travel(T0 + timedelta(hours=1), tick=False):
        default = _codes(client_for("supervisor").get("/workbench/").content.decode())
        everything = _codes(
            client_for("supervisor").get("/workbench/", {"status": "all"}).content.decode()
        )
    # then the default queue leaves it out, "all" puts it first (earliest deadline)
    assert closed.tracking_code not in default
    assert everything[0] == closed.tracking_code
    assert len(everything) == len(default) + 1


def test_api_queue_defaults_to_open_orders(api_for, tree, cast, queue):
    closed = order_in(S.CLOSED, tree=tree, cast=cast)
    client = api_for("supervisor")
    open_codes = [r["tracking_code"] for r in client.get("/api/v1/workorders").json()["results"]]
    all_codes = [
        r["tracking_code"]
        for r in client.get("/api/v1/workorders", {"status": "all"}).json()["results"]
    ]
    assert closed.tracking_code not in open_codes
    assert closed.tracking_code in all_codes
    assert sorted(open_codes) == sorted(q.tracking_code for n, q in queue.items() if n != "other")


def test_queue_index_covers_exactly_the_open_statuses():
    from tongxin.appeals.models import QUEUE_STATUSES

    assert sorted(QUEUE_STATUSES) == sorted(WorkOrder.OPEN_STATUSES)
