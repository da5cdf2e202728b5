"""How the inbox is drawn (issue #18): the rows by Jinja2 (workspace/rows.py) give the HTML the Django template
gave, show each change at once, and the filter controls from the fragment cache are never stale and never
another municipality's, user's or language's."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.template import engines
from django.utils import timezone, translation

from burgeridee.accounts.constants import Role
from burgeridee.accounts.tests.factories import StaffFactory
from burgeridee.core.templatetags.cached_fields import field_key
from burgeridee.initiatives import services
from burgeridee.initiatives.constants import Phase
from burgeridee.initiatives.deadlines import deadlines_refresh
from burgeridee.initiatives.models import Initiative, SupportRequest
from burgeridee.initiatives.selectors import overdue_reasons
from burgeridee.municipalities.tests.factories import NeighbourhoodFactory
from burgeridee.workspace import selectors
from burgeridee.workspace.forms import InboxFilterForm
from burgeridee.workspace.rows import inbox_rows

pytestmark = pytest.mark.django_db

# The rows as the Django template drew them before Jinja2 took over (0.1.0, workspace/inbox.html); only the
# overdue_reasons filter is read from an attribute here.
DJANGO_ROWS = """
    {% for initiative in initiatives %}
      <tr class="utrecht-table__row{% if initiative.is_overdue %} bi-inbox__row--overdue{% endif %}" data-initiative="{{ initiative.pk }}">
        <th scope="row" class="utrecht-table__header-cell bi-inbox__title">
          <a class="utrecht-link" href="{% url 'initiatives:staff_initiative' municipality.slug initiative.pk %}">{{ initiative.title }}</a>
          <span class="bi-inbox__meta">{{ initiative.reference }} · {{ initiative.submitted_at|date:"j F Y" }} · {{ initiative.get_channel_display }}</span>
          {% if initiative.unread_messages %}<span class="utrecht-status-badge utrecht-status-badge--warning">{% blocktranslate count n=initiative.unread_messages %}{{ n }} nieuw bericht{% plural %}{{ n }} nieuwe berichten{% endblocktranslate %}</span>{% endif %}
          {% if initiative.report_disputed %}<a class="utrecht-link bi-inbox__marker" href="{% url 'conversations:report' municipality.slug initiative.pk %}"><span class="utrecht-status-badge utrecht-status-badge--warning">{% translate "Verslag betwist" %}</span></a>{% endif %}
          {% if initiative.is_overdue %}{% for reason in initiative.reasons %}<span class="utrecht-status-badge utrecht-status-badge--danger bi-inbox__reason">{{ reason }}</span>{% endfor %}{% endif %}
        </th>
        <td class="utrecht-table__cell">{{ initiative.neighbourhood.name|default:"—" }}</td>
        <td class="utrecht-table__cell">{{ initiative.get_phase_display }}</td>
        <td class="utrecht-table__cell">{% for request in initiative.support_requests.all %}{{ request.get_support_type_display }}{% if not forloop.last %}; {% endif %}{% empty %}—{% endfor %}</td>
        <td class="utrecht-table__cell">{% if initiative.contact_person %}{{ initiative.contact_person.display_name }}{% else %}<em>{% translate "Nog niemand" %}</em>{% endif %}</td>
        <td class="utrecht-table__cell">
          {% if initiative.first_contact_at %}
            {% translate "Gehad op" %} {{ initiative.first_contact_at|date:"j F Y" }}
          {% else %}
            {% translate "Uiterlijk" %} {{ initiative.first_contact_due|date:"j F Y" }}
            {% if initiative.is_overdue %}<br><span class="utrecht-status-badge utrecht-status-badge--danger">{% translate "Te laat" %}</span>{% endif %}
          {% endif %}
        </td>
      </tr>
    {% endfor %}
