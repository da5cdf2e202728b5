"""Setting up and managing a municipality: the one way the installation administrator, the functional
administrator (workspace pages), the configuration file (setup_configuration.py) and the demo
(`seed_demo`) create and change a municipality.

Every change that changes something writes one line in the processing log (who: records.StaffAuditEntry)
and one `ConfigurationChange` (what, from what to what). A call that changes nothing writes nothing, so
applying the same configuration twice leaves no trace the second time.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from burgeridee.accounts.constants import Role
from burgeridee.accounts.models import Membership, User
from burgeridee.accounts.services import StaffCreated, staff_create
from burgeridee.conversations.models import ConversationModel
from burgeridee.conversations.services import conversation_model_choose
from burgeridee.conversations.variants import model_variants
from burgeridee.initiatives.models import Initiative
from burgeridee.municipalities.models import Department, Municipality, Neighbourhood
from burgeridee.municipalities.theme import BY_KEY, colours_from_theme, contrast_problems, theme_from_colours
from burgeridee.records.processing import processing_record
from burgeridee.records.vocabulary import Activity

from .models import ConfigurationChange, Source

PERMISSION = "municipalities.set_up_municipality"

SETTINGS_FIELDS = (
    "name",
    "contact_email",
    "contact_phone",
    "contact_address",
    "website",
    "privacy_officer_email",
    "first_contact_working_days",
)
RETENTION_FIELDS = ("retention_months",)
REGISTER_FIELDS = ("processing_register_url", "processing_register_references")


def can_set_up_municipalities(user) -> bool:
    """The installation administrator: may create municipalities and invite their first administrator."""
    return bool(getattr(user, "is_authenticated", False) and user.is_active and user.has_perm(PERMISSION))


def _record(
    *,
    municipality: Municipality,
    actor,
    activity: Activity,
    summary: str,
    source: str,
    before: dict | None = None,
    after: dict | None = None,
    data_subject=None,
) -> ConfigurationChange:
    entry = processing_record(municipality=municipality, actor=actor, activity=activity, data_subject=data_subject)
    return ConfigurationChange.objects.create(
        municipality=municipality,
        processing=entry,
        created_at=timezone.now(),
        activity=activity.value,
        summary=summary[:500],
        before=before or {},
        after=after or {},
        source=source,
    )


def _update_fields(
    *, municipality: Municipality, values: dict, fields: tuple[str, ...], activity: Activity, actor, source: str
) -> bool:
    municipality = Municipality.objects.select_for_update().get(pk=municipality.pk)
    before = {name: getattr(municipality, name) for name in fields if name in values}
    after = {name: values[name] for name in before}
    changed = {name for name in before if before[name] != after[name]}
    if not changed:
        return False
    for name in changed:
        setattr(municipality, name, after[name])
    municipality.full_clean()
    municipality.save(update_fields=sorted(changed))
    labels = ", ".join(str(Municipality._meta.get_field(name).verbose_name) for name in sorted(changed))
    _record(
        municipality=municipality,
        actor=actor,
        activity=activity,
        summary=_("Gewijzigd: %(fields)s") % {"fields": labels},
        before={name: before[name] for name in sorted(changed)},
        after={name: after[name] for name in sorted(changed)},
        source=source,
    )
    return True


# --- The municipality (installation administrator) --------------------------------------------------


@transaction.atomic
def municipality_create(*, slug: str, name: str, actor=None, source: str = Source.WORKSPACE, **values) -> Municipality:
    """A new municipality. `values` are SETTINGS_FIELDS and RETENTION_FIELDS. ValidationError (with the
    field) when the slug is taken or reserved, or a value is not allowed."""
    allowed = set(SETTINGS_FIELDS) | set(RETENTION_FIELDS) | set(REGISTER_FIELDS)
    municipality = Municipality(slug=slug, name=name, **{key: value for key, value in values.items() if key in allowed})
    municipality.full_clean()
    municipality.save()
    _record(
        municipality=municipality,
        actor=actor,
        activity=Activity.MUNICIPALITY_CREATE,
        summary=_("Gemeente %(name)s aangemaakt (/%(slug)s/)") % {"name": name, "slug": slug},
        after={"slug": slug, "name": name},
        source=source,
    )
    return municipality


@transaction.atomic
def municipality_settings_update(
    *, municipality: Municipality, actor, source: str = Source.WORKSPACE, **values
) -> bool:
    """Name, contact details, the promise in working days and the privacy contact."""
    return _update_fields(
        municipality=municipality,
        values=values,
        fields=SETTINGS_FIELDS,
        activity=Activity.MUNICIPALITY_SETTINGS_CHANGE,
        actor=actor,
        source=source,
    )


@transaction.atomic
def municipality_retention_update(*, municipality: Municipality, retention_months: int, actor, source=Source.WORKSPACE):
    return _update_fields(
        municipality=municipality,
        values={"retention_months": retention_months},
        fields=RETENTION_FIELDS,
        activity=Activity.RETENTION_CHANGE,
        actor=actor,
        source=source,
    )


@transaction.atomic
def municipality_register_update(
    *, municipality: Municipality, url: str, references: dict[str, str], actor, source: str = Source.WORKSPACE
) -> bool:
    """Where the processing log points in the municipality's register of processing activities."""
    references = {key: value.strip() for key, value in references.items() if key in Activity.values and value.strip()}
    return _update_fields(
        municipality=municipality,
        values={"processing_register_url": url.strip(), "processing_register_references": references},
        fields=REGISTER_FIELDS,
        activity=Activity.PROCESSING_REGISTER_CHANGE,
        actor=actor,
        source=source,
    )


