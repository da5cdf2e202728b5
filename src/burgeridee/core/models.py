"""Small building blocks shared by the models of every app."""

from django.utils.encoding import force_str


class ChoiceLabelsMixin:
    """`get_<field>_display()` from a dict built once per field.

    Django's default rebuilds the whole choices list on every call and hashes each label, which translates
    every lazy label: a list page showing three labels per row paid about a thousand translations per request.
    The labels stay lazy here, so each call still answers in the language of the request.
    Put it before models.Model: `class Initiative(ChoiceLabelsMixin, models.Model)`.
    """

    def _get_FIELD_display(self, field):  # noqa: N802 - the name Django looks up
        labels = field.__dict__.get("_choice_labels")
        if labels is None:
            labels = field._choice_labels = dict(field.flatchoices)
        value = getattr(self, field.attname)
        try:
            label = labels.get(value, value)
        except TypeError:  # an unhashable value (never in this project's choices): Django's own way
            return super()._get_FIELD_display(field)
        return force_str(label, strings_only=True)
