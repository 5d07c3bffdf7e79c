"""An anti-bot check for the no-login QR form that needs no outside service.

Three signals: a hidden field people never fill (honeypot); a signed form ticket that must be
at least PUBLIC_FORM_MIN_SECONDS old (bots post at once) and at most two hours; and a small
sum in Chinese the person answers. The ticket carries the answer, signed, so no server state."""

import secrets
import time

from django.conf import settings
from django.core import signing
from django.utils.translation import gettext as _

from tongxin.core.exceptions import ApplicationError

_SALT = "tongxin.qr-form"
_MAX_AGE = 2 * 3600
DIGITS = "零一二三四五六七八九"


def new_challenge() -> tuple[str, str]:
    """(question text, signed ticket)."""
    a, b = secrets.randbelow(8) + 1, secrets.randbelow(9) + 1
    # The nonce makes every ticket unique: the form's idempotency key is made from it, so
    # two forms opened at the same instant must not share one.
    ticket = signing.dumps({"t": time.time(), "s": a + b, "n": secrets.token_hex(8)}, salt=_SALT)
    return _("%(a)s 加 %(b)s 等于几？（填数字）") % {"a": DIGITS[a], "b": DIGITS[b]}, ticket


def verify(*, ticket: str, answer: str, honeypot: str) -> None:
    """Raise ApplicationError (field `challenge`) unless the submission looks human."""
    if honeypot:
        raise ApplicationError(
            _("提交未通过校验，请刷新页面后重试。"), code="bot", field="challenge"
        )
    try:
        data = signing.loads(ticket, salt=_SALT, max_age=_MAX_AGE)
    except signing.BadSignature:
        raise ApplicationError(
            _("页面已过期，请刷新后重新填写。"), code="expired", field="challenge"
        ) from None
    if time.time() - float(data["t"]) < settings.PUBLIC_FORM_MIN_SECONDS:
        raise ApplicationError(
            _("提交太快了，请核对内容后再提交。"), code="too_fast", field="challenge"
        )
    if answer.strip() != str(data["s"]):
        raise ApplicationError(
            _("验证题答案不对，请重新计算。"), code="wrong_answer", field="challenge"
        )
