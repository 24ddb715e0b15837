from django.urls import path

from invest import views

app_name = "invest"

urlpatterns = [
    path("", views.project_list, name="project-list"),
    path("<slug:slug>/", views.project_detail, name="project-detail"),
    path("<slug:slug>/enquire/", views.enquiry, name="enquiry"),
    path("<slug:slug>/enquire/sent/", views.enquiry_sent, name="enquiry-sent"),
    path("<slug:slug>/documents/<int:pk>/", views.document, name="document"),
]
