"""Setting up a municipality in the product itself.

- /werkplek/installatie/: the installation administrator (permission municipalities.set_up_municipality)
  creates a municipality and invites its first functional administrator.
- /werkplek/<gemeente>/beheer/: the municipality's functional administrator (role beheerder) manages its
  details, theme, neighbourhoods, departments, staff, conversation model version, retention period and
  processing-register references, and sees every change.

Views validate with forms and write through services.py; bad input keeps everything typed, a database
that refuses the save says so (503) and keeps it too.
"""

import logging
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from burgeridee.accounts.constants import Role
from burgeridee.accounts.decorators import staff_login_required, staff_view
from burgeridee.accounts.models import Membership
from burgeridee.accounts.services import second_factor_reset
from burgeridee.conversations.constants import ModelStatus
from burgeridee.conversations.models import ConversationModel
from burgeridee.conversations.services import conversation_model_ensure_default
from burgeridee.conversations.variants import model_variants, variant_choices, variant_requested
from burgeridee.municipalities.models import Department, Municipality, Neighbourhood
from burgeridee.municipalities.theme import THEME_COLOURS, colours_from_theme

from . import csv_import, selectors, services
from .forms import (
    ActionForm,
    ConversationModelChoiceForm,
    DepartmentForm,
    MunicipalityForm,
    MunicipalitySettingsForm,
    NeighbourhoodForm,
    NeighbourhoodImportForm,
    RegisterForm,
    RetentionForm,
    StaffEditForm,
    StaffInviteForm,
    ThemeForm,
)

logger = logging.getLogger(__name__)

ADMIN = (Role.ADMINISTRATOR,)
# The staff pages are the one place to reset a colleague's second factor (lost phone), which coordinators
# may do too; inviting, roles and deactivating stay the administrator's.
STAFF_PAGE_ROLES = (Role.ADMINISTRATOR, Role.COORDINATOR)
SAVE_FAILED = gettext_lazy(
    "Het opslaan is niet gelukt, omdat de database niet bereikbaar is. Wat u invulde staat er nog. "
    "Probeer het over een paar minuten opnieuw."
)


def _attempt(form, call):
    """Run a service call; its ValidationError goes onto the form, a database failure too (status 503).
    Returns (ok, result, status)."""
    try:
        return True, call(), 200
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, error)
        return False, None, 400
    except DatabaseError:
        logger.exception("A set-up change could not be saved")
        form.add_error(None, SAVE_FAILED)
        return False, None, 503


def _nothing_or(saved):
    """The message after a save: `saved` when something changed, otherwise that nothing had changed."""
    return lambda changed: saved if changed else _("Er was niets veranderd.")


def _save(request, form, call, *, success, then):
    """The shared POST of a set-up page: validate the form, save through `call()`, and on success show
    `success(result)` and redirect to `then` (a URL, or a function of the result). Returns (response, status):
    no response means the page is shown again with that status (200 GET, 400 bad input, 503 database)."""
    if request.method != "POST":
        return None, 200
    if not form.is_valid():
        return None, 400
    ok, result, status = _attempt(form, call)
    if not ok:
        return None, status
    messages.success(request, success(result))
    return redirect(then(result) if callable(then) else then), status


def _form_page(request, *, title, form, submit, intro="", back=None, status=200, extra=None, multipart=False):
    context = {
        "title": title,
        "form": form,
        "submit": submit,
        "intro": intro,
        "back": back,
        "multipart": multipart,
    }
    return render(request, "administration/form.html", context | (extra or {}), status=status)


def _beheer(municipality, name="overview", **kwargs):
    return reverse(f"administration:{name}", kwargs={"municipality_slug": municipality.slug, **kwargs})


# --- The installation administrator ----------------------------------------------------------------------


