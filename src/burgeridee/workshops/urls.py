from django.urls import path

from .views import export, participant, presenter, requests, trainer

app_name = "workshops"

urlpatterns = [
    path("doe-mee/", participant.join, name="join"),
    path("doe-mee/<str:code>/", participant.participant_page, name="participant"),
    path("doe-mee/<str:code>/status/", participant.participant_status, name="participant_status"),
    path("doe-mee/<str:code>/feedback/", participant.participant_feedback, name="participant_feedback"),
    path("doe-mee/<str:code>/mijn-checklist.pdf", participant.participant_checklist_pdf, name="checklist_pdf"),
    path("doe-mee/<str:code>/<slug:action>/", participant.participant_submit, name="participant_submit"),
    path("<slug:municipality_slug>/workshop-aanvragen/", requests.request_form, name="request"),
    path("werkplek/<slug:municipality_slug>/workshops/", trainer.session_list, name="list"),
    path(
        "werkplek/<slug:municipality_slug>/workshops/aanvraag/<int:request_pk>/afgehandeld/",
        requests.request_handled,
        name="request_handled",
    ),
    path("werkplek/<slug:municipality_slug>/workshops/nieuw/", trainer.session_create, name="create"),
    path("werkplek/<slug:municipality_slug>/workshops/<int:pk>/", trainer.session_detail, name="detail"),
    path("werkplek/<slug:municipality_slug>/workshops/<int:pk>/wijzigen/", trainer.session_edit, name="edit"),
    path("werkplek/<slug:municipality_slug>/workshops/<int:pk>/agenda/", trainer.agenda_add, name="agenda_add"),
    path(
        "werkplek/<slug:municipality_slug>/workshops/<int:pk>/agenda/<int:item_pk>/<slug:action>/",
        trainer.agenda_change,
        name="agenda_change",
    ),
    path(
        "werkplek/<slug:municipality_slug>/workshops/<int:pk>/stap/<slug:action>/",
        presenter.session_transition,
        name="transition",
    ),
    path("werkplek/<slug:municipality_slug>/workshops/<int:pk>/presentatie/", presenter.presenter, name="presenter"),
    path(
        "werkplek/<slug:municipality_slug>/workshops/<int:pk>/presentatie/live/",
        presenter.presenter_live,
        name="presenter_live",
    ),
    path("werkplek/<slug:municipality_slug>/workshops/<int:pk>/samenvoegen/", presenter.factor_merge, name="merge"),
    path("werkplek/<slug:municipality_slug>/workshops/<int:pk>/terugkijken/", presenter.review, name="review"),
    path("werkplek/<slug:municipality_slug>/workshops/<int:pk>/bijdragen.csv", export.export_csv, name="export_csv"),
    path("werkplek/<slug:municipality_slug>/workshops/<int:pk>/verslag.pdf", export.export_pdf, name="export_pdf"),
]
