"""The resident's pages (`urlpatterns`) and the staff pages of one initiative (`staff_urlpatterns`, which the
root URLconf puts under /werkplek/<gemeente>/). The root URLconf adds, in this namespace, the pages of the
apps above this one that hang under the status page (privacy's data download and deletion request, the
evaluation form)."""

from django.urls import path

from .views import resident, staff

app_name = "initiatives"

urlpatterns = [
    path("<slug:municipality_slug>/idee/", resident.idea_form, name="idea_form"),
    path("<slug:municipality_slug>/idee/ontvangen/", resident.idea_submitted, name="submitted"),
    path("<slug:municipality_slug>/mijn-initiatief/<str:token>/", resident.status_page, name="status"),
    path(
        "<slug:municipality_slug>/mijn-initiatief/<str:token>/bericht/",
        resident.status_message,
        name="status_message",
    ),
    path(
        "<slug:municipality_slug>/mijn-initiatief/<str:token>/intrekken/",
        resident.status_withdraw,
        name="withdraw",
    ),
]

staff_urlpatterns = [
    path("initiatieven/<int:pk>/", staff.initiative_detail, name="staff_initiative"),
    path("initiatieven/<int:pk>/fase/", staff.initiative_phase, name="staff_phase"),
    path("initiatieven/<int:pk>/contactpersoon/", staff.initiative_assign, name="staff_assign"),
    path("initiatieven/<int:pk>/eerste-contact/", staff.initiative_first_contact, name="staff_first_contact"),
    path("initiatieven/<int:pk>/berichten/", staff.message_send, name="staff_message_send"),
    path(
        "initiatieven/<int:pk>/berichten/<int:message_pk>/gelezen/",
        staff.message_read,
        name="staff_message_read",
    ),
    path(
        "initiatieven/<int:pk>/berichten/<int:message_pk>/brief/",
        staff.message_letter,
        name="staff_message_letter",
    ),
    path(
        "initiatieven/<int:pk>/berichten/<int:message_pk>/brief/verstuurd/",
        staff.message_letter_sent,
        name="staff_message_letter_sent",
    ),
    path("initiatieven/<int:pk>/notities/", staff.note_add, name="staff_note_add"),
    path("initiatieven/<int:pk>/kopgroep/", staff.initiator_add, name="staff_initiator_add"),
]
