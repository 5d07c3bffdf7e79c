"""Server-rendered SVG bar charts: no JavaScript, print well, work offline."""

from dataclasses import dataclass
from decimal import Decimal

from tongxin.insights.indicators import Indicator
from tongxin.orgs.models import OrgUnit


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


def rate_charts(by_child: list[tuple[OrgUnit, list[Indicator]]]) -> list[Chart]:
    """One chart per rate indicator, a bar per child org (orgs with no denominator left out)."""
    if not by_child:
        return []
    charts = []
    for idx, ind in enumerate(by_child[0][1]):
        if ind.denominator is None:
            continue
        points = [
            (org.name[:6], float(rows[idx].rate or Decimal(0)))
            for org, rows in by_child
            if rows[idx].denominator
        ]
        if points:
            charts.append(bar_chart(points, unit="%", title=ind.label, maximum=100))
    return charts