def installation_view(view):
    @wraps(view)
    @staff_login_required
    def wrapper(request, *args, **kwargs):
        if not services.can_set_up_municipalities(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@never_cache
@require_GET
@installation_view
def installation_home(request):
    return render(
        request, "administration/installation.html", {"municipalities": selectors.municipality_list_for_installation()}
    )


@never_cache
@require_http_methods(["GET", "POST"])
@installation_view
def installation_municipality_new(request):
    form = MunicipalityForm(request.POST or None)
    done, status = _save(
        request,
        form,
        lambda: services.municipality_create(actor=request.user, **form.cleaned_data),
        success=lambda created: _("%(name)s is aangemaakt. Nodig nu de eerste beheerder uit.") % {"name": created.name},
        then=lambda created: reverse("administration:installation_invite", kwargs={"municipality_slug": created.slug}),
    )
    if done:
        return done
    return _form_page(
        request,
        title=_("Nieuwe gemeente"),
        intro=_(
            "Vul de gegevens in die bewoners op de website zien. De beheerder van de gemeente kan ze later "
            "aanpassen; alleen de korte naam blijft."
        ),
        form=form,
        submit=_("Gemeente aanmaken"),
        back=(reverse("administration:installation"), _("Terug naar alle gemeenten")),
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
@installation_view
def installation_invite(request, municipality_slug):
    municipality = get_object_or_404(Municipality, slug=municipality_slug)
    return _invite(
        request,
        municipality=municipality,
        roles_fixed=[Role.ADMINISTRATOR],
        title=_("Eerste beheerder van %(name)s uitnodigen") % {"name": municipality.name},
        back=(reverse("administration:installation"), _("Terug naar alle gemeenten")),
    )


def _invite(request, *, municipality, title, back, roles_fixed=None):
    form = StaffInviteForm(request.POST or None, municipality=municipality, roles_fixed=roles_fixed)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            ok, created, status = _attempt(
                form,
                lambda: services.staff_invite(
                    municipality=municipality,
                    username=data["username"],
                    email=data["email"],
                    password=data["password"],
                    first_name=data["first_name"],
                    last_name=data["last_name"],
                    job_title=data["job_title"],
                    roles=roles_fixed or data["roles"],
                    department=data.get("department"),
                    actor=request.user,
                ),
            )
            if ok:
                return render(
                    request,
                    "administration/invited.html",
                    {
                        "person": created.user,
                        "url": created.enrolment.url,
                        "link": created.enrolment.link,
                        "back": back,
                    },
                )
    return _form_page(
        request,
        title=title,
        intro=_(
            "Uw collega krijgt een e-mail met een persoonlijke link. Met het startwachtwoord en die link stelt "
            "hij of zij de tweede stap in (een app met codes) en kan dan aan de slag."
        ),
        form=form,
        submit=_("Uitnodigen"),
        back=back,
        status=status,
    )


# --- The functional administrator: overview and the municipality's details ------------------------------


@never_cache
@require_GET
@staff_view(roles=ADMIN)
def overview(request, municipality):
    return render(
        request, "administration/overview.html", {"changes": selectors.change_list(municipality=municipality)[:5]}
    )


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=ADMIN)
def settings_page(request, municipality):
    form = MunicipalitySettingsForm(request.POST or None, instance=Municipality.objects.get(pk=municipality.pk))
    done, status = _save(
        request,
        form,
        lambda: services.municipality_settings_update(
            municipality=municipality, actor=request.user, **form.cleaned_data
        ),
        success=_nothing_or(_("De gegevens zijn opgeslagen.")),
        then=_beheer(municipality, "settings"),
    )
    if done:
        return done
    return _form_page(
        request,
        title=_("Gegevens van de gemeente"),
        intro=_(
            "Bewoners zien deze gegevens op de website en in e-mails. De belofte is binnen hoeveel werkdagen "
            "een contactpersoon contact opneemt."
        ),
        form=form,
        submit=_("Opslaan"),
        back=(_beheer(municipality), _("Terug naar inrichting")),
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=ADMIN)
def theme(request, municipality):
    current = Municipality.objects.get(pk=municipality.pk)
    form = ThemeForm(request.POST or None, request.FILES or None, initial=colours_from_theme(current.theme))

    def save():
        data = form.cleaned_data
        changed = services.municipality_theme_update(
            municipality=municipality, colours=form.colours(), actor=request.user
        )
        for kind in ("logo", "favicon"):
            upload = data.get(kind)
            if upload:
                upload.seek(0)
                changed |= services.municipality_image_update(
                    municipality=municipality,
                    kind=kind,
                    content=upload.read(),
                    content_type=upload.content_type,
                    actor=request.user,
                )
            elif data.get(f"remove_{kind}"):
                changed |= services.municipality_image_update(
                    municipality=municipality, kind=kind, content=b"", content_type="", actor=request.user
                )
        return changed

    done, status = _save(
        request, form, save, success=_nothing_or(_("Het thema is opgeslagen.")), then=_beheer(municipality, "theme")
    )
    if done:
        return done
    return render(
        request,
        "administration/theme.html",
        {"form": form, "current": current, "colours": THEME_COLOURS},
        status=status,
    )


# --- Neighbourhoods --------------------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=ADMIN)
def neighbourhoods(request, municipality):
    action = request.POST.get("action", "") if request.method == "POST" else ""
    add_form = NeighbourhoodForm(request.POST if action == "add" else None, prefix="add")
    import_form = NeighbourhoodImportForm(
        request.POST if action in {"preview", "import"} else None,
        request.FILES if action in {"preview", "import"} else None,
        prefix="import",
    )
    preview = None
    status = 200
    if action == "add":
        status = 400
        if add_form.is_valid():
            ok, added, status = _attempt(
                add_form,
                lambda: services.neighbourhood_add(
                    municipality=municipality, name=add_form.cleaned_data["name"], actor=request.user
                ),
            )
            if ok:
                messages.success(request, _("De wijk %(name)s is toegevoegd.") % {"name": added.name})
                return redirect(_beheer(municipality, "neighbourhoods"))
    elif action in {"preview", "import"}:
        status = 400
        if import_form.is_valid():
            upload = import_form.cleaned_data.get("upload")
            text = csv_import.decode(upload.read()) if upload else import_form.cleaned_data["text"]
            # What was read stays in the text box, so a wrong line is fixed there, nothing lost.
            if upload:
                import_form = NeighbourhoodImportForm({"import-text": text}, prefix="import")
                import_form.is_valid()
            existing = {name.lower() for name in selectors.neighbourhood_names(municipality=municipality)}
            preview = csv_import.parse(text, existing=existing)
            errors = [line for line in preview if line.verdict == csv_import.ERROR]
            new = [line.name for line in preview if line.verdict == csv_import.NEW]
            if not preview:
                import_form.add_error(
                    "text", _("Er staan geen wijken in. Kies een bestand of typ de namen, één per regel.")
                )
            elif action == "import" and not errors and not upload:
                ok, added, status = _attempt(
                    import_form,
                    lambda: services.neighbourhoods_import(municipality=municipality, names=new, actor=request.user),
                )
                if ok:
                    messages.success(request, _("%(count)s wijken ingelezen.") % {"count": len(added)})
                    return redirect(_beheer(municipality, "neighbourhoods"))
            else:
                status = 400 if errors else 200
    return render(
        request,
        "administration/neighbourhoods.html",
        {
            "neighbourhoods": selectors.neighbourhood_list(municipality=municipality),
            "add_form": add_form,
            "import_form": import_form,
            "preview": preview,
            "preview_errors": [line for line in preview or () if line.verdict == csv_import.ERROR],
            "preview_new": [line for line in preview or () if line.verdict == csv_import.NEW],
        },
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=ADMIN)
def neighbourhood(request, municipality, pk):
    item = get_object_or_404(Neighbourhood, municipality=municipality, pk=pk)
    form = NeighbourhoodForm(request.POST or None, initial={"name": item.name})
    action_form = None
    status = 200
    if request.method == "POST":
        status = 400
        if request.POST.get("action") == "remove":
            form = NeighbourhoodForm(initial={"name": item.name})
            action_form = ActionForm()
            ok, _result, status = _attempt(
                action_form, lambda: services.neighbourhood_remove(neighbourhood=item, actor=request.user)
            )
            if ok:
                messages.success(request, _("De wijk %(name)s is verwijderd.") % {"name": item.name})
                return redirect(_beheer(municipality, "neighbourhoods"))
        elif form.is_valid():
            ok, _result, status = _attempt(
                form,
                lambda: services.neighbourhood_rename(
                    neighbourhood=item, name=form.cleaned_data["name"], actor=request.user
                ),
            )
            if ok:
                messages.success(request, _("De wijk is opgeslagen."))
                return redirect(_beheer(municipality, "neighbourhoods"))
    return render(
        request,
        "administration/neighbourhood.html",
        {"item": item, "form": form, "action_form": action_form},
        status=status,
    )


# --- Departments -----------------------------------------------------------------------------------------


@never_cache
@require_GET
@staff_view(roles=ADMIN)
def departments(request, municipality):
    return render(
        request,
        "administration/departments.html",
        {"departments": selectors.department_list(municipality=municipality)},
    )


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=ADMIN)
def department(request, municipality, pk=None):
    item = get_object_or_404(Department, municipality=municipality, pk=pk) if pk else None
    initial = (
        {
            "name": item.name,
            "email": item.email,
            "support_types": item.support_types,
            "answerers": list(Membership.objects.filter(department=item, is_active=True)),
        }
        if item
        else {}
    )
    form = DepartmentForm(request.POST or None, municipality=municipality, initial=initial)
    done, status = _save(
        request,
        form,
        lambda: services.department_save(
            municipality=municipality,
            department=item,
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            support_types=form.cleaned_data["support_types"],
            answerers=list(form.cleaned_data["answerers"]),
            actor=request.user,
        ),
        success=lambda result: _("De afdeling %(name)s is opgeslagen.") % {"name": result[0].name},
        then=_beheer(municipality, "departments"),
    )
    if done:
        return done
    return _form_page(
        request,
        title=item.name if item else _("Nieuwe afdeling"),
        intro=_(
            "Contactpersonen stellen een afdeling vragen over een initiatief (een warme overdracht). Kies wie "
            "die vragen beantwoordt."
        ),
        form=form,
        submit=_("Opslaan"),
        back=(_beheer(municipality, "departments"), _("Terug naar afdelingen")),
        status=status,
    )


