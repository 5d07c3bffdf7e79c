"""The public (no-login) API and tracking page: idempotent intake, also under concurrent
retries; tracking that reveals nothing to a wrong guess; rating; and no personal data."""

import contextlib
import threading
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import connection, connections
from django.test import Client

from tongxin.appeals.models import WorkOrder, WorkOrderEvent
from tongxin.appeals.tests.builders import REPLY, act, order_in
from tongxin.core.crypto import decrypt

S = WorkOrder.Status
URL = "/api/v1/public/appeals"
BODY = {
    "org": "JJKFQ",
    "description": "工厂拖欠三个月工资共 2300 元，老板不接电话。",
    "phone": "13800001234",
    "name": "张三",
    "employer_name": "恒兴鞋业有限公司",
}
PERSONAL = ["13800001234", "张三", "恒兴鞋业有限公司", "拖欠三个月工资", "138****1234"]


def _post(client, body=None, **headers):
    return client.post(URL, body or BODY, content_type="application/json", headers=headers)


@pytest.mark.django_db
def test_submit_returns_201_with_tracking_code_and_deadlines(tree):
    response = _post(Client())
    assert response.status_code == 201
    data = response.json()
    assert set(data) == {"tracking_code", "received_at", "due_at"}
    order = WorkOrder.objects.get()
    assert data["tracking_code"] == order.tracking_code
    # (JSON carries milliseconds)
    assert abs(datetime.fromisoformat(data["received_at"]) - order.received_at) < timedelta(
        milliseconds=1
    )
    assert datetime.fromisoformat(data["due_at"]) == order.due_at
    assert (order.channel, order.assigned_org, order.idempotency_key) == (
        "app",
        tree["town_a"],
        None,
    )


@pytest.mark.django_db
def test_idempotency_key_returns_the_same_appeal(tree):
    client = Client()
    first = _post(client, **{"Idempotency-Key": "retry-1"})
    # when the same key comes again, even with a changed body
    again = _post(
        client,
        {**BODY, "description": "另一段内容，但是同一个请求键。"},
        **{"Idempotency-Key": "retry-1"},
    )
    # then it is the same appeal, 200, and only one order and one event exist
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["tracking_code"] == first.json()["tracking_code"]
    assert datetime.fromisoformat(again.json()["due_at"]) == datetime.fromisoformat(
        first.json()["due_at"]
    )
    assert WorkOrder.objects.count() == 1
    assert WorkOrderEvent.objects.count() == 1
    # and a new key makes a new appeal
    assert _post(client, **{"Idempotency-Key": "retry-2"}).status_code == 201
    assert WorkOrder.objects.count() == 2


@pytest.mark.django_db
def test_overlong_idempotency_key_is_refused(tree):
    response = _post(Client(), **{"Idempotency-Key": "k" * 65})
    assert response.status_code == 400
    assert response.json()["field"] == "Idempotency-Key"
    assert WorkOrder.objects.count() == 0


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_retries_with_one_key_make_exactly_one_order(tree):
    # given eight clients that will post the same key at the same moment. PostgreSQL runs them
    # as a real race; the in-memory SQLite test database cannot take concurrent writers
    # ("table is locked"), so there they take turns.
    n = 8
    barrier = threading.Barrier(n)
    turns = threading.Lock() if connection.vendor == "sqlite" else contextlib.nullcontext()
    results: list[tuple[int, str]] = []
    errors: list[BaseException] = []

    def worker():
        try:
            barrier.wait(timeout=10)
            with turns:
                response = _post(Client(), **{"Idempotency-Key": "same-key-under-race"})
            results.append((response.status_code, response.json().get("tracking_code", "")))
        except BaseException as exc:  # report it in the main thread
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(n)]
    # when they all post
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    # then exactly one order exists, one answer was 201 and every answer names it
    assert errors == []
    assert WorkOrder.objects.count() == 1
    code = WorkOrder.objects.get().tracking_code
    assert sorted(s for s, _c in results) == [200] * (n - 1) + [201]
    assert {c for _s, c in results} == {code}
    assert WorkOrderEvent.objects.count() == 1


