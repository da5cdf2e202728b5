from django.urls import path

from .views import after, checklist, model_editor, planning, report, resident, screen

app_name = "conversations"

CONVERSATION = "initiatieven/<int:pk>/gesprek/"
RESIDENT = "<slug:municipality_slug>/mijn-initiatief/<str:token>/gesprek/"

staff_urlpatterns = [
    # The coordinator adapts the conversation model and checklist.
    path("gespreksmodel/", model_editor.model_overview, name="model"),
    path("gespreksmodel/concept/", model_editor.model_draft_start, name="model_draft"),
    path("gespreksmodel/publiceren/", model_editor.model_publish, name="model_publish"),
    path("gespreksmodel/weggooien/", model_editor.model_discard, name="model_discard"),
    path("gespreksmodel/verplaats/", model_editor.model_move, name="model_move"),
    path("gespreksmodel/fase/nieuw/", model_editor.model_phase_add, name="model_phase_add"),
    path("gespreksmodel/fase/<int:pk>/", model_editor.model_phase_edit, name="model_phase"),
    path("gespreksmodel/checklist/nieuw/", model_editor.model_item_add, name="model_item_add"),
    path("gespreksmodel/checklist/<int:pk>/", model_editor.model_item_edit, name="model_item"),
    path("gespreksmodel/checklist.pdf", model_editor.checklist_pdf, name="checklist_pdf"),
    # One initiative's first conversation.
    path(CONVERSATION, screen.conversation_screen, name="screen"),
    path(CONVERSATION + "opslaan/", screen.conversation_autosave, name="autosave"),
    path(CONVERSATION + "plannen/", planning.plan, name="plan"),
    path(CONVERSATION + "uitnodiging.pdf", planning.invitation_letter, name="invitation_letter"),
    path(CONVERSATION + "voorbereiden/", planning.prepare, name="prepare"),
    path(CONVERSATION + "voorbereiden.pdf", planning.prepare_pdf, name="prepare_pdf"),
    path(CONVERSATION + "verslag/", report.report, name="report"),
    path(CONVERSATION + "verslag.pdf", report.report_pdf, name="report_pdf"),
    path(CONVERSATION + "checklist.pdf", checklist.conversation_checklist_pdf, name="checklist_filled_pdf"),
    path(CONVERSATION + "opvolging/", after.follow_up, name="follow_up"),
    path(CONVERSATION + "reflectie/", after.reflection, name="reflection"),
]

urlpatterns = [
    # The resident.
    path(RESIDENT, resident.resident_page, name="resident"),
    path(RESIDENT + "uitnodiging.ics", resident.resident_ics, name="resident_ics"),
    path(RESIDENT + "verslag.pdf", resident.resident_report_pdf, name="resident_report_pdf"),
]