# --- Staff -----------------------------------------------------------------------------------------------


@never_cache
@require_GET
@staff_view(roles=STAFF_PAGE_ROLES)
def staff(request, municipality):
    """The municipality's staff: roles, department, and whether each has set up their second factor."""
    return render(
        request,
        "administration/staff.html",
        {
            "members": selectors.staff_list(municipality=municipality),
            "is_administrator": request.membership.has_role(Role.ADMINISTRATOR),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=ADMIN)
def staff_invite(request, municipality):
    return _invite(
        request,
        municipality=municipality,
        title=_("Collega uitnodigen"),
        back=(_beheer(municipality, "staff"), _("Terug naar medewerkers")),
    )


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=STAFF_PAGE_ROLES)
def staff_member(request, municipality, pk):
    """One colleague. The administrator changes roles and department and (de)activates; administrator and
    coordinator reset the second factor (never their own: a stolen session could swap in the thief's app)."""
    member = get_object_or_404(
        Membership.objects.select_related("user", "department"), municipality=municipality, pk=pk
    )
    is_administrator = request.membership.has_role(Role.ADMINISTRATOR)
    own = member.user_id == request.user.pk
    action = request.POST.get("action", "save") if request.method == "POST" else ""
    if action and action != "second_factor_reset" and not is_administrator:
        raise PermissionDenied
    if action == "second_factor_reset":
        if own or not member.is_active:
            raise PermissionDenied
        return _second_factor_reset(request, municipality=municipality, member=member)
    form = StaffEditForm(
        request.POST if action == "save" else None,
        municipality=municipality,
        initial={"roles": member.roles, "department": member.department},
    )
    status = 200
    action_form = None
    if action in {"deactivate", "activate"}:
        action_form = ActionForm()
        ok, _result, status = _attempt(
            action_form,
            lambda: services.staff_set_active(membership=member, active=action == "activate", actor=request.user),
        )
        if ok:
            done = _("%(name)s is weer actief.") if action == "activate" else _("%(name)s is op non-actief gezet.")
            messages.success(request, done % {"name": member.user.display_name})
            return redirect(_beheer(municipality, "staff"))
    elif action == "save":
        status = 400
        if form.is_valid():
            ok, changed, status = _attempt(
                form,
                lambda: services.staff_update(
                    membership=member,
                    roles=form.cleaned_data["roles"],
                    department=form.cleaned_data["department"],
                    actor=request.user,
                ),
            )
            if ok:
                messages.success(request, _("Opgeslagen.") if changed else _("Er was niets veranderd."))
                return redirect(_beheer(municipality, "staff"))
    return _staff_member_page(request, member=member, form=form, action_form=action_form, status=status)


