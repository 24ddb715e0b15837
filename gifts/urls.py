from django.urls import path

from gifts import views

app_name = "gifts"

urlpatterns = [
    path("", views.gift_list, name="gift-list"),
    path("<slug:slug>/", views.gift_detail, name="gift-detail"),
]
