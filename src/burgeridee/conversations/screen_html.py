"""The conversation screen's phases, checklist and closing step, rendered by Jinja2 instead of the Django template
language.

The phases with their questions and about fifty controls, each drawn through `components/field.html` or
`components/choice_group.html` (some thirty-five includes), were most of the page's template time
(docs/benchmark.md, "conversation screen: levers taken (session 7)"). Jinja2 compiles the same markup to Python
(`jinja2/conversations/screen_form.jinja` mirrors those templates line for line, so the HTML is the same); the
translated texts are worked out here, in the language of the request, with their Dutch msgids.

Every value is escaped by Django's escaping (`core.jinja.django_escape`: quotes as &#x27; and &quot;, as the
Django template gave); the controls themselves are Django's own widget HTML (`widget_html`), marked safe.
"""

import html
from pathlib import Path

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from markupsafe import Markup, escape

from burgeridee.core.jinja import environment
from burgeridee.knowledge.links import knowledge_url

_TEMPLATES = Path(__file__).resolve().parent / "jinja2"


def _escaped(value) -> str:
    return html.escape(str(value))


# --- The controls ----------------------------------------------------------------------------------------
# Django draws each control through its Jinja2 widget templates (settings FORM_RENDERER): a template, two includes
# and a fresh context per control, some seventy times on this page. The few plain widgets of the screen are drawn
# here from the same widget context (Django's `get_context`: the attributes, the formatted value) with the markup of
# those templates (django/forms/jinja2/django/forms/widgets/input.html, textarea.html, attrs.html), escaped the way
# they are (markupsafe). test_screen_html.py checks every control of the screen against Django's own rendering.

_PLAIN_TEMPLATES = {
    "django/forms/widgets/text.html": "input",
    "django/forms/widgets/date.html": "input",
    "django/forms/widgets/textarea.html": "textarea",
}
_OPTION_TEMPLATES = {"django/forms/widgets/checkbox_option.html", "django/forms/widgets/radio_option.html"}