def _staff_member_page(request, *, member, form, action_form=None, status=200):
    context = {
        "member": member,
        "form": form,
        "action_form": action_form,
        "own": member.user_id == request.user.pk,
        "is_administrator": request.membership.has_role(Role.ADMINISTRATOR),
        "has_app": selectors.staff_has_app(membership=member),
    }
    return render(request, "administration/staff_member.html", context, status=status)


def _second_factor_reset(request, *, municipality, member):
    """Remove the colleague's authenticator apps and issue a new set-up link (accounts' service: its audit and
    signal). The link is emailed and shown here once, unless the colleague also works for another
    municipality: then the link would open that municipality's data too, so only their mailbox gets it."""
    action_form = ActionForm()
    ok, issued, status = _attempt(
        action_form,
        lambda: second_factor_reset(user=member.user, actor=request.user, municipality=municipality),
    )
    if not ok:
        form = StaffEditForm(
            municipality=municipality, initial={"roles": member.roles, "department": member.department}
        )
        return _staff_member_page(request, member=member, form=form, action_form=action_form, status=status)
    elsewhere = member.user.memberships.filter(is_active=True).exclude(municipality=municipality).exists()
    shown = None if elsewhere and member.user.email else issued.url
    return render(
        request,
        "administration/second_factor_link.html",
        {"member": member, "person": member.user, "url": shown, "link": issued.link, "elsewhere": elsewhere},
    )


