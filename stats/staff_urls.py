"""The bureau's report, behind the admin login (admin_view)."""

from django.contrib import admin
from django.urls import path

from stats import views

view = admin.site.admin_view

urlpatterns = [
    path("", view(views.report_view), name="stats-report"),
    path("report.csv", view(views.report_csv), name="stats-report-csv"),
    path("report.xlsx", view(views.report_xlsx), name="stats-report-xlsx"),
]
