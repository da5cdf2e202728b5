"""Accessible bar charts drawn on the server as SVG, always shown beside a table of the same numbers."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy

# What a chart bar, its table row and the CSV cell say where nothing was measured (an average of no
# answers): one text in all three, never a 0 that reads as a measured score.
NOT_MEASURED = gettext_lazy("nog geen antwoorden")

BAR_HEIGHT = 28
GAP = 10
LABEL_WIDTH = 260
BAR_AREA = 300
VALUE_WIDTH = 60


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None
    y: int
    width: float
    text_y: int

    @property
    def measured(self) -> bool:
        return self.value is not None

    @property
    def shown(self):
        """The value as the chart and its table show it."""
        return shown_value(self.value)


def shown_value(value):
    """A measured value as it is, or the words for nothing measured (chart, table and CSV alike)."""
    return NOT_MEASURED if value is None else value


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
        width = 0 if row.value is None else round(BAR_AREA * row.value / top, 1)
        bars.append(Bar(label=row.label, value=row.value, y=y, width=width, text_y=y + BAR_HEIGHT - 9))
    return Chart(title=title, bars=bars, height=max(len(bars), 1) * (BAR_HEIGHT + GAP))
