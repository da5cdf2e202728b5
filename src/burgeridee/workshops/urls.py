from django.urls import path

from .views import export, folder, participant, presenter, requests, trainer

app_name = "workshops"

urlpatterns = [
    path("doe-mee/", participant.join, name="join"),
    path("doe-mee/<str:code>/", participant.participant_page, name="participant"),
    path("doe-mee/<str:code>/status/", participant.participant_status, name="participant_status"),
    path("doe-mee/<str:code>/feedback/", participant.participant_feedback, name="participant_feedback"),
    path("doe-mee/<str:code>/mijn-checklist.pdf", participant.participant_checklist_pdf, name="checklist_pdf"),
    path("doe-mee/<str:code>/<slug:action>/", participant.participant_submit, name="participant_submit"),
    path("<slug:municipality_slug>/workshop-aanvragen/", requests.request_form, name="request"),
    path("<slug:municipality_slug>/workshop-folder.pdf", folder.folder, name="folder"),
]

staff_urlpatterns = [
    path("workshops/", trainer.session_list, name="list"),
    path("workshops/folder.pdf", folder.folder_trainer, name="folder_trainer"),
    path(
        "workshops/aanvraag/<int:request_pk>/afgehandeld/",
        requests.request_handled,
        name="request_handled",
    ),
    path("workshops/nieuw/", trainer.session_create, name="create"),
    path("workshops/<int:pk>/", trainer.session_detail, name="detail"),
    path("workshops/<int:pk>/wijzigen/", trainer.session_edit, name="edit"),
    path("workshops/<int:pk>/agenda/", trainer.agenda_add, name="agenda_add"),
    path(
        "workshops/<int:pk>/agenda/<int:item_pk>/<slug:action>/",
        trainer.agenda_change,
        name="agenda_change",
    ),
    path(
        "workshops/<int:pk>/stap/<slug:action>/",
        presenter.session_transition,
        name="transition",
    ),
    path("workshops/<int:pk>/presentatie/", presenter.presenter, name="presenter"),
    path(
        "workshops/<int:pk>/presentatie/live/",
        presenter.presenter_live,
        name="presenter_live",
    ),
    path("workshops/<int:pk>/samenvoegen/", presenter.factor_merge, name="merge"),
    path("workshops/<int:pk>/terugkijken/", presenter.review, name="review"),
    path("workshops/<int:pk>/bijdragen.csv", export.export_csv, name="export_csv"),
    path("workshops/<int:pk>/verslag.pdf", export.export_pdf, name="export_pdf"),
]
