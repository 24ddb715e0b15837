"""The portal's URLs and the benchmark floor: a static 20 KB page rendered with no database."""

from django.shortcuts import render
from django.urls import path

from zhuzhou_tourism.urls import handler404, handler500  # noqa: F401  (the portal's error pages)
from zhuzhou_tourism.urls import urlpatterns as portal_urlpatterns


def floor(request):
    return render(request, "bench/floor.html")


urlpatterns = [path("_bench/floor/", floor), *portal_urlpatterns]
