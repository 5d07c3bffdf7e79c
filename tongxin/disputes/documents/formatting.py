"""How dates, money and free text are written in the printed documents."""

from datetime import date
from decimal import Decimal

from django.utils import translation
from django.utils.functional import Promise

from laborlaw import amount_in_words

BLANK_DATE = "　　年　　月　　日"  # left for a hand-written date


def cn_date(day: date | None) -> str:
    """2026年3月2日, or a blank to fill in by hand."""
    return f"{day.year}年{day.month}月{day.day}日" if day else BLANK_DATE


def money(amount: Decimal) -> dict[str, str]:
    """An amount in figures (2,300.00) and in capital numerals (贰仟叁佰元整)."""
    return {"figures": f"{amount:,.2f}", "words": amount_in_words(amount)}


def paragraphs(text: str) -> list[str]:
    """The non-empty lines of a free-text field, one printed paragraph each."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def sentence_body(text: str) -> str:
    """Free text to embed inside a sentence: without its own closing punctuation."""
    return text.strip().rstrip("。；;，,.")


def chinese(label: str | Promise) -> str:
    """A choice label as printed. The documents are Chinese whatever language the reader's
    screens use; refusals (ApplicationError) stay in the reader's language."""
    with translation.override("zh-hans"):
        return str(label)
