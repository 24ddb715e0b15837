from django.urls import path

from bookings import views

app_name = "bookings"

urlpatterns = [
    path("", views.programme_list, name="programme-list"),
    path("booking/<str:reference>/<str:secret>/", views.booking_manage, name="booking-manage"),
    path("booking/<str:reference>/<str:secret>/received/", views.booking_received, name="booking-received"),
    path("booking/<str:reference>/<str:secret>/cancel/", views.booking_cancel, name="booking-cancel"),
    path("<slug:slug>/", views.programme_detail, name="programme-detail"),
    path("<slug:slug>/book/", views.booking_create, name="booking-create"),
]
