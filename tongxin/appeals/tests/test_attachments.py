"""Attachments a worker uploaded: staff in the order's part of the tree download them through
a login-checked view, stored under random names; MEDIA_ROOT itself is never served."""

import importlib
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import clear_url_caches

import config.urls
from tongxin.appeals import services
from tongxin.appeals.models import Attachment, WorkOrder
from tongxin.orgs.models import OrgUnit

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"
NAME = "工资条 12月.png"
ROLES = ["anonymous", "operator", "dispatcher", "handler", "supervisor", "admin", "outsider"]


def _submit_with(org: OrgUnit, *files: SimpleUploadedFile) -> WorkOrder:
    order, _created = services.work_order_submit(
        actor=None,
        org=org,
        channel=WorkOrder.Channel.QR,
        data={
            "description": "工厂拖欠三个月工资共 2300 元，老板不接电话。",
            "phone": "13800001234",
            "employer_name": "恒兴鞋业有限公司",
        },
        attachments=list(files),
    )
    return order


@pytest.fixture
def payslip(tree) -> Attachment:
    """A payslip photo sent with an appeal at the park (town A, in county A)."""
    order = _submit_with(tree["town_a"], SimpleUploadedFile(NAME, PNG, content_type="image/png"))
    return order.attachments.get()


def _url(attachment: Attachment, code: str = "") -> str:
    code = code or attachment.work_order.tracking_code
    return f"/orders/{code}/attachments/{attachment.pk}/"


def _client(who: str, client_for) -> Client:
    return Client() if who == "anonymous" else client_for(who)


def test_only_staff_over_the_order_can_download(client_for, cast, payslip):
    # when each role asks for the payslip
    answers = {}
    for who in ROLES:
        response = _client(who, client_for).get(_url(payslip))
        body = b"".join(response.streaming_content) if response.streaming else response.content
        answers[who] = (response.status_code, body == PNG)
    # then staff of the order's subtree get the file, the outsider a 404 and anonymous the login
    assert answers == {
        "anonymous": (302, False),
        "operator": (200, True),
        "dispatcher": (200, True),
        "handler": (200, True),
        "supervisor": (200, True),
        "admin": (200, True),
        "outsider": (404, False),
    }
    login = Client().get(_url(payslip))
    assert login["Location"] == f"/login/?next={_url(payslip)}"


def test_download_is_an_attachment_under_its_chinese_name(client_for, cast, payslip):
    # when the handler downloads it
    response = client_for("handler").get(_url(payslip))
    # then the browser saves it under the worker's name, as the type found in its bytes
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == (
        'attachment; filename=" 12.png"; '
        "filename*=UTF-8''%E5%B7%A5%E8%B5%84%E6%9D%A1%2012%E6%9C%88.png"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Length"] == str(len(PNG))


def test_a_name_with_quotes_and_controls_cannot_break_the_header(client_for, cast, tree):
    # given an upload whose name holds a quote, a backslash and a control character
    order = _submit_with(
        tree["town_a"], SimpleUploadedFile('a"b\\c\x01.pdf', PDF, content_type="application/pdf")
    )
    attachment = order.attachments.get()
    # when it is downloaded
    response = client_for("handler").get(_url(attachment))
    # then the quoted fallback drops them and the RFC 5987 name encodes them
    assert response["Content-Disposition"] == (
        "attachment; filename=\"abc.pdf\"; filename*=UTF-8''a%22b%5Cc%01.pdf"
    )


def test_an_attachment_is_reached_only_through_its_own_order(client_for, cast, tree, payslip):
    # given an order in the handler's park without that attachment
    other = _submit_with(tree["town_a"])
    handler = client_for("handler")
    # when the payslip is asked for under its order, under the other order, and an id that
    # does not exist under its order
    own = handler.get(_url(payslip))
    wrong_order = handler.get(_url(payslip, code=other.tracking_code))
    no_such = handler.get(f"/orders/{payslip.work_order.tracking_code}/attachments/999999/")
    # then only the first is found
    assert [r.status_code for r in (own, wrong_order, no_such)] == [200, 404, 404]


def test_a_file_missing_from_storage_is_404_not_500(client_for, cast, payslip):
    handler = client_for("handler")
    assert handler.get(_url(payslip)).status_code == 200
    # given the file is then gone from storage (a database restored without its media)
    payslip.file.storage.delete(payslip.file.name)
    # when it is downloaded
    response = handler.get(_url(payslip))
    # then a 404
    assert response.status_code == 404


def test_order_detail_links_each_attachment(client_for, cast, tree):
    # given an order with two attachments
    order = _submit_with(
        tree["town_a"],
        SimpleUploadedFile(NAME, PNG, content_type="image/png"),
        SimpleUploadedFile("合同.pdf", PDF, content_type="application/pdf"),
    )
    # when the handler opens the order
    html = client_for("handler").get(f"/orders/{order.tracking_code}/").content.decode()
    # then each attachment is a link to its download
    links = re.findall(r'<a href="(/orders/[^"]+/attachments/\d+/)" download>([^<]+)</a>', html)
    assert links == [(_url(a), a.original_name) for a in order.attachments.order_by("pk")]
    assert [name for _url_, name in links] == [NAME, "合同.pdf"]


def test_stored_file_names_are_random_and_keep_nothing_of_the_upload(payslip):
    # then the path in storage is a random name with the suffix of the checked content
    assert re.fullmatch(r"appeals/\d{4}/\d{2}/[0-9a-f]{32}\.png", payslip.file.name)
    assert payslip.original_name == NAME
    with payslip.file.open("rb") as fh:
        assert fh.read() == PNG


def test_a_very_long_upload_name_is_cut_to_its_column_keeping_the_suffix(tree):
    # given a name of 250 characters (browsers send up to 255)
    long_name = "工" * 246 + ".pdf"
    # when it is uploaded
    order = _submit_with(
        tree["town_a"], SimpleUploadedFile(long_name, PDF, content_type="application/pdf")
    )
    # then the stored name fits the 200-character column and still ends in .pdf
    assert order.attachments.get().original_name == "工" * 196 + ".pdf"


@pytest.fixture
def debug_urlconf(settings):
    """The URLconf as `make run` builds it: with DEBUG on at import time."""
    settings.DEBUG = True
    importlib.reload(config.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(config.urls)
    clear_url_caches()


def test_media_root_is_not_served_even_with_debug_on(debug_urlconf, payslip):
    # when anyone asks for the stored file at its media URL
    assert payslip.file.url.startswith("/media/appeals/")
    response = Client().get(payslip.file.url)
    # then there is no such page
    assert response.status_code == 404
    assert PNG not in response.content
