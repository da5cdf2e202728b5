"""Form helpers: NL Design System classes, accessible descriptions and an error summary."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

WIDGET_CLASSES = {
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.Select: "utrecht-select utrecht-select--html-select",
    # CheckboxSelectMultiple is a subclass of RadioSelect in Django: it must come first.
    forms.CheckboxSelectMultiple: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.RadioSelect: "utrecht-radio-button utrecht-radio-button--html-input",
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
}
TEXTBOX_CLASS = "utrecht-textbox utrecht-textbox--html-input"


LINE_BREAK = re.compile(r"[\r\n\u2028\u2029\x85]")


def single_line(value) -> None:
    """A one-line field (a title, a name, an address line) holds no line break.

    A browser's text box cannot produce one, but a crafted request can; it would end up in a mail
    subject or a PDF heading and break them.
    """
    if isinstance(value, str) and LINE_BREAK.search(value):
        raise ValidationError(_("Typ dit op één regel, zonder Enter."), code="line_break")


def clean_text(value: str) -> str:
    """Strip control characters that no person types (but keep line breaks and tabs).

    Line breaks become one line feed: a browser sends a text area's line break as CRLF but counts it as one
    character, so the server counts (and stores) the text as the resident saw it.
    """
    text = (value or "").replace("\r\n", "\n").replace("\r", "\n")
    return CONTROL_CHARACTERS.sub("", text).strip()


def widget_class(widget: forms.Widget) -> str:
    for widget_type, css in WIDGET_CLASSES.items():
        if isinstance(widget, widget_type):
            return css
    return TEXTBOX_CLASS


class AccessibleFormMixin:
    """Adds NL Design System classes, and links descriptions and errors to each control."""

    error_summary_title = _("Er is iets niet goed ingevuld")
    use_required_attribute = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            css = widget_class(field.widget)
            existing = field.widget.attrs.get("class", "")
            field.widget.attrs["class"] = f"{existing} {css}".strip()
            # No `required` attribute: the browser would then mark empty fields invalid before anyone typed.
            if field.required and not isinstance(field.widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
                field.widget.attrs.setdefault("aria-required", "true")
            field.widget.attrs.setdefault("data-field", name)
            if isinstance(field, forms.CharField) and isinstance(field.widget, forms.TextInput):
                field.validators.append(single_line)

    def full_clean(self):
        super().full_clean()
        for name, field in self.fields.items():
            bound = self[name]
            described_by = []
            if field.help_text:
                described_by.append(f"{bound.auto_id}_description")
            if bound.errors:
                described_by.append(f"{bound.auto_id}_error")
                field.widget.attrs["aria-invalid"] = "true"
            if described_by:
                field.widget.attrs["aria-describedby"] = " ".join(described_by)

    def error_summary(self) -> list[dict]:
        """One entry per error, each linking to the control to fix (the first option of a group)."""
        if not self.is_bound:
            return []
        items = [{"anchor": "", "message": error} for error in self.non_field_errors()]
        for name, field in self.fields.items():
            bound = self[name]
            if not bound.errors:
                continue
            anchor = bound.auto_id
            if isinstance(field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
                anchor = f"{bound.auto_id}_0"
            items.extend({"anchor": anchor, "message": error} for error in bound.errors)
        return items


class TextField(forms.CharField):
    """A text field without control characters (line breaks stay, as line feeds, and tabs).

    Cleaning happens in to_python, so max_length counts the cleaned text: what the resident sees.
    """

    def to_python(self, value):
        return clean_text(super().to_python(value))
