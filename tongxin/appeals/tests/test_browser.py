"""The whole public loop in a real browser (Playwright driving Debian's chromium): a worker
scans the park's QR code on a phone, the park's handler accepts and replies from the
workbench, and the worker reads the reply and rates it.

Set TONGXIN_SHOTS=/some/dir to keep a full-page screenshot of every main page."""

import contextlib
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connections
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tongxin.appeals.models import WorkOrder

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
CN_DIGITS = {d: i for i, d in enumerate("零一二三四五六七八九")}

# live_server flushes the database afterwards; serialized_rollback restores what the data
# migrations seeded (catalogue, deadline rules, places) for the tests that run after this one.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def browser(monkeypatch) -> Iterator[Browser]:
    if not CHROMIUM.exists():
        # Fail, never skip: `make test` installs it (scripts/ensure-system-packages.sh).
        pytest.fail(f"{CHROMIUM} is missing: run `bash scripts/ensure-system-packages.sh`.")
    # Playwright's sync API keeps an event loop in this thread, so Django would refuse the
    # test's own ORM calls; Django documents this variable for exactly this case.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
        # Connections the test opened while Playwright ran live in that context's storage, out
        # of reach of pytest-django's teardown; left open, PostgreSQL can't drop the test DB.
        connections.close_all()


@pytest.fixture
def step(tmp_path):
    """`with step(page, "name"):` turns any failure inside into an AssertionError that names
    a screenshot of the page as it was."""

    @contextlib.contextmanager
    def run(page: Page, name: str) -> Iterator[None]:
        try:
            yield
        except Exception as exc:
            shot = tmp_path / f"failed-{name}.png"
            with contextlib.suppress(Exception):
                page.screenshot(path=shot, full_page=True)
            raise AssertionError(
                f"step {name!r} failed at {page.url}: {exc}\nscreenshot: {shot}"
            ) from exc

    return run


def _shot(page: Page, name: str) -> None:
    if out := os.environ.get("TONGXIN_SHOTS"):
        Path(out).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=Path(out) / f"{name}.png", full_page=True)


def _solve(question: str) -> str:
    """Answer "三 加 五 等于几？" the way a person would."""
    match = re.search(r"([零一二三四五六七八九])\s*加\s*([零一二三四五六七八九])", question)
    assert match, f"no sum in the anti-bot question {question!r}"
    return str(CN_DIGITS[match[1]] + CN_DIGITS[match[2]])