# --- The theme ------------------------------------------------------------------------------------------


@transaction.atomic
def municipality_theme_update(
    *, municipality: Municipality, colours: dict[str, str], actor, source: str = Source.WORKSPACE
) -> bool:
    """Set the theme colours (keys of municipalities.theme.THEME_COLOURS, hex values). A pair with too
    little contrast is refused: ValidationError naming the field, the pair and the ratio."""
    unknown = set(colours) - set(BY_KEY)
    if unknown:
        raise ValidationError(_("Onbekende kleur: %(names)s") % {"names": ", ".join(sorted(unknown))})
    try:
        tokens = theme_from_colours(colours)
    except ValueError as error:
        raise ValidationError(
            _("Geen kleur: %(value)s. Gebruik een kleurcode zoals #1f5fa8.") % {"value": error}
        ) from None
    problems = contrast_problems(colours_from_theme(tokens))
    if problems:
        raise ValidationError({problem.foreground: problem.message for problem in problems})
    municipality = Municipality.objects.select_for_update().get(pk=municipality.pk)
    # Tokens that are not colours chosen here (set by a developer before) stay.
    theme = {
        key: value for key, value in (municipality.theme or {}).items() if key not in {c.token for c in BY_KEY.values()}
    }
    theme.update(tokens)
    if theme == municipality.theme:
        return False
    before = municipality.theme
    municipality.theme = theme
    municipality.full_clean()
    municipality.save(update_fields=["theme"])
    _record(
        municipality=municipality,
        actor=actor,
        activity=Activity.THEME_CHANGE,
        summary=_("Kleuren van het thema gewijzigd"),
        before=before,
        after=theme,
        source=source,
    )
    return True


@transaction.atomic
def municipality_image_update(
    *, municipality: Municipality, kind: str, content: bytes, content_type: str, actor, source: str = Source.WORKSPACE
) -> bool:
    """Replace (or with empty content remove) the logo or the favicon (`kind`). The image is checked by the
    caller (forms.ImageUploadField)."""
    if kind not in {"logo", "favicon"}:
        raise ValueError(kind)
    municipality = Municipality.objects.select_for_update().get(pk=municipality.pk)
    if bytes(getattr(municipality, kind) or b"") == content and getattr(municipality, f"{kind}_content_type") == (
        content_type if content else ""
    ):
        return False
    setattr(municipality, kind, content)
    setattr(municipality, f"{kind}_content_type", content_type if content else "")
    municipality.save(update_fields=[kind, f"{kind}_content_type"])
    what = _("Logo") if kind == "logo" else _("Favicon")
    _record(
        municipality=municipality,
        actor=actor,
        activity=Activity.THEME_CHANGE,
        summary=(_("%(what)s vervangen") if content else _("%(what)s verwijderd")) % {"what": what},
        after={"content_type": content_type, "bytes": len(content)} if content else {},
        source=source,
    )
    return True


# --- Neighbourhoods --------------------------------------------------------------------------------------


def _neighbourhood_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError(_("Vul de naam van de wijk in."))
    if len(name) > 120:
        raise ValidationError(_("De naam van een wijk is hoogstens 120 tekens."))
    return name


def _neighbourhood_taken(municipality, name: str, exclude=None) -> bool:
    others = Neighbourhood.objects.filter(municipality=municipality, name__iexact=name)
    if exclude is not None:
        others = others.exclude(pk=exclude.pk)
    return others.exists()


