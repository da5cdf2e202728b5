"""Accessible bar charts drawn on the server as SVG, always shown beside a table of the same numbers."""

from dataclasses import dataclass

BAR_HEIGHT = 28
GAP = 10
LABEL_WIDTH = 260
BAR_AREA = 300
VALUE_WIDTH = 60


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    y: int
    width: float
    text_y: int


@dataclass(frozen=True)
class Chart:
    title: str
    bars: list[Bar]
    height: int
    width: int = LABEL_WIDTH + BAR_AREA + VALUE_WIDTH
    label_width: int = LABEL_WIDTH
    value_x: int = LABEL_WIDTH + BAR_AREA + 8


def bar_chart(*, title: str, rows) -> Chart:
    values = [row.value or 0 for row in rows]
    top = max(values, default=0) or 1
    bars = []
    for index, row in enumerate(rows):
        y = index * (BAR_HEIGHT + GAP)
        value = row.value or 0
        bars.append(
            Bar(label=row.label, value=value, y=y, width=round(BAR_AREA * value / top, 1), text_y=y + BAR_HEIGHT - 9)
        )
    return Chart(title=title, bars=bars, height=max(len(bars), 1) * (BAR_HEIGHT + GAP))
