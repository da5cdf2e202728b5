"""The knowledge library: pitfalls, success factors, roles, life cycle phases and practice cases.

Default content has municipality NULL and ships with the application (a data migration). A municipality
can override a default (a row with the same key and its own municipality), switch it off (such a row
with is_active False) or add its own practice cases (a key no default uses).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from burgeridee.core.models import ChoiceLabelsMixin
from burgeridee.initiatives.constants import Theme
from burgeridee.municipalities.models import Municipality

from .constants import KIND_SEGMENTS, FactorGroup, Kind, LinkRelation


def split_lines(text: str) -> list[str]:
    return [line.strip(" -•\t") for line in (text or "").splitlines() if line.strip(" -•\t")]


class KnowledgeItem(ChoiceLabelsMixin, models.Model):
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="knowledge_items",
        verbose_name=_("gemeente"),
        help_text=_("Leeg voor de standaardinhoud die elke gemeente krijgt."),
    )
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    key = models.CharField(
        _("sleutel"),
        max_length=60,
        help_text=_("Vaste code waarmee andere onderdelen ernaar verwijzen, bijvoorbeeld V3 of SF12."),
    )
    number = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    title = models.CharField(_("titel"), max_length=160)
    summary = models.CharField(_("korte samenvatting"), max_length=300, blank=True)
    body = models.TextField(_("uitleg"), blank=True, help_text=_("Bij een praktijkcasus: het verhaal."))
    # Pitfalls
    what_goes_wrong = models.TextField(_("wat gaat er mis"), blank=True)
    why_it_happens = models.TextField(_("waarom gebeurt het"), blank=True)
    what_works_better = models.TextField(_("wat werkt beter"), blank=True)
    signal = models.TextField(_("herken je het?"), blank=True)
    self_question = models.TextField(_("vraag aan jezelf"), blank=True)
    # Success factors
    group = models.CharField(_("groep"), max_length=20, choices=FactorGroup.choices, blank=True)
    # Roles and phases
    example = models.TextField(_("voorbeeld"), blank=True)
    # Cases: discussion questions; phases: points of attention or reasons to stop; roles: when it fits.
    points = models.TextField(_("punten"), blank=True, help_text=_("Eén punt per regel."))
    # Cases
    theme = models.CharField(_("thema"), max_length=20, choices=Theme.choices, blank=True)
    is_active = models.BooleanField(
        _("zichtbaar"), default=True, help_text=_("Uit: de gemeente heeft dit onderdeel uitgezet.")
    )
    updated_at = models.DateTimeField(_("laatst gewijzigd"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gewijzigd door"),
    )

    class Meta:
        verbose_name = _("onderdeel van de kennisbank")
        verbose_name_plural = _("onderdelen van de kennisbank")
        ordering = ["kind", "number", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["key"], condition=Q(municipality__isnull=True), name="unique_default_knowledge_key"
            ),
            models.UniqueConstraint(fields=["municipality", "key"], name="unique_municipal_knowledge_key"),
        ]
        indexes = [models.Index(fields=["kind", "number"])]

    def __str__(self) -> str:
        return f"{self.key} {self.title}"

    @property
    def is_default(self) -> bool:
        return self.municipality_id is None

    @property
    def point_list(self) -> list[str]:
        return split_lines(self.points)

    @property
    def segment(self) -> str:
        return KIND_SEGMENTS[self.kind]

    @property
    def label(self) -> str:
        """Title with the code in front where the code means something to people (V3, SF12)."""
        if self.kind in (Kind.PITFALL, Kind.SUCCESS_FACTOR):
            return f"{self.key} {self.title}"
        return self.title


class KnowledgeLink(models.Model):
    """A practice case points to a pitfall, success factor or role by its key."""

    source = models.ForeignKey(
        KnowledgeItem, on_delete=models.CASCADE, related_name="links", verbose_name=_("praktijkcasus")
    )
    target_key = models.CharField(_("verwijst naar"), max_length=60)
    relation = models.CharField(_("soort verband"), max_length=20, choices=LinkRelation.choices)

    class Meta:
        verbose_name = _("verwijzing")
        verbose_name_plural = _("verwijzingen")
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["source", "target_key"], name="unique_knowledge_link")]

    def __str__(self) -> str:
        return f"{self.source.key} → {self.target_key}"