@transaction.atomic
def neighbourhood_add(*, municipality: Municipality, name: str, actor, source: str = Source.WORKSPACE) -> Neighbourhood:
    name = _neighbourhood_name(name)
    if _neighbourhood_taken(municipality, name):
        raise ValidationError(_("De wijk %(name)s bestaat al.") % {"name": name})
    neighbourhood = Neighbourhood.objects.create(municipality=municipality, name=name)
    _record(
        municipality=municipality,
        actor=actor,
        activity=Activity.NEIGHBOURHOODS_CHANGE,
        summary=_("Wijk %(name)s toegevoegd") % {"name": name},
        after={"name": name},
        source=source,
    )
    return neighbourhood


@transaction.atomic
def neighbourhoods_import(
    *, municipality: Municipality, names: list[str], actor, source: str = Source.WORKSPACE
) -> list[Neighbourhood]:
    """Add each name that is not there yet (names already there are skipped, so importing twice adds
    nothing); one audit line for the whole import."""
    existing = {
        name.lower() for name in Neighbourhood.objects.filter(municipality=municipality).values_list("name", flat=True)
    }
    added = []
    for raw in names:
        name = _neighbourhood_name(raw)
        if name.lower() in existing:
            continue
        existing.add(name.lower())
        added.append(Neighbourhood.objects.create(municipality=municipality, name=name))
    if added:
        _record(
            municipality=municipality,
            actor=actor,
            activity=Activity.NEIGHBOURHOODS_CHANGE,
            summary=_("%(count)s wijken ingelezen: %(names)s")
            % {"count": len(added), "names": ", ".join(n.name for n in added)},
            after={"names": [n.name for n in added]},
            source=source,
        )
    return added


@transaction.atomic
def neighbourhood_rename(*, neighbourhood: Neighbourhood, name: str, actor, source: str = Source.WORKSPACE) -> bool:
    name = _neighbourhood_name(name)
    if name == neighbourhood.name:
        return False
    if _neighbourhood_taken(neighbourhood.municipality, name, exclude=neighbourhood):
        raise ValidationError(_("De wijk %(name)s bestaat al.") % {"name": name})
    before = neighbourhood.name
    neighbourhood.name = name
    neighbourhood.save(update_fields=["name"])
    _record(
        municipality=neighbourhood.municipality,
        actor=actor,
        activity=Activity.NEIGHBOURHOODS_CHANGE,
        summary=_("Wijk %(before)s heet nu %(name)s") % {"before": before, "name": name},
        before={"name": before},
        after={"name": name},
        source=source,
    )
    return True


@transaction.atomic
def neighbourhood_remove(*, neighbourhood: Neighbourhood, actor, source: str = Source.WORKSPACE) -> None:
    """Remove a neighbourhood no initiative is in (otherwise ValidationError: rename it instead)."""
    if Initiative.objects.filter(neighbourhood=neighbourhood).exists():
        raise ValidationError(
            _(
                "Er zijn initiatieven in de wijk %(name)s. Geef de wijk een andere naam in plaats van haar "
                "te verwijderen."
            )
            % {"name": neighbourhood.name}
        )
    name = neighbourhood.name
    municipality = neighbourhood.municipality
    neighbourhood.delete()
    _record(
        municipality=municipality,
        actor=actor,
        activity=Activity.NEIGHBOURHOODS_CHANGE,
        summary=_("Wijk %(name)s verwijderd") % {"name": name},
        before={"name": name},
        source=source,
    )


# --- Departments -----------------------------------------------------------------------------------------


@transaction.atomic
def department_save(
    *,
    municipality: Municipality,
    name: str,
    email: str = "",
    support_types: list[str] | None = None,
    answerers: list[Membership] | None = None,
    department: Department | None = None,
    actor,
    source: str = Source.WORKSPACE,
) -> tuple[Department, bool]:
    """Create (`department` None) or change a department, and, when `answerers` is given, who answers its
    hand-overs: those members get the department and the role of a department colleague; members no
    longer chosen lose both. Returns (department, whether anything changed)."""
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError({"name": _("Vul de naam van de afdeling in.")})
    taken = Department.objects.filter(municipality=municipality, name__iexact=name)
    if department is not None:
        taken = taken.exclude(pk=department.pk)
    if taken.exists():
        raise ValidationError({"name": _("De afdeling %(name)s bestaat al.") % {"name": name}})
    creating = department is None
    department = department or Department(municipality=municipality)
    before = {"name": department.name, "email": department.email, "support_types": list(department.support_types)}
    department.name, department.email = name, email or ""
    if support_types is not None:
        department.support_types = list(support_types)
    after = {"name": department.name, "email": department.email, "support_types": list(department.support_types)}
    changed = creating or before != after
    if changed:
        department.full_clean(exclude=["municipality"])
        department.save()
    if answerers is not None:
        chosen = {membership.pk for membership in answerers}
        current = set(Membership.objects.filter(department=department).values_list("pk", flat=True))
        if chosen != current:
            before["answerers"] = sorted(current)
            after["answerers"] = sorted(chosen)
            changed = True
            for membership in Membership.objects.select_for_update().filter(pk__in=current - chosen):
                membership.department = None
                membership.roles = [role for role in membership.roles if role != Role.DEPARTMENT]
                membership.save(update_fields=["department", "roles"])
            for membership in Membership.objects.select_for_update().filter(
                pk__in=chosen - current, municipality=municipality
            ):
                membership.department = department
                if Role.DEPARTMENT not in membership.roles:
                    membership.roles = [*membership.roles, Role.DEPARTMENT]
                membership.save(update_fields=["department", "roles"])
    if changed:
        _record(
            municipality=municipality,
            actor=actor,
            activity=Activity.DEPARTMENTS_CHANGE,
            summary=(_("Afdeling %(name)s aangemaakt") if creating else _("Afdeling %(name)s gewijzigd"))
            % {"name": name},
            before={} if creating else before,
            after=after,
            source=source,
        )
    return department, changed


