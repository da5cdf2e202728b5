"""The right to challenge: public pages under /<gemeente>/uitdaagrecht/ and staff pages (put under
/werkplek/<gemeente>/ by the root URLconf)."""

from django.urls import path

from .views import resident, staff

app_name = "challenges"

urlpatterns = [
    path("<slug:municipality_slug>/uitdaagrecht/", resident.info, name="info"),
    path("<slug:municipality_slug>/uitdaagrecht/uitdagen/", resident.challenge_form, name="form"),
    path("<slug:municipality_slug>/uitdaagrecht/ontvangen/", resident.submitted, name="submitted"),
    path("<slug:municipality_slug>/uitdaagrecht/besluiten/", resident.register, name="register"),
    path("<slug:municipality_slug>/uitdaagrecht/besluiten.csv", resident.register_csv, name="register_csv"),
]

staff_urlpatterns = [
    path("uitdaagrecht/instellingen/", staff.settings_page, name="settings"),
    path("uitdaagrecht/instellingen/taken/nieuw/", staff.task_edit, name="task_add"),
    path("uitdaagrecht/instellingen/taken/<int:pk>/", staff.task_edit, name="task_edit"),
    path("uitdaagrecht/instellingen/punten/nieuw/", staff.criterion_edit, name="criterion_add"),
    path("uitdaagrecht/instellingen/punten/<int:pk>/", staff.criterion_edit, name="criterion_edit"),
    path("uitdaagrecht/instellingen/punten/standaard/", staff.criteria_defaults, name="criteria_defaults"),
    path("uitdagingen/", staff.challenge_list, name="list"),
    path("uitdagingen/<int:pk>/", staff.challenge_detail, name="detail"),
    path("uitdagingen/<int:pk>/plan/", staff.route_step, {"step": "plan"}, name="plan"),
    path("uitdagingen/<int:pk>/advies/", staff.route_step, {"step": "advice"}, name="advice"),
    path("uitdagingen/<int:pk>/beoordeling/", staff.route_step, {"step": "assessment"}, name="assess"),
    path("uitdagingen/<int:pk>/besluit/", staff.route_step, {"step": "decision"}, name="decide"),
    path("uitdagingen/<int:pk>/besluitbrief.pdf", staff.decision_letter, name="decision_letter"),
    path("uitdagingen/<int:pk>/overeenkomst/", staff.route_step, {"step": "agreement"}, name="agreement"),
    path("uitdagingen/<int:pk>/evaluatie/", staff.route_step, {"step": "evaluation"}, name="evaluate"),
    path("initiatieven/<int:pk>/uitdaging/", staff.convert, name="convert"),
]