def _attrs_html(attrs: dict) -> str:
    """django/forms/widgets/attrs.html: ` name="value"`, a bare name for True, nothing for False."""
    return "".join(
        f" {escape(name)}" if value is True else f' {escape(name)}="{escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _input_html(widget: dict) -> str:
    """django/forms/widgets/input.html."""
    value = f' value="{escape(widget["value"])}"' if widget["value"] != None else ""  # noqa: E711 - as the template
    attrs = _attrs_html(widget["attrs"])
    return f'<input type="{escape(widget["type"])}" name="{escape(widget["name"])}"{value}{attrs}>'


def widget_html(bound) -> Markup:
    """`str(bound)`: the control of a bound field as Django draws it, without its template engine for the plain
    widgets (text, date, text area); any other widget is Django's own rendering."""
    widget, field = bound.field.widget, bound.field
    kind = _PLAIN_TEMPLATES.get(widget.template_name)
    if kind is None or field.localize or field.show_hidden_initial or widget.is_hidden:
        return Markup(str(bound))  # noqa: S704  # nosec B704 - Django's widget HTML, escaped by its renderer
    # BoundField.as_widget, step by step.
    attrs = bound.build_widget_attrs({}, widget)
    if bound.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", bound.auto_id)
    context = widget.get_context(bound.html_name, bound.value(), attrs)["widget"]
    if kind == "input":
        return Markup(_input_html(context))  # noqa: S704  # nosec B704 - every value escaped above
    value = escape(context["value"]) if context["value"] else ""
    return Markup(f'<textarea name="{escape(context["name"])}"{_attrs_html(context["attrs"])}>\n{value}</textarea>')  # noqa: S704  # nosec B704


def option_html(option) -> Markup:
    """`option.tag()` of a radio button or checkbox in a group (BoundWidget), drawn as widget_html draws inputs."""
    if option.data.get("template_name") not in _OPTION_TEMPLATES:
        return Markup(option.tag())  # noqa: S704  # nosec B704 - Django's widget HTML
    return Markup(_input_html(option.data))  # noqa: S704  # nosec B704 - every value escaped in _input_html


# --- The parts of the page -------------------------------------------------------------------------------


def _field(bound) -> dict:
    """What components/field.html reads of a bound field, with the control's HTML."""
    return {
        "auto_id": bound.auto_id,
        "label": bound.label,
        "help_text": bound.help_text,
        "errors": list(bound.errors),
        "widget": widget_html(bound),
    }


def _choice_group(bound) -> dict:
    """What components/choice_group.html reads: the field and each option's control, id and label."""
    return {
        "auto_id": bound.auto_id,
        "label": bound.label,
        "help_text": bound.help_text,
        "errors": list(bound.errors),
        "options": [(option_html(option), option.id_for_label, option.choice_label) for option in bound],
    }


def _agreement_part(bound) -> dict:
    errors = list(bound.errors)
    return {
        "auto_id": bound.auto_id,
        "errors": errors,
        # `{{ errors|join:" " }}` of the Django template: each message escaped, joined by a space.
        "joined": Markup(" ".join(_escaped(error) for error in errors)),  # noqa: S704  # nosec B704 - escaped
        "widget": widget_html(bound),
    }


def _agreement_rows(rows) -> list[dict]:
    return [
        {
            "number": row["number"],
            # `{% blocktranslate %}`: the translation as it is, the number escaped.
            "what_label": Markup(_("Afspraak %(n)s: wat") % {"n": _escaped(row["number"])}),  # noqa: S704  # nosec B704
            "what": _agreement_part(row["what"]),
            "who": _agreement_part(row["who"]),
            "due": _agreement_part(row["due"]),
        }
        for row in rows
    ]


def texts() -> dict[str, str]:
    """The page part's fixed texts in the language of the request (the msgids of the Django templates it replaced)."""
    return {
        "purpose": _("Doel"),
        "questions": _("Vragen"),
        "mind": _("Let op"),
        "error": _("Fout:"),
        "checklist": _("Checklist tijdens het gesprek"),
        "agreements": _("Afspraken: wat, wie, wanneer"),
        "who": _("Wie"),
        "due": _("Uiterlijk"),
        "finish_title": _("Gesprek afronden"),
        "finish": _("Gesprek afronden en verslag maken"),
    }


def screen_form_html(form, *, conversation, municipality) -> SafeString:
    """The phases (guide and controls), the 'during' checklist and, when asked, the day it was held."""
    form.errors  # noqa: B018 - cleans a posted form first, which links descriptions and errors to the controls
    phases = []
    for row in form.bound_phases():
        phase = row["phase"]
        captures = []
        for kind, item in row["captures"]:
            if kind == "field":
                captures.append(("field", _field(item)))
            elif kind in ("roles", "choice"):
                captures.append(("group", _choice_group(item)))
            elif kind == "agreements":
                captures.append(("agreements", _agreement_rows(item)))
        phases.append(
            {
                "key": phase.key,
                "title": phase.title,
                "purpose": phase.purpose,
                "questions": phase.questions,
                "pitfall_reminder": phase.pitfall_reminder,
                "pitfalls": [
                    (knowledge_url(municipality_slug=municipality.slug, key=key), key) for key in phase.pitfall_ids
                ],
                "captures": captures,
                "note": _field(row["note"]),
            }
        )
    held_on = None
    if "held_on" in form.fields:
        day = date_format(timezone.localtime(conversation.starts_at), "l j F Y")
        held_on = {
            "field": _field(form["held_on"]),
            "planned": Markup(_("Gepland op %(day)s.") % {"day": _escaped(day)}),  # noqa: S704  # nosec B704
        }
    text = texts()
    rendered = (
        environment(_TEMPLATES)
        .get_template("conversations/screen_form.jinja")
        .render(phases=phases, checked=_choice_group(form["checked"]), held_on=held_on, text=text)
    )
    return SafeString(rendered)  # nosec B703 - every value was escaped by django_escape