# --- Staff -----------------------------------------------------------------------------------------------


@transaction.atomic
def staff_invite(
    *,
    municipality: Municipality,
    username: str,
    email: str,
    password: str,
    roles: list[str],
    first_name: str = "",
    last_name: str = "",
    job_title: str = "",
    phone: str = "",
    department: Department | None = None,
    actor,
    source: str = Source.WORKSPACE,
    validate: bool = True,
    send_email: bool = True,
) -> StaffCreated:
    """A new colleague of `municipality`: an account with a starting password (given to them another way)
    and a one-time link, emailed, to set up their authenticator app (accounts.services.staff_create)."""
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": _("Deze gebruikersnaam is al in gebruik. Kies een andere.")})
    if not roles:
        raise ValidationError({"roles": _("Kies minstens één rol.")})
    if department is not None and department.municipality_id != municipality.pk:
        raise ValidationError({"department": _("Kies een afdeling uit de lijst.")})
    created = staff_create(
        username=username,
        email=email,
        password=password,
        municipality=municipality,
        roles=list(dict.fromkeys(roles)),
        first_name=first_name,
        last_name=last_name,
        job_title=job_title,
        phone=phone,
        department=department,
        actor=actor,
        validate=validate,
        send_email=send_email,
    )
    _record(
        municipality=municipality,
        actor=actor,
        activity=Activity.STAFF_INVITE,
        summary=_("%(name)s uitgenodigd als %(roles)s")
        % {"name": created.user.display_name, "roles": ", ".join(str(Role(role).label) for role in roles)},
        after={"username": username, "roles": list(roles), "department": department.name if department else ""},
        data_subject=created.user,
        source=source,
    )
    return created


def _own_lock_out(membership: Membership, actor) -> bool:
    return getattr(actor, "pk", None) == membership.user_id


@transaction.atomic
def staff_update(
    *, membership: Membership, roles: list[str], department: Department | None, actor, source: str = Source.WORKSPACE
) -> bool:
    """Change a colleague's roles and department. An administrator cannot take their own administrator
    role away (nobody would be left to give it back)."""
    roles = [role for role in dict.fromkeys(roles) if role in Role.values]
    if not roles:
        raise ValidationError({"roles": _("Kies minstens één rol.")})
    if _own_lock_out(membership, actor) and membership.has_role(Role.ADMINISTRATOR) and Role.ADMINISTRATOR not in roles:
        raise ValidationError(
            {"roles": _("U kunt uw eigen rol van beheerder niet weghalen. Vraag een andere beheerder.")}
        )
    if department is not None and department.municipality_id != membership.municipality_id:
        raise ValidationError({"department": _("Kies een afdeling uit de lijst.")})
    membership = Membership.objects.select_for_update().select_related("user", "municipality").get(pk=membership.pk)
    before = {
        "roles": list(membership.roles),
        "department": membership.department.name if membership.department else "",
    }
    after = {"roles": roles, "department": department.name if department else ""}
    if before == after:
        return False
    membership.roles, membership.department = roles, department
    membership.save(update_fields=["roles", "department"])
    _record(
        municipality=membership.municipality,
        actor=actor,
        activity=Activity.STAFF_CHANGE,
        summary=_("Rollen of afdeling van %(name)s gewijzigd") % {"name": membership.user.display_name},
        before=before,
        after=after,
        data_subject=membership.user,
        source=source,
    )
    return True