"""  # noqa: E501


def inbox(client, municipality, **params) -> str:
    return client.get(f"/werkplek/{municipality.slug}/", params).content.decode()


def row_of(content: str, initiative) -> str:
    start = content.rindex("<tr", 0, content.index(f'data-initiative="{initiative.pk}"'))
    return content[start : content.index("</tr>", start)]


def page_objects(municipality, user) -> list[Initiative]:
    filters = selectors.InboxFilters(tab="alle")
    return selectors.inbox_page(municipality=municipality, user=user, filters=filters).object_list


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_rows_are_the_html_the_django_template_gave(municipality, coordinator, submit_idea, language):
    """Every branch of a row: markup in a title, no neighbourhood, no and several kinds of help, a contact person
    or nobody, first contact made or due, late with its reasons, unread messages, a disputed report."""
    tricky, _ = submit_idea(municipality, title='<b>"Tom\'s" bankje</b> & co', support_types=[])
    late, _ = submit_idea(
        municipality, title="Wacht te lang", now=timezone.now() - timedelta(days=20), support_types=["geld", "advies"]
    )
    called, _ = submit_idea(municipality, title="Gebeld")
    services.initiative_first_contact_made(initiative=called, actor=coordinator)
    Initiative.objects.filter(pk=tricky.pk).update(neighbourhood=None, contact_person=coordinator)
    services.message_from_resident(initiative=late, body="Hallo?")
    objects = page_objects(municipality, coordinator)
    by_pk = {initiative.pk: initiative for initiative in objects}
    by_pk[called.pk].report_disputed = True
    by_pk[called.pk].unread_messages = 3
    for initiative in objects:
        initiative.reasons = overdue_reasons(initiative)
    assert by_pk[late.pk].is_overdue and by_pk[late.pk].reasons and by_pk[late.pk].unread_messages == 1
    assert SupportRequest.objects.filter(initiative=late).count() == 2

    with translation.override(language):
        expected = (
            engines["django"]
            .from_string(DJANGO_ROWS)
            .render({"initiatives": objects, "municipality": municipality})
            .removeprefix("\n    ")  # the page's indentation before the rows
            .removesuffix("\n")
        )
        drawn = inbox_rows(objects, municipality=municipality)
    assert drawn == expected
    assert "&lt;b&gt;&quot;Tom&#x27;s&quot; bankje&lt;/b&gt; &amp; co" in drawn
    assert "bi-inbox__marker" in drawn and "bi-inbox__reason" in drawn


def test_a_row_shows_each_change_at_once(coordinator_client, municipality, submit_idea):
    """Phase, contact person, an unread message and being late: the next visit shows the new state."""
    initiative, _ = submit_idea(municipality, title="Speeltuin")
    before = row_of(inbox(coordinator_client, municipality, tab="alle"), initiative)
    assert "Nog niemand" in before and "nieuw bericht" not in before and "bi-inbox__row--overdue" not in before

    karin = StaffFactory(municipality=municipality, roles=[Role.CONTACT], first_name="Karin", last_name="de Vries")
    services.initiative_assign_contact(initiative=initiative, contact=karin, actor=coordinator_client.user)
    assert "Karin de Vries" in row_of(inbox(coordinator_client, municipality, tab="alle"), initiative)

    services.message_from_resident(initiative=initiative, body="Wanneer hoor ik iets?")
    assert "1 nieuw bericht" in row_of(inbox(coordinator_client, municipality, tab="alle"), initiative)

    Initiative.objects.filter(pk=initiative.pk).update(first_contact_due=timezone.localdate() - timedelta(days=1))
    deadlines_refresh(initiative_ids=[initiative.pk])  # a queryset update sends no signal; services save
    late = row_of(inbox(coordinator_client, municipality, tab="alle"), initiative)
    assert "bi-inbox__row--overdue" in late and "Eerste contact te laat" in late

    Initiative.objects.filter(pk=initiative.pk).update(phase=Phase.STOPPED)
    stopped = row_of(inbox(coordinator_client, municipality, tab="alle"), initiative)
    assert str(Phase.STOPPED.label) in stopped and "bi-inbox__row--overdue" not in stopped


def test_rows_follow_the_interface_language(coordinator_client, municipality, submit_idea):
    initiative, _ = submit_idea(municipality, title="Speeltuin")
    assert "Nog niemand" in row_of(inbox(coordinator_client, municipality, tab="alle"), initiative)
    coordinator_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = row_of(inbox(coordinator_client, municipality, tab="alle"), initiative)
    assert "Nobody yet" in english and "No later than" in english
    coordinator_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    assert "Uiterlijk" in row_of(inbox(coordinator_client, municipality, tab="alle"), initiative)


def contact_options(content: str) -> str:
    start = content.index('<select name="contact_person"')
    return content[start : content.index("</select>", start)]


def neighbourhood_options(content: str) -> str:
    start = content.index('<select name="neighbourhood"')
    return content[start : content.index("</select>", start)]


def test_the_contact_list_follows_a_renamed_colleague(coordinator_client, municipality):
    karin = StaffFactory(municipality=municipality, roles=[Role.CONTACT], first_name="Karin", last_name="Jansen")
    assert "Karin Jansen" in contact_options(inbox(coordinator_client, municipality))
    karin.last_name = "de Vries"
    karin.save()
    options = contact_options(inbox(coordinator_client, municipality))
    assert "Karin de Vries" in options and "Karin Jansen" not in options


def test_the_contact_list_follows_who_has_the_role(coordinator_client, municipality):
    assert "Joost Nieuw" not in contact_options(inbox(coordinator_client, municipality))
    StaffFactory(municipality=municipality, roles=[Role.CONTACT], first_name="Joost", last_name="Nieuw")
    assert "Joost Nieuw" in contact_options(inbox(coordinator_client, municipality))


def test_the_neighbourhood_list_follows_a_new_and_a_renamed_neighbourhood(coordinator_client, municipality):
    assert "Westwijk" not in neighbourhood_options(inbox(coordinator_client, municipality))
    west = NeighbourhoodFactory(municipality=municipality, name="Westwijk")
    assert "Westwijk" in neighbourhood_options(inbox(coordinator_client, municipality))
    west.name = "Westerkwartier"
    west.save()
    options = neighbourhood_options(inbox(coordinator_client, municipality))
    assert "Westerkwartier" in options and "Westwijk" not in options


def test_filter_controls_never_show_another_municipalitys_options(
    municipality, other_municipality, staff_client_factory
):
    here = staff_client_factory(municipality, Role.COORDINATOR)
    there = staff_client_factory(other_municipality, Role.COORDINATOR)
    StaffFactory(municipality=municipality, roles=[Role.CONTACT], first_name="Karin", last_name="Hier")
    StaffFactory(municipality=other_municipality, roles=[Role.CONTACT], first_name="Piet", last_name="Daar")
    for _ in range(2):  # the second round draws from the cache
        mine, theirs = inbox(here, municipality), inbox(there, other_municipality)
        assert "Karin Hier" in contact_options(mine) and "Piet Daar" not in contact_options(mine)
        assert "Piet Daar" in contact_options(theirs) and "Karin Hier" not in contact_options(theirs)
        assert "Dorp" not in neighbourhood_options(mine) and "Centrum" not in neighbourhood_options(theirs)


def test_filter_controls_show_each_users_own_choice_and_errors(coordinator_client, contact_client, municipality):
    karin = StaffFactory(municipality=municipality, roles=[Role.CONTACT], first_name="Karin", last_name="Hier")
    chosen = inbox(coordinator_client, municipality, contact_person=karin.pk, phase=Phase.EXPLORING)
    assert f'<option value="{karin.pk}" selected>' in chosen
    assert f'<option value="{Phase.EXPLORING}" selected>' in chosen
    other = inbox(contact_client, municipality, phase=Phase.IDEA)
    assert f'<option value="{karin.pk}" selected>' not in other
    assert f'<option value="{Phase.EXPLORING}" selected>' not in other
    assert f'<option value="{Phase.IDEA}" selected>' in other
    wrong = inbox(contact_client, municipality, contact_person="abc")
    assert 'id="id_contact_person_error"' in wrong and 'aria-invalid="true"' in wrong
    assert 'id="id_contact_person_error"' not in inbox(contact_client, municipality)


def test_filter_controls_follow_the_interface_language(coordinator_client, municipality):
    assert ">Fase</label>" in inbox(coordinator_client, municipality)
    coordinator_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = inbox(coordinator_client, municipality)
    assert ">Phase</label>" in english and ">Fase</label>" not in english
    coordinator_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    assert ">Fase</label>" in inbox(coordinator_client, municipality)


def test_the_fragment_key_holds_everything_a_control_shows(municipality, coordinator):
    def key(language="nl", data=None, contacts=(coordinator,), name="contact_person"):
        with translation.override(language):
            form = InboxFilterForm(data, neighbourhoods=municipality.neighbourhoods.all(), contacts=contacts)
            form.is_valid()
            return field_key(form[name])

    assert key() == key()
    assert key(language="en") != key()
    assert key(data={"contact_person": str(coordinator.pk)}) != key()
    assert key(data={"contact_person": "abc"}) != key(data={"contact_person": "xyz"})
    assert key(contacts=()) != key()
    renamed = StaffFactory.build(pk=coordinator.pk, username=coordinator.username, first_name="Ander")
    assert key(contacts=(renamed,)) != key()
    assert key(name="neighbourhood") != key()
