from django.urls import path

from accreditation import public

app_name = "points"

urlpatterns = [
    path("", public.point_list, name="point-list"),
]
