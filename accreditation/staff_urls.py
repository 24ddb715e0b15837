"""The accreditation desk, behind the admin login (admin_view), under ADMIN_URL."""

from django.contrib import admin
from django.urls import path

from accreditation import views

view = admin.site.admin_view

app_name = "accreditation"

urlpatterns = [
    path("", view(views.desk), name="desk"),
    path("start/", view(views.start), name="start"),
    path("<int:pk>/", view(views.application_view), name="application"),
    path("<int:pk>/answers/", view(views.edit), name="edit"),
    path("<int:pk>/assessment/", view(views.assess), name="assess"),
    path("<int:pk>/assign/", view(views.assign), name="assign"),
    path("<int:pk>/decide/", view(views.decide), name="decide"),
    path("<int:pk>/appeal/", view(views.appeal), name="appeal"),
    path("<int:pk>/report/", view(views.report), name="report"),
    path("evidence/<str:pk>/", view(views.evidence_file), name="evidence"),
]
