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
    path("mail/", views.mail_stuck, name="mail_stuck"),
    path("mail/<int:mail_pk>/opnieuw/", views.mail_resend, name="mail_resend"),
]