@pytest.mark.django_db
def test_losing_the_race_between_check_and_insert_returns_the_winner(tree, monkeypatch):
    # given another request inserts the same key after this one checked for it
    from tongxin.appeals import services

    real_check = services._check_attachments
    rival = []

    def check_then_let_a_rival_in(files):
        monkeypatch.setattr(services, "_check_attachments", real_check)
        rival.append(
            services.work_order_submit(
                actor=None, org=tree["town_a"], channel="app", data=BODY, idempotency_key="api:k1"
            )[0]
        )
        return real_check(files)

    monkeypatch.setattr(services, "_check_attachments", check_then_let_a_rival_in)
    # when this request's insert hits the unique key
    order, created = services.work_order_submit(
        actor=None, org=tree["town_a"], channel="app", data=BODY, idempotency_key="api:k1"
    )
    # then it answers with the rival's order and did not make a second one
    assert len(rival) == 1
    assert (order, created) == (rival[0], False)
    assert WorkOrder.objects.count() == 1
    assert WorkOrderEvent.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "status", "field"),
    [
        ({"phone": None}, 422, "phone"),  # missing
        ({"description": None}, 422, "description"),
        ({"phone": "1380000"}, 400, "phone"),
        ({"phone": "0595-22334455"}, 400, "phone"),  # no landlines without a person checking
        ({"amount_claimed": "-1"}, 400, "amount_claimed"),
        ({"amount_claimed": "lots"}, 422, "amount_claimed"),
        ({"workers_involved": 0}, 400, "workers_involved"),
        ({"workers_involved": "many"}, 422, "workers_involved"),
        ({"channel": "fax"}, 400, "channel"),
        ({"org": "NOPE"}, 400, "org"),
        ({"description": "短"}, 400, "description"),
    ],
)
def test_bad_input_is_4xx_json_naming_the_field(tree, change, status, field):
    body = {k: v for k, v in {**BODY, **change}.items() if v is not None}
    response = _post(Client(), body)
    assert response.status_code == status
    data = response.json()
    assert data["field"] == field
    assert data["message"]
    assert WorkOrder.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("raw", ["not json", "[]", '"text"', "null"])
def test_body_that_is_not_an_object_is_4xx_not_500(tree, raw):
    response = Client().post(URL, raw, content_type="application/json")
    assert 400 <= response.status_code < 500
    assert WorkOrder.objects.count() == 0


@pytest.mark.django_db
def test_public_rate_limit_is_429_with_retry_after(tree, settings):
    # given a limit of two requests a minute
    settings.PUBLIC_RATE_LIMIT_PER_MINUTE = 2
    client = Client()
    # when one address sends three, 20 seconds into a minute
    with time_machine.travel(datetime(2026, 9, 14, 10, 0, 20, tzinfo=UTC), tick=False):
        responses = [_post(client) for _ in range(3)]
    # then the third is 429, says when to come back, and is not stored
    assert [r.status_code for r in responses] == [201, 201, 429]
    assert responses[2]["Retry-After"] == "40"
    assert responses[2].json() == {
        "code": "rate_limited",
        "message": "请求过于频繁，请稍后再试。",
        "field": None,
        "extra": {},
    }
    assert WorkOrder.objects.count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"description": "拖欠三个月工资\x00共 2300 元"}, "description"),
        ({"name": "张\x00三"}, "name"),
        ({"org": "JJ\x00KFQ"}, "org"),
        ({"employer_name": "\x00"}, "employer_name"),
        ({"description": "\ud800拖欠三个月工资共 2300 元"}, "description"),  # a lone surrogate
        ({"no\x00te": "x"}, "no\x00te"),  # in a key
    ],
)
def test_unstorable_characters_in_json_are_400_naming_the_field(tree, change, field):
    # given a body whose JSON escapes ("\u0000", "\ud800") decode to NUL or a lone surrogate
    body = {**BODY, **change}
    # when it is posted
    response = _post(Client(), body)
    # then it is refused before anything is written, naming the field
    assert response.status_code == 400
    data = response.json()
    assert (data["code"], data["field"]) == ("invalid_characters", field)
    assert data["message"] == f"字段 {field} 含有不允许的字符（空字符或无效的 Unicode 字符）。"
    assert WorkOrder.objects.count() == 0


