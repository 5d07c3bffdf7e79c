"""Server-rendered SVG bar charts: no JavaScript, print well, work offline."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from tongxin.insights.indicators import Indicator


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str
    x: float
    width: float
    height: float
    y: float


@dataclass(frozen=True)
class Chart:
    title: str
    bars: list[Bar]
    width: int
    height: int


def bar_chart(
    points: list[tuple[str, float]],
    *,
    unit: str = "",
    title: str = "",
    maximum: float | None = None,
    height: int = 160,
) -> Chart:
    top = maximum if maximum is not None else max((v for _, v in points), default=0) or 1
    slot = 48
    bars = []
    for i, (label, value) in enumerate(points):
        h = (height - 30) * (value / top) if top else 0
        bars.append(
            Bar(
                label=label,
                value=value,
                text=f"{value:g}{unit}",
                x=i * slot + 8,
                width=slot - 16,
                height=h,
                y=height - 20 - h,
            )
        )
    return Chart(title=title, bars=bars, width=max(len(points) * slot + 16, 200), height=height)


def rate_chart(points: list[tuple[str, Indicator]], *, title: str) -> Chart | None:
    """One rate indicator across orgs or months, in %; points without a denominator are left
    out, and with none left there is no chart."""
    bars = [(label, float(i.rate or Decimal(0))) for label, i in points if i.denominator]
    return bar_chart(bars, unit="%", title=title, maximum=100) if bars else None


def rate_charts(groups: list[tuple[str, list[Indicator]]]) -> list[Chart]:
    """One chart per rate indicator, a bar per labelled group (e.g. a child org); the groups
    carry the same indicators in the same order."""
    if not groups:
        return []
    charts = []
    for idx, ind in enumerate(groups[0][1]):
        if ind.denominator is None:
            continue
        if chart := rate_chart([(label, rows[idx]) for label, rows in groups], title=ind.label):
            charts.append(chart)
    return charts


def amount_chart(points: list[tuple[str, Decimal]], *, title: str = "") -> Chart:
    """Money in 万元 (ten thousand yuan), two decimals: exact sums, rounded only to draw."""
    return bar_chart(
        [(label, float((v / 10000).quantize(Decimal("0.01")))) for label, v in points],
        unit=_("万"),
        title=title,
    )
