from django.urls import path

from itineraries import views

app_name = "itineraries"

urlpatterns = [
    path("", views.route_list, name="route-list"),
    path("<slug:slug>/", views.route_detail, name="route-detail"),
]
