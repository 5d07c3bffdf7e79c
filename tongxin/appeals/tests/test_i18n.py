"""Simplified Chinese by default, English on request: from the browser's language or the
switch in the page header (a cookie)."""

from django.test import Client


def test_the_qr_form_is_chinese_by_default(client, tree):
    page = client.get("/q/JJKFQ/")
    assert page["Content-Language"] == "zh-hans"
    assert "提交诉求" in page.content.decode()


def test_a_browser_asking_for_english_gets_english(tree):
    page = Client(headers={"Accept-Language": "en-US,en;q=0.9"}).get("/q/JJKFQ/")
    assert page["Content-Language"] == "en"
    assert "Submit appeal" in page.content.decode()


def test_the_language_switch_sticks_for_the_next_pages(client_for, tree):
    client = client_for("supervisor")
    switched = client.post("/i18n/setlang/", {"language": "en", "next": "/workbench/"})
    assert switched.status_code == 302

    workbench = client.get("/workbench/")
    assert workbench["Content-Language"] == "en"
    assert "Log out" in workbench.content.decode()
