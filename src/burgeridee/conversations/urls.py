from django.urls import path

from . import views

app_name = "conversations"

STAFF = "werkplek/<slug:municipality_slug>/"
CONVERSATION = STAFF + "initiatieven/<int:pk>/gesprek/"
RESIDENT = "<slug:municipality_slug>/mijn-initiatief/<str:token>/gesprek/"

urlpatterns = [
    # The coordinator adapts the conversation model and checklist.
    path(STAFF + "gespreksmodel/", views.model_overview, name="model"),
    path(STAFF + "gespreksmodel/concept/", views.model_draft_start, name="model_draft"),
    path(STAFF + "gespreksmodel/publiceren/", views.model_publish, name="model_publish"),
    path(STAFF + "gespreksmodel/weggooien/", views.model_discard, name="model_discard"),
    path(STAFF + "gespreksmodel/verplaats/", views.model_move, name="model_move"),
    path(STAFF + "gespreksmodel/fase/nieuw/", views.model_phase_add, name="model_phase_add"),
    path(STAFF + "gespreksmodel/fase/<int:pk>/", views.model_phase_edit, name="model_phase"),
    path(STAFF + "gespreksmodel/checklist/nieuw/", views.model_item_add, name="model_item_add"),
    path(STAFF + "gespreksmodel/checklist/<int:pk>/", views.model_item_edit, name="model_item"),
    path(STAFF + "gespreksmodel/checklist.pdf", views.checklist_pdf, name="checklist_pdf"),
    # One initiative's first conversation.
    path(CONVERSATION, views.conversation_screen, name="screen"),
    path(CONVERSATION + "opslaan/", views.conversation_autosave, name="autosave"),
    path(CONVERSATION + "plannen/", views.plan, name="plan"),
    path(CONVERSATION + "uitnodiging.pdf", views.invitation_letter, name="invitation_letter"),
    path(CONVERSATION + "voorbereiden/", views.prepare, name="prepare"),
    path(CONVERSATION + "voorbereiden.pdf", views.prepare_pdf, name="prepare_pdf"),
    path(CONVERSATION + "verslag/", views.report, name="report"),
    path(CONVERSATION + "verslag.pdf", views.report_pdf, name="report_pdf"),
    path(CONVERSATION + "opvolging/", views.follow_up, name="follow_up"),
    path(CONVERSATION + "reflectie/", views.reflection, name="reflection"),
    # The resident.
    path(RESIDENT, views.resident_page, name="resident"),
    path(RESIDENT + "uitnodiging.ics", views.resident_ics, name="resident_ics"),
    path(RESIDENT + "verslag.pdf", views.resident_report_pdf, name="resident_report_pdf"),
]