@transaction.atomic
def staff_set_active(*, membership: Membership, active: bool, actor, source: str = Source.WORKSPACE) -> bool:
    """Deactivate a colleague (they can no longer log in when they work for no other municipality; their
    name stays on everything they did) or make them active again."""
    if not active and _own_lock_out(membership, actor):
        raise ValidationError(_("U kunt uzelf niet op non-actief zetten."))
    membership = Membership.objects.select_for_update().select_related("user", "municipality").get(pk=membership.pk)
    user = membership.user
    if membership.is_active == active and (user.is_active or not active):
        return False
    membership.is_active = active
    membership.save(update_fields=["is_active"])
    elsewhere = Membership.objects.filter(user=user, is_active=True).exclude(pk=membership.pk).exists()
    user_active = active or elsewhere
    if user.is_active != user_active:
        user.is_active = user_active
        user.save(update_fields=["is_active"])
    _record(
        municipality=membership.municipality,
        actor=actor,
        activity=Activity.STAFF_DEACTIVATE,
        summary=(_("%(name)s weer actief gemaakt") if active else _("%(name)s op non-actief gezet"))
        % {"name": user.display_name},
        before={"active": not active},
        after={"active": active},
        data_subject=user,
        source=source,
    )
    return True


# --- The conversation model --------------------------------------------------------------------------------


@transaction.atomic
def conversation_model_set_current(
    *, municipality: Municipality, model: ConversationModel, actor, source: str = Source.WORKSPACE
) -> bool:
    """Which published version of the conversation model new conversations use."""
    if model.municipality_id != municipality.pk:
        raise ValidationError(_("Kies een versie uit de lijst."))
    if not conversation_model_choose(model=model):
        return False
    if model.variant:
        label = model_variants[model.variant].label if model.variant in model_variants else model.variant
        summary = _("Versie %(version)s van het gespreksmodel (%(variant)s) is nu de huidige") % {
            "version": model.version,
            "variant": label,
        }
        after = {"version": model.version, "variant": model.variant}
    else:
        summary = _("Versie %(version)s van het gespreksmodel is nu de huidige") % {"version": model.version}
        after = {"version": model.version}
    _record(
        municipality=municipality,
        actor=actor,
        activity=Activity.CONVERSATION_MODEL_CHOOSE,
        summary=summary,
        after=after,
        source=source,
    )
    return True


# --- The whole configuration at once (configuration file, demo) -----------------------------------------


@dataclass
class ConfigurationResult:
    municipality: Municipality
    created: bool
    changes: int


@transaction.atomic
def municipality_configure(*, config: dict, actor=None, source: str = Source.CONFIGURATION_FILE) -> ConfigurationResult:
    """Create or bring up to date one municipality from a plain description (the configuration file's
    shape, see setup_configuration.py): its settings, theme colours, neighbourhoods and departments.
    Declarative and idempotent: what is already so is left alone, so a second run changes nothing.
    Neighbourhoods and departments not in `config` are kept (removing is a person's decision).
    """
    before = ConfigurationChange.objects.count()
    settings_values = {key: config[key] for key in (*SETTINGS_FIELDS, *RETENTION_FIELDS) if key in config}
    municipality = Municipality.objects.filter(slug=config["slug"]).first()
    created = municipality is None
    if created:
        municipality = municipality_create(slug=config["slug"], actor=actor, source=source, **settings_values)
    else:
        municipality_settings_update(municipality=municipality, actor=actor, source=source, **settings_values)
        if "retention_months" in config:
            municipality_retention_update(
                municipality=municipality, retention_months=config["retention_months"], actor=actor, source=source
            )
    if "processing_register_url" in config or "processing_register_references" in config:
        municipality_register_update(
            municipality=municipality,
            url=config.get("processing_register_url", ""),
            references=config.get("processing_register_references") or {},
            actor=actor,
            source=source,
        )
    if config.get("theme"):
        municipality_theme_update(municipality=municipality, colours=config["theme"], actor=actor, source=source)
    if config.get("neighbourhoods"):
        neighbourhoods_import(municipality=municipality, names=config["neighbourhoods"], actor=actor, source=source)
    for row in config.get("departments") or ():
        existing = Department.objects.filter(municipality=municipality, name__iexact=row["name"]).first()
        department_save(
            municipality=municipality,
            department=existing,
            name=row["name"],
            email=row.get("email", existing.email if existing else ""),
            support_types=row.get("support_types"),
            actor=actor,
            source=source,
        )
    municipality.refresh_from_db()
    return ConfigurationResult(municipality, created, ConfigurationChange.objects.count() - before)