def test_worker_appeal_is_accepted_replied_and_rated(live_server, cast, browser, step):
    url = live_server.url
    worker = browser.new_context(locale="zh-CN", **PHONE).new_page()
    staff = browser.new_context(locale="zh-CN", **DESKTOP).new_page()
    for page in (worker, staff):
        page.set_default_timeout(15_000)
    expect.set_options(timeout=15_000)  # a loaded CI machine can take seconds per page

    # given a worker who scans the park's QR code on a phone
    with step(worker, "qr-form"):
        worker.goto(f"{url}/q/JJKFQ/")
        expect(worker.get_by_role("heading", level=1)).to_have_text("码上办 · 职工诉求")
        expect(worker.get_by_text("晋江经济开发区工会")).to_be_visible()
        _shot(worker, "1-qr-form-phone")
        # when they describe the problem and answer the sum
        worker.get_by_label("遇到了什么问题？").fill(
            "厂里拖欠我三个月工资共 6800 元，老板一直推脱。"
        )
        worker.get_by_label("手机号码").fill("13912345678")
        worker.get_by_label("姓名", exact=True).fill("李四")
        worker.get_by_label("用人单位").fill("恒兴鞋业有限公司")
        worker.get_by_label("涉及拖欠工资").check()
        question = worker.locator("label[for=challenge]").inner_text()
        worker.locator("#challenge").fill(_solve(question))
        worker.get_by_role("button", name="提交诉求").click()

    # then they get a tracking code, and the tracking page says it waits for dispatch
    with step(worker, "qr-done"):
        expect(worker.get_by_role("heading", level=1)).to_have_text("已收到您的诉求")
        code = worker.locator("#tracking-code").inner_text().strip()
        assert re.fullmatch(r"[A-Z0-9]{6,}", code), code
        _shot(worker, "2-qr-done-phone")
        worker.get_by_role("link", name="查看办理进度").click()
        expect(worker.get_by_label("查询码")).to_have_value(code)
        worker.get_by_label("手机号后四位").fill("5678")
        worker.get_by_role("button", name="查询", exact=True).click()
        expect(worker.locator("#status")).to_have_text("待派单")
        expect(worker.locator("#rate-form")).to_have_count(0)
        _shot(worker, "3-track-new-phone")

    # when the park's handler logs in and finds the order on the workbench
    with step(staff, "login"):
        staff.goto(f"{url}/login/")
        staff.get_by_label("用户名").fill("handler")
        staff.get_by_label("密码").fill("pw-handler")
        staff.get_by_role("button", name="登录").click()
        expect(staff.get_by_role("heading", level=1)).to_have_text("我的工单（按办结时限排序）")
        expect(staff.locator("#queue")).to_contain_text("恒兴鞋业有限公司")
        _shot(staff, "4-workbench")
    with step(staff, "accept"):
        staff.get_by_role("link", name=code).click()
        expect(staff.locator("#order-status")).to_have_text("待派单")
        expect(staff.get_by_text("厂里拖欠我三个月工资")).to_be_visible()
        expect(staff.get_by_text("13912345678")).to_have_count(0)  # the phone stays masked
        _shot(staff, "5-order-new")
        accept = staff.locator("details.action").filter(has=staff.get_by_text("签收", exact=True))
        accept.locator("summary").click()
        accept.get_by_role("button", name="签收").click()
        expect(staff.locator("#order-status")).to_have_text("已签收")
    with step(staff, "reply"):
        reply = staff.locator("details.action").filter(
            has=staff.get_by_text("办结反馈", exact=True)
        )
        reply.locator("summary").click()
        reply.locator("textarea[name=reply]").fill(
            "已约谈企业负责人，企业承诺本周五前补发工资 6800 元。"
        )
        reply.locator("select[name=solved]").select_option(label="已解决")
        _shot(staff, "5b-order-reply-form")
        reply.get_by_role("button", name="办结反馈").click()
        expect(staff.locator("#order-status")).to_have_text("已反馈")
        expect(staff.locator("#timeline")).to_contain_text("办结反馈")

    # then the worker sees the reply and rates it
    with step(worker, "rate"):
        worker.reload()
        expect(worker.locator("#status")).to_have_text("已反馈")
        expect(worker.locator("#reply")).to_have_text(
            "已约谈企业负责人，企业承诺本周五前补发工资 6800 元。"
        )
        _shot(worker, "6-track-replied-phone")
        worker.get_by_label("满意", exact=True).check()
        worker.get_by_label("意见").fill("工会办事很快，谢谢！")
        worker.get_by_role("button", name="提交评价").click()
        expect(worker.get_by_role("status")).to_have_text("感谢您的评价！")
        expect(worker.locator("#rate-form")).to_have_count(0)
        _shot(worker, "7-track-rated-phone")

    # and staff see the rating on the order and in the indicators
    with step(staff, "after-rating"):
        staff.reload()
        expect(staff.get_by_text("满意 工会办事很快，谢谢！")).to_be_visible()
        _shot(staff, "8-order-rated")
        staff.get_by_role("link", name="指标", exact=True).click()
        expect(staff.get_by_role("heading", level=1)).to_contain_text("工单指标")
        _shot(staff, "9-indicators")

    order = WorkOrder.objects.get(tracking_code=code)
    assert order.status == WorkOrder.Status.REPLIED
    assert order.worker_rating == WorkOrder.Satisfaction.SATISFIED
    assert order.worker_comment == "工会办事很快，谢谢！"
    assert order.handler == cast["handler"]
    assert order.wage_arrears is True
    assert list(order.events.values_list("action", "actor__username")) == [
        ("submitted", None),
        ("accept", "handler"),
        ("reply", "handler"),
        ("rate", None),
    ]
