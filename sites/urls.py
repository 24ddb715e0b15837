from django.urls import path

from sites import views

app_name = "sites"

urlpatterns = [
    path("sites/", views.site_list, name="site-list"),
    path("sites/<slug:slug>/", views.site_detail, name="site-detail"),
    path("heritage/", views.heritage_list, name="heritage-list"),
    path("heritage/<slug:slug>/", views.heritage_detail, name="heritage-detail"),
    path("map/", views.map_page, name="map"),
    path("map/places.geojson", views.map_geojson, name="map-geojson"),
]