# Tracking ------------------------------------------------------------------------------------


def _track(client, code, last4):
    return client.get(f"{URL}/{code}", {"phone_last4": last4})


def test_tracking_shows_progress_without_personal_data(tree, cast):
    # given a replied order with an internal note on its timeline
    order = order_in(S.DISPATCHED, tree=tree, cast=cast)
    act(cast["handler"], order, "accept", note="内部：老板是区里的熟人")
    act(cast["handler"], order, "reply", reply=REPLY)
    # when the worker tracks it
    response = _track(Client(), order.tracking_code, "1234")
    # then they see status, reply and timeline, and nothing personal or internal
    assert response.status_code == 200
    data = response.json()
    assert (data["status"], data["status_label"], data["reply"], data["can_rate"]) == (
        "replied",
        "已反馈",
        REPLY,
        True,
    )
    assert [e["action"] for e in data["timeline"]] == ["submitted", "dispatch", "accept", "reply"]
    assert {e["note"] for e in data["timeline"]} == {""}
    text = response.content.decode()
    for value in [*PERSONAL, "内部：老板是区里的熟人", "handler", "晋江"]:
        assert value not in text


def test_a_classified_order_shows_its_timeline_everywhere(tree, cast, api_for):
    # given an order that staff classified through the workflow (the event every timeline
    # lists; its kind was once unknown to the event choices, and every view of it failed)
    order = order_in(S.DISPATCHED, tree=tree, cast=cast)
    act(cast["supervisor"], order, "classify", difficulty="hard")
    # when the worker tracks it, on the API and on the page, and staff open it on the API
    public = _track(Client(), order.tracking_code, "1234")
    page = Client().get("/t/", {"code": order.tracking_code, "last4": "1234"})
    staff = api_for("supervisor").get(f"/api/v1/workorders/{order.tracking_code}")
    # then each shows the classification with its label
    assert (public.status_code, page.status_code, staff.status_code) == (200, 200, 200)
    last = public.json()["timeline"][-1]
    assert (last["action"], last["action_label"]) == ("classify", "分类")
    assert "分类" in page.content.decode()


def test_tracking_hides_the_reply_until_replied(tree, cast):
    order = order_in(S.IN_PROGRESS, tree=tree, cast=cast)
    data = _track(Client(), order.tracking_code, "1234").json()
    assert (data["reply"], data["can_rate"]) == (None, False)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "last4"), [("right", "9999"), ("WRONGCODE2", "1234"), ("right", "")]
)
def test_wrong_code_or_last4_is_404_and_reveals_nothing(tree, code, last4):
    order_code = _post(Client()).json()["tracking_code"]
    response = _track(Client(), order_code if code == "right" else code, last4)
    assert response.status_code == 404
    assert response.json() == {
        "code": "not_found",
        "message": "未找到。",
        "field": None,
        "extra": {},
    }


# (full-width digits are the digits they show: see test_intake's full-width phone test)
NOT_FOUR_ASCII_DIGITS = ["一", "一二三四", "١٢٣٤", "12a4", "123", "12345"]


