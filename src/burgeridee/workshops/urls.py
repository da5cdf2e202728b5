from django.urls import path

from . import views

app_name = "workshops"

urlpatterns = [
    path("doe-mee/", views.join, name="join"),
    path("doe-mee/<str:code>/", views.participant_page, name="participant"),
    path("doe-mee/<str:code>/status/", views.participant_status, name="participant_status"),
    path("doe-mee/<str:code>/feedback/", views.participant_feedback, name="participant_feedback"),
    path("doe-mee/<str:code>/mijn-checklist.pdf", views.participant_checklist_pdf, name="checklist_pdf"),
    path("doe-mee/<str:code>/<slug:action>/", views.participant_submit, name="participant_submit"),
    path("<slug:municipality_slug>/workshop-aanvragen/", views.request_form, name="request"),
    path("werkplek/<slug:municipality_slug>/workshops/", views.session_list, name="list"),
    path(
        "werkplek/<slug:municipality_slug>/workshops/aanvraag/<int:request_pk>/afgehandeld/",
        views.request_handled,
        name="request_handled",
    ),
    path("werkplek/<slug:municipality_slug>/workshops/nieuw/", views.session_create, name="create"),
    path("werkplek/<slug:municipality_slug>/workshops/<int:pk>/", views.session_detail, name="detail"),
    path("werkplek/<slug:municipality_slug>/workshops/<int:pk>/wijzigen/", views.session_edit, name="edit"),
    path("werkplek/<slug:municipality_slug>/workshops/<int:pk>/agenda/", views.agenda_add, name="agenda_add"),
    path(
        "werkplek/<slug:municipality_slug>/workshops/<int:pk>/agenda/<int:item_pk>/<slug:action>/",
        views.agenda_change,
        name="agenda_change",
    ),
    path(
        "werkplek/<slug:municipality_slug>/workshops/<int:pk>/stap/<slug:action>/",
        views.session_transition,
        name="transition",
    ),
    path("werkplek/<slug:municipality_slug>/workshops/<int:pk>/presentatie/", views.presenter, name="presenter"),
    path(
        "werkplek/<slug:municipality_slug>/workshops/<int:pk>/presentatie/live/",
        views.presenter_live,
        name="presenter_live",
    ),
    path("werkplek/<slug:municipality_slug>/workshops/<int:pk>/samenvoegen/", views.factor_merge, name="merge"),
    path("werkplek/<slug:municipality_slug>/workshops/<int:pk>/terugkijken/", views.review, name="review"),
    path("werkplek/<slug:municipality_slug>/workshops/<int:pk>/bijdragen.csv", views.export_csv, name="export_csv"),
    path("werkplek/<slug:municipality_slug>/workshops/<int:pk>/verslag.pdf", views.export_pdf, name="export_pdf"),
]
