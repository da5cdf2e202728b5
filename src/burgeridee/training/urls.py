from django.urls import path

from .views import coaching, effect, meetings, proposals, requester

app_name = "training"

urlpatterns = [
    path("<slug:municipality_slug>/voorstel/<str:token>/", requester.proposal_public, name="proposal_public"),
    path(
        "<slug:municipality_slug>/voorstel/<str:token>/voorstel.pdf",
        requester.proposal_public_pdf,
        name="proposal_public_pdf",
    ),
    path("<slug:municipality_slug>/bijeenkomst/<str:token>/", meetings.meeting_public, name="meeting_public"),
    path(
        "<slug:municipality_slug>/bijeenkomst/<str:token>/agenda.ics",
        meetings.meeting_public_ics,
        name="meeting_public_ics",
    ),
    path("<slug:municipality_slug>/mijn-bijeenkomst/<str:token>/", meetings.signup_page, name="signup_page"),
    path("<slug:municipality_slug>/mijn-bijeenkomst/<str:token>/agenda.ics", meetings.signup_ics, name="signup_ics"),
]

staff_urlpatterns = [
    path("training/", proposals.training_list, name="list"),
    path("training/aanvraag/<int:pk>/", proposals.request_detail, name="request"),
    path("training/aanvraag/<int:pk>/voorstel/", proposals.proposal_create, name="proposal_create"),
    path("training/voorstel/<int:pk>/", proposals.proposal_detail, name="proposal"),
    path("training/voorstel/<int:pk>/onderdeel/", proposals.proposal_item_add, name="item_add"),
    path("training/voorstel/<int:pk>/onderdeel/<int:item_pk>/", proposals.proposal_item_edit, name="item_edit"),
    path("training/voorstel/<int:pk>/onderdeel/<int:item_pk>/weg/", proposals.proposal_item_remove, name="item_remove"),
    path("training/voorstel/<int:pk>/versturen/", proposals.proposal_send, name="proposal_send"),
    path("training/voorstel/<int:pk>/voorstel.pdf", proposals.proposal_pdf, name="proposal_pdf"),
    path("bijeenkomsten/", meetings.meeting_list, name="meetings"),
    path("bijeenkomsten/nieuw/", meetings.meeting_create, name="meeting_create"),
    path("bijeenkomsten/<int:pk>/", meetings.meeting_detail, name="meeting"),
    path("bijeenkomsten/<int:pk>/wijzigen/", meetings.meeting_edit, name="meeting_edit"),
    path("bijeenkomsten/<int:pk>/uitnodigen/", meetings.meeting_invite, name="meeting_invite"),
    path("bijeenkomsten/<int:pk>/aanwezig/", meetings.meeting_attendance, name="meeting_attendance"),
    path("bijeenkomsten/<int:pk>/opbrengst/", meetings.meeting_outcomes, name="meeting_outcomes"),
    path("bijeenkomsten/<int:pk>/agenda.ics", meetings.meeting_ics_staff, name="meeting_ics"),
    path("coaching/", coaching.coaching_list, name="coaching"),
    path("coaching/nieuw/", coaching.trajectory_create, name="trajectory_create"),
    path("coaching/<int:pk>/", coaching.trajectory_detail, name="trajectory"),
    path("coaching/<int:pk>/doel/", coaching.goal_add, name="goal_add"),
    path("coaching/<int:pk>/gesprek/", coaching.session_add, name="session_add"),
    path("coaching/<int:pk>/gesprek/<int:session_pk>/aantekening/", coaching.note_add, name="note_add"),
    path("coaching/<int:pk>/delen/", coaching.initiative_share, name="share"),
    path("coaching/<int:pk>/delen/<int:shared_pk>/weg/", coaching.shared_withdraw, name="shared_withdraw"),
    path("coaching/<int:pk>/coachee/", coaching.coachee_set, name="coachee_set"),
    path("coaching/<int:pk>/afronden/", coaching.trajectory_finish, name="trajectory_finish"),
    path("mijn-workshop/", effect.participation, name="participation"),
    path("mijn-workshop/<int:pk>/intrekken/", effect.participation_withdraw, name="participation_withdraw"),
    path("mijn-workshop/<int:pk>/vragenlijst/", effect.self_assessment, name="self_assessment"),
    path("workshop-effect/", effect.effect_page, name="effect"),
    path("workshop-effect/cijfers.csv", effect.effect_csv, name="effect_csv"),
]