@pytest.mark.parametrize("last4", NOT_FOUR_ASCII_DIGITS)
def test_last4_not_four_ascii_digits_is_the_wrong_code_404_everywhere(tree, cast, last4):
    # given a replied order (it can be rated) and the answers to a wrong code
    order = order_in(S.REPLIED, tree=tree, cast=cast)
    code, client = order.tracking_code, Client()
    wrong_api = _track(client, "WRONGCODE2", "1234")
    # when each public entry point gets a last4 that is not four ASCII digits
    api_get = _track(client, code, last4)
    api_rate = client.post(
        f"{URL}/{code}/rating", {"phone_last4": last4, "rating": "satisfied"}, "application/json"
    )
    page_get = client.get("/t/", {"code": code, "last4": last4})
    page_rate = client.post(f"/t/{code}/rate/", {"last4": last4, "rating": "satisfied"})
    # then each answers exactly as a wrong code does, and nothing was rated
    assert (api_get.status_code, api_rate.status_code) == (404, 404)
    assert api_get.json() == api_rate.json() == wrong_api.json()
    assert (page_get.status_code, page_rate.status_code) == (404, 404)
    assert "没有找到对应的诉求，请核对查询码和手机号后四位。" in page_get.content.decode()
    assert 'id="result"' not in page_get.content.decode()
    order.refresh_from_db()
    assert (order.worker_rating, order.events.filter(action="rated").count()) == ("", 0)


@pytest.mark.django_db
def test_nul_in_the_tracking_path_is_400_json(tree):
    response = Client().get(f"{URL}/AB%00CD", {"phone_last4": "1234"})
    assert response.status_code == 400
    assert response.json() == {
        "code": "invalid_characters",
        "message": "字段 path 含有不允许的字符（空字符或无效的 Unicode 字符）。",
        "field": "path",
        "extra": {},
    }


@pytest.mark.django_db
def test_tracking_code_is_case_insensitive(tree):
    code = _post(Client()).json()["tracking_code"]
    assert _track(Client(), code.lower(), "1234").status_code == 200


def test_rating_flow(tree, cast):
    # given a replied order
    order = order_in(S.REPLIED, tree=tree, cast=cast)
    client = Client()
    url = f"{URL}/{order.tracking_code}/rating"
    # when rated with a wrong last4, nothing happens
    wrong = client.post(url, {"phone_last4": "0000", "rating": "satisfied"}, "application/json")
    assert wrong.status_code == 404
    # when rated properly
    ok = client.post(
        url, {"phone_last4": "1234", "rating": "satisfied", "comment": "谢谢"}, "application/json"
    )
    # then it is recorded and cannot be rated again
    assert ok.status_code == 200
    assert ok.json()["can_rate"] is False
    again = client.post(url, {"phone_last4": "1234", "rating": "unsatisfied"}, "application/json")
    assert again.status_code == 400
    assert (again.json()["code"], again.json()["field"]) == ("already_rated", "rating")
    order.refresh_from_db()
    assert (order.worker_rating, order.worker_comment, order.status) == (
        "satisfied",
        "谢谢",
        S.REPLIED,
    )


def test_rating_unsatisfied_reopens_and_bad_rating_is_400(tree, cast):
    order = order_in(S.REPLIED, tree=tree, cast=cast)
    url = f"{URL}/{order.tracking_code}/rating"
    bad = Client().post(url, {"phone_last4": "1234", "rating": "unreachable"}, "application/json")
    assert (bad.status_code, bad.json()["field"]) == (400, "rating")
    response = Client().post(
        url, {"phone_last4": "1234", "rating": "unsatisfied"}, "application/json"
    )
    assert response.status_code == 200
    assert response.json()["status"] == "reopened"
    order.refresh_from_db()
    assert (order.status, order.reopen_count) == (S.REOPENED, 1)


# The tracking page and the QR done page ------------------------------------------------------


def test_tracking_page_shows_no_personal_data(tree, cast):
    order = order_in(S.REPLIED, tree=tree, cast=cast)
    response = Client().get("/t/", {"code": order.tracking_code, "last4": "1234"})
    assert response.status_code == 200
    html = response.content.decode()
    assert order.tracking_code in html
    assert REPLY in html
    assert 'id="rate-form"' in html
    for value in PERSONAL:
        assert value not in html