# --- Conversation model, retention, register, changes --------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=ADMIN)
def conversation_model(request, municipality):
    """Which published version new first conversations use, per variant of the model ("" the ordinary one; e.g.
    the right to challenge's, conversations/variants.py), chosen with `?variant=` or a hidden field."""
    variant = variant_requested(request)
    current = conversation_model_ensure_default(municipality=municipality, variant=variant)
    versions = ConversationModel.objects.filter(
        municipality=municipality, variant=variant, status=ModelStatus.PUBLISHED
    ).order_by("-version")
    form = ConversationModelChoiceForm(request.POST or None, versions=versions, initial={"model": current})
    done, status = _save(
        request,
        form,
        lambda: services.conversation_model_set_current(
            municipality=municipality, model=form.cleaned_data["model"], actor=request.user
        ),
        success=_nothing_or(_("Nieuwe gesprekken gebruiken nu deze versie.")),
        then=_beheer(municipality, "conversation_model") + (f"?variant={variant}" if variant else ""),
    )
    if done:
        return done
    return render(
        request,
        "administration/conversation_model.html",
        {
            "form": form,
            "current": current,
            "variant": variant,
            "variant_label": model_variants[variant].label if variant else "",
            "variants": variant_choices(),
        },
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=ADMIN)
def retention(request, municipality):
    current = Municipality.objects.get(pk=municipality.pk)
    form = RetentionForm(request.POST or None, initial={"retention_months": current.retention_months})
    done, status = _save(
        request,
        form,
        lambda: services.municipality_retention_update(
            municipality=municipality, retention_months=form.cleaned_data["retention_months"], actor=request.user
        ),
        success=_nothing_or(_("De bewaartermijn is opgeslagen.")),
        then=_beheer(municipality, "retention"),
    )
    if done:
        return done
    return render(
        request,
        "administration/retention.html",
        {"form": form, "periods": selectors.installation_periods()},
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=ADMIN)
def register(request, municipality):
    current = Municipality.objects.get(pk=municipality.pk)
    initial = {"url": current.processing_register_url} | {
        f"ref_{key}": value for key, value in (current.processing_register_references or {}).items()
    }
    form = RegisterForm(request.POST or None, initial=initial)
    done, status = _save(
        request,
        form,
        lambda: services.municipality_register_update(
            municipality=municipality, url=form.cleaned_data["url"], references=form.references(), actor=request.user
        ),
        success=_nothing_or(_("De verwijzingen zijn opgeslagen.")),
        then=_beheer(municipality, "register"),
    )
    if done:
        return done
    return render(request, "administration/register.html", {"form": form}, status=status)


@never_cache
@require_GET
@staff_view(roles=ADMIN)
def changes(request, municipality):
    return render(
        request, "administration/changes.html", {"changes": selectors.change_list(municipality=municipality)[:200]}
    )
