from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework.routers import SimpleRouter

from api import documentation, views

app_name = "api"

router = SimpleRouter()
router.register("sites", views.SiteViewSet, basename="site")
router.register("heritage", views.HeritageViewSet, basename="heritage")
router.register("events", views.EventViewSet, basename="event")
router.register("routes", views.RouteViewSet, basename="route")
router.register("study-tours", views.ProgrammeViewSet, basename="programme")

urlpatterns = [
    path("vocabularies/", views.VocabularyView.as_view(), name="vocabularies"),
    path("schema/", extend_schema(exclude=True)(documentation.SchemaView).as_view(), name="schema"),
    path("schema.json", extend_schema(exclude=True)(documentation.JsonSchemaView).as_view(), name="schema-json"),
    path("schema.yaml", extend_schema(exclude=True)(documentation.YamlSchemaView).as_view(), name="schema-yaml"),
    path("docs/", documentation.docs_page, name="docs"),
    *router.urls,
]
