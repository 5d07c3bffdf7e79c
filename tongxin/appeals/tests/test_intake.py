"""Intake: the 码上办 QR form (anti-bot, validation, attachments, rate limit), the hotline
desk with caller history and answer-on-the-spot, and the QR code downloads."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tongxin.appeals import antibot
from tongxin.appeals.models import Attachment, WorkOrder, WorkOrderEvent
from tongxin.appeals.tests.builders import act
from tongxin.appeals.tests.factories import submit

S = WorkOrder.Status
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"
JPG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64
VALID = {
    "description": "工厂拖欠三个月工资共 2300 元，老板不接电话。",
    "phone": "13800001234",
    "name": "张三",
    "employer_name": "恒兴鞋业有限公司",
    "workers_involved": "1",
}


def _solve(question: str) -> str:
    a, b = re.match(r"^(.) 加 (.) 等于几", question).groups()
    return str(antibot.DIGITS.index(a) + antibot.DIGITS.index(b))


def _form(client: Client, org: str = "JJKFQ") -> dict[str, str]:
    """Open the form like a person would; the hidden ticket and the answer to its sum."""
    response = client.get(f"/q/{org}/")
    assert response.status_code == 200
    return {"ticket": response.context["ticket"], "challenge": _solve(response.context["question"])}


def _post(client, data, org="JJKFQ", **extra):
    return client.post(f"/q/{org}/", {**_form(client, org), **data}, **extra)


@pytest.mark.django_db
def test_qr_submission_creates_an_order_at_that_org(tree):
    # given a worker who scanned the park's code
    client = Client()
    # when they fill in the form
    response = _post(client, VALID)
    # then they see a tracking code, and the order sits at the park with one event
    assert response.status_code == 200
    order = WorkOrder.objects.get()
    assert response.context["order"] == order
    assert order.tracking_code in response.content.decode()
    assert (order.channel, order.intake_org, order.assigned_org, order.status) == (
        "qr",
        tree["town_a"],
        tree["town_a"],
        S.NEW,
    )
    assert (order.phone, order.requester_name, order.phone_last4) == ("13800001234", "张三", "1234")
    assert list(order.events.values_list("action", "actor")) == [("submitted", None)]


@pytest.mark.django_db
def test_the_same_ticket_posted_twice_makes_one_order(tree):
    # given a filled-in form
    client = Client()
    data = {**_form(client), **VALID}
    # when it is sent twice (a double tap, a flaky network)
    first = client.post("/q/JJKFQ/", data)
    second = client.post("/q/JJKFQ/", data)
    # then there is one order and both show its code
    order = WorkOrder.objects.get()
    assert first.context["order"] == second.context["order"] == order


@pytest.mark.django_db
def test_anonymous_appeal_keeps_no_name(tree):
    _post(Client(), {**VALID, "anonymous": "1"})
    order = WorkOrder.objects.get()
    assert (order.anonymous, order.requester_name) == (True, "")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("tamper", "message"),
    [
        ({"website": "http://spam.example"}, "提交未通过校验，请刷新页面后重试。"),
        ({"ticket": "forged"}, "页面已过期，请刷新后重新填写。"),
        ({"challenge": "99"}, "验证题答案不对，请重新计算。"),
        ({"challenge": ""}, "验证题答案不对，请重新计算。"),
    ],
)
def test_antibot_refusals_write_nothing(tree, tamper, message):
    client = Client()
    data = {**_form(client), **VALID, **tamper}
    response = client.post("/q/JJKFQ/", data)
    assert response.status_code == 400
    assert response.context["error"].message == message
    assert response.context["error"].field == "challenge"
    assert WorkOrder.objects.count() == 0
    # and the form is shown again with what was typed and a fresh ticket
    assert response.context["ticket"] != data["ticket"]
    assert VALID["description"] in response.content.decode()


@pytest.mark.django_db
def test_too_fast_submission_is_refused(tree, settings):
    settings.PUBLIC_FORM_MIN_SECONDS = 3
    client = Client()
    t0 = datetime(2026, 9, 14, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    with time_machine.travel(t0, tick=False):
        data = {**_form(client), **VALID}
    # when it comes back one second later
    with time_machine.travel(t0.timestamp() + 1, tick=False):
        fast = client.post("/q/JJKFQ/", data)
    assert fast.status_code == 400
    assert fast.context["error"].code == "too_fast"
    assert fast.context["error"].message == "提交太快了，请核对内容后再提交。"
    assert WorkOrder.objects.count() == 0
    # and five seconds later the same form goes through
    with time_machine.travel(t0.timestamp() + 5, tick=False):
        assert client.post("/q/JJKFQ/", data).status_code == 200
    assert WorkOrder.objects.count() == 1


@pytest.mark.django_db
def test_expired_ticket_is_refused(tree):
    client = Client()
    t0 = datetime(2026, 9, 14, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    with time_machine.travel(t0, tick=False):
        data = {**_form(client), **VALID}
    with time_machine.travel(t0.timestamp() + 3 * 3600, tick=False):
        response = client.post("/q/JJKFQ/", data)
    assert response.context["error"].code == "expired"
    assert WorkOrder.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"phone": ""}, "phone", "请填写正确的大陆手机号码（11 位，1 开头）。"),
        ({"phone": "12345"}, "phone", "请填写正确的大陆手机号码（11 位，1 开头）。"),
        ({"phone": "0595-22334455"}, "phone", "请填写正确的大陆手机号码（11 位，1 开头）。"),
        ({"description": ""}, "description", "请填写诉求内容。"),
        ({"description": "欠薪"}, "description", "诉求内容至少 5 个字。"),
        ({"description": "欠" * 4001}, "description", "诉求内容不能超过 4000 个字。"),
        ({"workers_involved": "0"}, "workers_involved", "涉及人数应在 1 到 100000 之间。"),
        ({"workers_involved": "三"}, "workers_involved", "涉及人数应为整数。"),
        ({"amount_claimed": "-5"}, "amount_claimed", "涉及金额应为不小于 0 的合理金额。"),
        ({"amount_claimed": "abc"}, "amount_claimed", "涉及金额应为金额数字。"),
        ({"amount_claimed": "1.234"}, "amount_claimed", "涉及金额最多两位小数。"),
        ({"name": "张" * 41}, "name", "姓名不能超过 40 个字。"),
    ],
)
def test_validation_errors_name_the_field_in_chinese(tree, change, field, message):
    response = _post(Client(), {**VALID, **change})
    assert response.status_code == 400
    error = response.context["error"]
    assert (error.field, error.message) == (field, message)
    assert message in response.content.decode()
    assert WorkOrder.objects.count() == 0
    assert WorkOrderEvent.objects.count() == 0


@pytest.mark.django_db
def test_phone_in_common_spellings_is_normalised(tree):
    _post(Client(), {**VALID, "phone": "+86 138 0000 1234"})
    assert WorkOrder.objects.get().phone == "13800001234"


@pytest.mark.django_db
def test_phone_in_full_width_digits_is_stored_in_ascii_and_can_be_tracked(tree):
    # given a worker typing on a phone keyboard in Chinese mode
    response = _post(Client(), {**VALID, "phone": "１３８　0000 １２３４"})
    # then the order keeps ASCII digits, and the ASCII last four find it
    assert response.status_code == 200
    order = WorkOrder.objects.get()
    assert (order.phone, order.phone_last4) == ("13800001234", "1234")
    assert Client().get("/t/", {"code": order.tracking_code, "last4": "1234"}).status_code == 200
    # and so do full-width last four, typed the same way
    assert (
        Client().get("/t/", {"code": order.tracking_code, "last4": "１２３４"}).status_code == 200
    )


@pytest.mark.django_db
def test_amount_is_stored_as_money(tree):
    _post(Client(), {**VALID, "amount_claimed": "2,300.5"})
    assert str(WorkOrder.objects.get().amount_claimed) == "2300.50"


@pytest.mark.django_db
def test_ten_workers_make_a_group_order(tree):
    _post(Client(), {**VALID, "workers_involved": "10", "wage_arrears": "1"})
    order = WorkOrder.objects.get()
    assert (order.is_group, order.wage_arrears, order.workers_involved) == (True, True, 10)


@pytest.mark.django_db
def test_unknown_or_inactive_org_is_404(tree):
    assert Client().get("/q/NOPE/").status_code == 404
    tree["ent_a"].is_active = False
    tree["ent_a"].save()
    assert Client().get("/q/JJ-HX/").status_code == 404


@pytest.mark.django_db
def test_real_png_pdf_and_jpeg_attachments_are_kept(tree):
    files = [
        SimpleUploadedFile("工资条.png", PNG, content_type="image/png"),
        SimpleUploadedFile("合同.pdf", PDF, content_type="application/pdf"),
        SimpleUploadedFile("现场.jpg", JPG, content_type="image/jpeg"),
    ]
    response = _post(Client(), {**VALID, "attachments": files})
    assert response.status_code == 200
    rows = list(
        Attachment.objects.order_by("original_name").values_list(
            "original_name", "content_type", "size"
        )
    )
    assert rows == [
        ("合同.pdf", "application/pdf", len(PDF)),
        ("工资条.png", "image/png", len(PNG)),
        ("现场.jpg", "image/jpeg", len(JPG)),
    ]
    assert WorkOrder.objects.get().events.get().data == {"channel": "qr", "attachments": 3}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "declared"),
    [
        ("setup.exe", EXE, "application/octet-stream"),
        ("photo.png", EXE, "image/png"),  # the name and declared type lie; the bytes do not
        ("notes.txt", b"just some text here", "text/plain"),
    ],
)
def test_attachment_type_is_checked_by_content(tree, name, content, declared):
    upload = SimpleUploadedFile(name, content, content_type=declared)
    response = _post(Client(), {**VALID, "attachments": [upload]})
    assert response.status_code == 400
    error = response.context["error"]
    assert (error.code, error.field) == ("file_type", "attachments")
    assert error.message == f"附件“{name}”只能是 JPG、PNG 图片或 PDF。"
    assert (WorkOrder.objects.count(), Attachment.objects.count()) == (0, 0)


@pytest.mark.django_db
def test_attachment_size_is_limited(tree, settings):
    settings.ATTACHMENT_MAX_BYTES = 2 * 2**20
    big = SimpleUploadedFile("big.png", PNG + b"\x00" * (2 * 2**20), content_type="image/png")
    response = _post(Client(), {**VALID, "attachments": [big]})
    assert response.status_code == 400
    assert (response.context["error"].code, response.context["error"].message) == (
        "file_too_large",
        "附件“big.png”超过 2 MB。",
    )
    assert (WorkOrder.objects.count(), Attachment.objects.count()) == (0, 0)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "change"),
    [
        ("/q/JJKFQ/", {"description": "工厂拖欠三个月\x00工资"}),
        ("/q/JJKFQ/", {"na\x00me": "张三"}),
        ("/q/JJ%00KFQ/", {}),
    ],
)
def test_nul_in_the_qr_form_is_400_and_writes_nothing(tree, url, change):
    # given a multipart form with an attachment, and a NUL in the path, a field or its name
    # (Django's upload parser already drops unprintable characters from file names)
    client = Client()
    form = _form(client)
    upload = SimpleUploadedFile("工资条.png", PNG, content_type="image/png")
    # when it is sent
    response = client.post(url, {**form, **VALID, **change, "attachments": [upload]})
    # then it is refused in plain Chinese and nothing is stored
    assert response.status_code == 400
    assert response.content.decode() == (
        "请求中含有不允许的字符（空字符或无效的 Unicode 字符），请检查后重试。"
    )
    assert (WorkOrder.objects.count(), Attachment.objects.count()) == (0, 0)


@pytest.mark.django_db
def test_attachment_count_is_limited(tree):
    files = [SimpleUploadedFile(f"p{i}.png", PNG, content_type="image/png") for i in range(4)]
    response = _post(Client(), {**VALID, "attachments": files})
    assert response.status_code == 400
    assert response.context["error"].message == "附件最多 3 个。"
    assert (WorkOrder.objects.count(), Attachment.objects.count()) == (0, 0)


@pytest.mark.django_db
def test_rate_limit_on_the_qr_form(tree, settings):
    settings.PUBLIC_RATE_LIMIT_PER_MINUTE = 2
    client = Client()
    with time_machine.travel(datetime(2026, 9, 14, 10, 0, 5, tzinfo=ZoneInfo("UTC")), tick=False):
        # when one address sends three appeals within a minute
        codes = [
            _post(client, {**VALID, "description": f"第 {i} 次反映欠薪问题"}) for i in range(3)
        ]
    # then the third is refused with 429, says when to come back, and is not stored
    assert [r.status_code for r in codes] == [200, 200, 429]
    assert codes[2]["Retry-After"] == "55"
    assert codes[2].context["error"].message == "提交过于频繁，请一分钟后再试。"
    assert WorkOrder.objects.count() == 2
    # a minute later it is accepted again
    with time_machine.travel(datetime(2026, 9, 14, 10, 1, 5, tzinfo=ZoneInfo("UTC")), tick=False):
        assert _post(client, VALID).status_code == 200
    # and another address was never limited
    other = Client(REMOTE_ADDR="10.0.0.9")
    with time_machine.travel(datetime(2026, 9, 14, 10, 0, 6, tzinfo=ZoneInfo("UTC")), tick=False):
        assert _post(other, VALID).status_code == 200


# The hotline desk ------------------------------------------------------------------------------


def _desk(client, **data):
    values = {
        "channel": "hotline",
        "org": "JJ",
        "phone": "13800001234",
        "description": "咨询加班费怎么算，每天加班 3 小时。",
    }
    return client.post("/desk/new/", {**values, **data})


def test_operator_records_a_hotline_call(client_for, cast, tree):
    # when the operator records a call for county A
    response = _desk(client_for("operator"), name="李四")
    # then the order is at county A, by the hotline, and the operator is on the timeline
    order = WorkOrder.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/orders/{order.tracking_code}/"
    assert (order.channel, order.intake_org, order.status, order.requester_name) == (
        "hotline",
        tree["county_a"],
        S.NEW,
        "李四",
    )
    assert list(order.events.values_list("action", "actor")) == [("submitted", cast["operator"].pk)]


def test_desk_takes_a_landline_and_walk_in(client_for, tree):
    _desk(client_for("operator"), phone="0595-22334455", channel="walk_in")
    order = WorkOrder.objects.get()
    assert (order.phone, order.channel) == ("059522334455", "walk_in")


def test_desk_refuses_an_unknown_channel(client_for, tree):
    assert client_for("operator").get("/desk/new/?channel=qr").status_code == 404


def test_desk_refuses_an_org_outside_scope(client_for, tree):
    response = _desk(client_for("dispatcher"), org="NA")
    assert response.status_code == 400
    assert response.context["error"].message == "请选择您管辖范围内的受理组织。"
    assert WorkOrder.objects.count() == 0


def test_desk_validation_error_is_shown_and_nothing_written(client_for, tree):
    response = _desk(client_for("operator"), phone="12")
    assert response.status_code == 400
    assert "请填写正确的联系电话（手机号或带区号的固定电话）。" in response.content.decode()
    assert WorkOrder.objects.count() == 0


def test_answer_on_the_spot_closes_as_answered_and_is_still_revisited(client_for, cast, tree):
    # when the operator answers the consultation on the call
    _desk(client_for("operator"), nature="consult", answer_now="按小时工资的 150% 支付加班费。")
    order = WorkOrder.objects.get()
    # then it is answered directly, with the answer as the reply
    assert order.status == S.ANSWERED_DIRECTLY
    assert (order.reply, order.replied_by) == ("按小时工资的 150% 支付加班费。", cast["operator"])
    assert list(order.events.values_list("action", flat=True)) == ["submitted", "answer_directly"]
    # and someone else on the platform still revisits it
    assert act(cast["supervisor"], order, "revisit", result="satisfied").status == S.REVISITED


def test_refused_answer_on_the_spot_takes_nothing_in_and_keeps_the_form(client_for, tree):
    # given a call with an on-the-spot answer that is too short, an attachment and ticks
    client = client_for("operator")
    form = {
        "nature": "consult",
        "name": "李四",
        "employer_name": "恒兴鞋业有限公司",
        "wage_arrears": "1",
        "claims_confirm": "1",
        "claim_labels": ["支付加班工资"],
        "claims_seen": ["支付加班工资", "支付工资"],
    }
    scan = SimpleUploadedFile("scan.png", PNG, content_type="image/png")
    # when the operator registers it
    response = _desk(client, answer_now="ab", attachments=[scan], **form)
    # then the answer is refused and nothing at all was written: no order, no event, no file
    assert response.status_code == 400
    assert response.context["error"].message == "答复内容至少 5 个字。"
    assert (WorkOrder.objects.count(), WorkOrderEvent.objects.count()) == (0, 0)
    assert Attachment.objects.count() == 0
    assert _stored_files() == []
    # and the form comes back as it was filled in, ticks included
    html = response.content.decode()
    assert ">ab</textarea>" in html
    assert 'value="李四"' in html
    assert 'value="恒兴鞋业有限公司"' in html
    assert re.search(r'name="wage_arrears" value="1"\s+checked', html)
    assert not re.search(r'name="emergency" value="1"\s+checked', html)
    assert '<input type="hidden" name="claim_labels" value="支付加班工资">' in html
    assert '<input type="hidden" name="claims_seen" value="支付工资">' in html
    assert '<input type="hidden" name="claims_confirm" value="1">' in html
    # when the operator corrects the answer and sends the form again
    response = _desk(client, answer_now="按小时工资的 150% 支付加班费。", **form)
    # then there is exactly one order, answered directly, with its events in order
    assert response.status_code == 302
    order = WorkOrder.objects.get()
    assert order.status == S.ANSWERED_DIRECTLY
    assert list(order.events.values_list("action", flat=True)) == [
        "submitted",
        "classify",
        "answer_directly",
    ]


def test_a_failure_after_intake_rolls_the_intake_back(client_for, tree, monkeypatch):
    # given an answer that passes the check but whose transition fails anyway
    from tongxin.appeals import services
    from tongxin.core.exceptions import ApplicationError

    def refuse(**kwargs):
        raise ApplicationError("工单已被他人处理。", code="transition_refused")

    monkeypatch.setattr(services, "work_order_transition", refuse)
    # when the operator registers the call
    response = _desk(client_for("operator"), answer_now="按小时工资的 150% 支付加班费。")
    # then the error is shown and the appeal taken in with it is gone too
    assert response.status_code == 400
    assert response.context["error"].message == "工单已被他人处理。"
    assert (WorkOrder.objects.count(), WorkOrderEvent.objects.count()) == (0, 0)


def _stored_files():
    from django.conf import settings

    root = settings.MEDIA_ROOT
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def _listed(html):
    return re.findall(r'href="/orders/([A-Z0-9]+)/"', html)


def test_caller_history_shows_a_repeat_callers_earlier_appeals(client_for, tree):
    # given two earlier appeals from this phone in county A and one from another phone
    first = submit(tree["town_a"], phone="13800001234", description="第一次反映：拖欠工资。")
    second = submit(tree["county_a"], phone="13800001234", description="第二次反映：仍未发放。")
    other = submit(tree["county_a"], phone="13900009999")
    # when the operator types the number
    response = client_for("operator").get("/desk/caller-history/", {"phone": "13800001234"})
    # then both earlier appeals are listed, newest first, and nothing else
    html = response.content.decode()
    assert _listed(html) == [second.tracking_code, first.tracking_code]
    assert other.tracking_code not in html
    assert "13800001234" not in html


def test_caller_history_needs_seven_digits(client_for, tree):
    submit(tree["county_a"], phone="13800001234")
    response = client_for("operator").get("/desk/caller-history/", {"phone": "138000"})
    assert _listed(response.content.decode()) == []


def test_outsider_sees_no_caller_history_from_county_a(client_for, tree):
    order = submit(tree["county_a"], phone="13800001234")
    response = client_for("outsider").get("/desk/caller-history/", {"phone": "13800001234"})
    assert _listed(response.content.decode()) == []
    assert "没有历史诉求。" in response.content.decode()
    assert order.tracking_code not in response.content.decode()


# QR codes --------------------------------------------------------------------------------------


def test_qr_png_download_is_a_png_of_the_form_address(client_for, tree, settings):
    settings.PUBLIC_BASE_URL = "https://tongxin.example.cn/"
    response = client_for("handler").get("/orgs/JJKFQ/qr.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == 'attachment; filename="qr-JJKFQ.png"'
    assert response.content.startswith(b"\x89PNG\r\n\x1a\n")
    from PIL import Image

    image = Image.open(__import__("io").BytesIO(response.content))
    assert image.format == "PNG"
    assert image.size[0] == image.size[1] > 200


def test_qr_svg_download_is_an_svg(client_for, tree):
    response = client_for("admin").get("/orgs/JJ-HX/qr.svg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    text = response.content.decode()
    assert text.startswith("<?xml")
    assert "<svg" in text


def test_qr_other_format_is_404(client_for, tree):
    assert client_for("admin").get("/orgs/JJ/qr.gif").status_code == 404


def test_qr_code_points_at_the_form(tree, rf, settings):
    from tongxin.appeals import qrcodes

    settings.PUBLIC_BASE_URL = "https://tongxin.example.cn/"
    assert qrcodes.form_url(request=rf.get("/"), org=tree["town_a"]) == (
        "https://tongxin.example.cn/q/JJKFQ/"
    )
    settings.PUBLIC_BASE_URL = ""
    assert qrcodes.form_url(request=rf.get("/"), org=tree["town_a"]) == "http://testserver/q/JJKFQ/"


def test_two_forms_opened_at_the_same_instant_get_different_tickets():
    from tongxin.appeals import antibot

    with time_machine.travel(datetime(2026, 9, 14, 10, 0, 5, tzinfo=ZoneInfo("UTC")), tick=False):
        tickets = {antibot.new_challenge()[1] for _ in range(50)}
    assert len(tickets) == 50
