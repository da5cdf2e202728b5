"""Every staff page lives under /werkplek/<municipality_slug>/ and goes through `staff_view`. Each app lists
its staff pages without that prefix in `staff_urlpatterns`; the root URLconf (burgeridee/urls.py) adds it.

The tenancy sweep (workspace/tests/test_tenancy.py) walks every URL pattern under werkplek/ and expects
404 for another municipality's ids; a new integer URL argument is covered once it is named in
TENANCY_OBJECTS there.
"""

from django.urls import path

from . import views

app_name = "workspace"

urlpatterns = [
    path("", views.home, name="home"),  # /werkplek/: the chooser, before a municipality is picked
]

staff_urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("initiatieven/<int:pk>/", views.initiative_detail, name="initiative"),
    path("initiatieven/<int:pk>/fase/", views.initiative_phase, name="phase"),
    path("initiatieven/<int:pk>/contactpersoon/", views.initiative_assign, name="assign"),
    path(
        "initiatieven/<int:pk>/eerste-contact/",
        views.initiative_first_contact,
        name="first_contact",
    ),
    path("initiatieven/<int:pk>/berichten/", views.message_send, name="message_send"),
    path(
        "initiatieven/<int:pk>/berichten/<int:message_pk>/gelezen/",
        views.message_read,
        name="message_read",
    ),
    path(
        "initiatieven/<int:pk>/berichten/<int:message_pk>/brief/",
        views.message_letter,
        name="message_letter",
    ),
    path("initiatieven/<int:pk>/notities/", views.note_add, name="note_add"),
    path("initiatieven/<int:pk>/kopgroep/", views.initiator_add, name="initiator_add"),
    path("initiatieven/<int:pk>/logboek/", views.processing_log, name="processing_log"),
]
