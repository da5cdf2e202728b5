"""A municipality's colours as NL Design System design tokens, and the WCAG contrast they must keep.

The functional administrator picks a handful of colours; each is one design token (a CSS custom property
the Utrecht components and burgeridee.css read). Text must stay readable on its background: a pair below
WCAG 2.2 AA (1.4.3: 4.5:1 for text; 1.4.11: 3:1 for a line that only decorates) is refused, with the
ratio and what to change.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .models import HEX_COLOUR, THEME_COLOUR_PROPERTY

TEXT_RATIO = 4.5
GRAPHIC_RATIO = 3.0


@dataclass(frozen=True)
class ThemeColour:
    key: str  # the form field's name
    token: str  # the design token (CSS custom property)
    label: str
    default: str  # what burgeridee.css uses when the token is not set


THEME_COLOURS = (
    ThemeColour("accent", THEME_COLOUR_PROPERTY, _("Huiskleur (lijn onder de kop en het icoon)"), "#cc0000"),
    ThemeColour("background", "--utrecht-document-background-color", _("Achtergrond van de pagina"), "#ffffff"),
    ThemeColour("text", "--utrecht-document-color", _("Tekst"), "#1a1a1a"),
    ThemeColour("link", "--utrecht-link-color", _("Links"), "#24578f"),
    ThemeColour(
        "button_background",
        "--utrecht-button-primary-action-background-color",
        _("Achtergrond van de hoofdknop"),
        "#1f5fa8",
    ),
    ThemeColour("button_text", "--utrecht-button-primary-action-color", _("Tekst op de hoofdknop"), "#ffffff"),
)
BY_KEY = {colour.key: colour for colour in THEME_COLOURS}

# (foreground, background, minimum ratio, what the pair is)
PAIRS = (
    ("text", "background", TEXT_RATIO, _("tekst op de achtergrond")),
    ("link", "background", TEXT_RATIO, _("links op de achtergrond")),
    ("button_text", "button_background", TEXT_RATIO, _("tekst op de hoofdknop")),
    ("accent", "background", GRAPHIC_RATIO, _("huiskleur op de achtergrond")),
)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def hex_normalise(colour: str) -> str:
    """'#ABC' -> '#aabbcc'; ValueError when it is no hex colour."""
    colour = (colour or "").strip()
    if not HEX_COLOUR.match(colour):
        raise ValueError(colour)
    digits = colour[1:].lower()
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    return "#" + digits


def relative_luminance(colour: str) -> float:
    digits = hex_normalise(colour)[1:]
    red, green, blue = (int(digits[index : index + 2], 16) for index in (0, 2, 4))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_ratio(first: str, second: str) -> float:
    """The WCAG contrast ratio of two hex colours, from 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def colours_from_theme(theme: dict) -> dict[str, str]:
    """The chosen colours (by key) in a stored theme; the defaults where none is set."""
    theme = theme if isinstance(theme, dict) else {}
    return {colour.key: str(theme.get(colour.token) or colour.default) for colour in THEME_COLOURS}


@dataclass(frozen=True)
class ContrastProblem:
    foreground: str  # keys of THEME_COLOURS
    background: str
    ratio: float
    minimum: float
    message: str


def contrast_problems(colours: dict[str, str]) -> list[ContrastProblem]:
    """Each pair of `colours` (keys of THEME_COLOURS; missing ones take the default) below its minimum."""
    chosen = {colour.key: colours.get(colour.key) or colour.default for colour in THEME_COLOURS}
    problems = []
    for foreground, background, minimum, what in PAIRS:
        ratio = contrast_ratio(chosen[foreground], chosen[background])
        if ratio < minimum:
            message = _(
                "Te weinig contrast voor %(what)s: %(ratio)s:1, en er is minstens %(minimum)s:1 nodig (WCAG 2.2 "
                "niveau AA). Kies een donkerdere of lichtere kleur."
            ) % {"what": what, "ratio": f"{int(ratio * 100) / 100:.2f}", "minimum": f"{minimum:g}"}
            problems.append(ContrastProblem(foreground, background, ratio, minimum, str(message)))
    return problems


def theme_from_colours(colours: dict[str, str]) -> dict[str, str]:
    """Design tokens for the chosen colours (only those set), normalised."""
    return {BY_KEY[key].token: hex_normalise(value) for key, value in colours.items() if key in BY_KEY and value}