@pytest.mark.django_db
def test_tracking_page_wrong_guess_is_404_with_the_same_message(tree):
    code = _post(Client()).json()["tracking_code"]
    for params in ({"code": code, "last4": "9999"}, {"code": "NOSUCHCODE", "last4": "1234"}):
        response = Client().get("/t/", params)
        assert response.status_code == 404
        html = response.content.decode()
        assert "没有找到对应的诉求，请核对查询码和手机号后四位。" in html
        assert 'id="result"' not in html


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["code=AB%00CD&last4=1234", "code=AB&last4=12%0034"])
def test_nul_in_the_tracking_page_query_is_400(tree, query):
    response = Client().get(f"/t/?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == (
        "请求中含有不允许的字符（空字符或无效的 Unicode 字符），请检查后重试。"
    )


def test_rating_page_guesses_count_against_the_tracking_limit(tree, cast, settings):
    # given a limit of three a minute, and a replied order
    settings.PUBLIC_RATE_LIMIT_PER_MINUTE = 3
    order = order_in(S.REPLIED, tree=tree, cast=cast)
    client, url = Client(), f"/t/{order.tracking_code}/rate/"
    # when one address makes four guesses at the last four digits, 15 seconds into a minute
    with time_machine.travel(datetime(2026, 9, 14, 10, 0, 15, tzinfo=UTC), tick=False):
        client.get("/t/", {"code": order.tracking_code, "last4": "0000"})
        guesses = [client.post(url, {"last4": f"000{i}", "rating": "satisfied"}) for i in (1, 2)]
        right = client.post(url, {"last4": "1234", "rating": "satisfied"})
    # then the fourth is refused with 429, even with the right digits, and nothing is rated
    assert [g.status_code for g in guesses] == [404, 404]
    assert (right.status_code, right["Retry-After"]) == (429, "45")
    assert "查询过于频繁，请一分钟后再试。" in right.content.decode()
    order.refresh_from_db()
    assert order.worker_rating == ""


def test_tracking_page_rating(tree, cast):
    order = order_in(S.REPLIED, tree=tree, cast=cast)
    url = f"/t/{order.tracking_code}/rate/"
    assert Client().post(url, {"last4": "0000", "rating": "satisfied"}).status_code == 404
    response = Client().post(url, {"last4": "1234", "rating": "basically_satisfied"})
    assert response.status_code == 200
    assert "感谢您的评价！" in response.content.decode()
    again = Client().post(url, {"last4": "1234", "rating": "satisfied"})
    assert again.status_code == 400
    assert "您已评价过本次答复。" in again.content.decode()
    order.refresh_from_db()
    assert order.worker_rating == "basically_satisfied"


@pytest.mark.django_db
def test_qr_done_page_shows_no_personal_data(tree):
    from tongxin.appeals.tests.test_intake import VALID
    from tongxin.appeals.tests.test_intake import _post as qr_post

    response = qr_post(Client(), VALID)
    assert response.status_code == 200
    html = response.content.decode()
    assert WorkOrder.objects.get().tracking_code in html
    for value in PERSONAL:
        assert value not in html


@pytest.mark.django_db
def test_phone_is_ciphertext_in_the_database(tree):
    # given an appeal
    _post(Client())
    # when the column is read without the model
    with connection.cursor() as cursor:
        cursor.execute("SELECT phone, phone_hash, phone_last4 FROM appeals_workorder")
        (raw, phone_hash, last4) = cursor.fetchone()
    # then it is not the phone, but decrypts to it; the hash is not the phone either
    assert "13800001234" not in raw
    assert "0000123" not in raw
    assert decrypt(raw) == "13800001234"
    assert "13800001234" not in phone_hash
    assert last4 == "1234"


def test_intake_timestamps_are_all_utc(client, tree):
    """A new order's deadline is computed in Beijing time; the API still gives it in UTC, like
    every timestamp it reads back from the database."""
    body = client.post(
        "/api/v1/public/appeals",
        {"org": "JJKFQ", "channel": "qr", "description": "拖欠工资两个月", "phone": "13800001234"},
        content_type="application/json",
    ).json()
    assert body["received_at"].endswith("Z")
    assert body["due_at"].endswith("Z")
