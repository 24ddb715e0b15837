"""The served OpenAPI description and the page that shows it (Swagger UI from drf-spectacular-sidecar, vendored
in the package's static files: nothing from a CDN)."""

from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_safe
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import (
    OpenApiJsonRenderer,
    OpenApiJsonRenderer2,
    OpenApiYamlRenderer,
    OpenApiYamlRenderer2,
)
from drf_spectacular.views import SpectacularAPIView
from rest_framework.response import Response

from api.base import ApiMixin

_generated = {}


def schema():
    """The description, generated once per process (it depends on the code only), with English labels."""
    if "schema" not in _generated:
        with translation.override("en"):
            _generated["schema"] = SchemaGenerator().get_schema(request=None, public=True)
    return _generated["schema"]


class SchemaView(ApiMixin, SpectacularAPIView):
    """OpenAPI 3.1 as JSON (the default), or YAML for Accept: application/yaml."""

    renderer_classes = [OpenApiJsonRenderer2, OpenApiJsonRenderer, OpenApiYamlRenderer2, OpenApiYamlRenderer]

    def get(self, request, *args, **kwargs):
        return Response(schema())


class YamlSchemaView(SchemaView):
    renderer_classes = [OpenApiYamlRenderer2, OpenApiYamlRenderer]


class JsonSchemaView(SchemaView):
    renderer_classes = [OpenApiJsonRenderer2, OpenApiJsonRenderer]


@require_safe
def docs_page(request):
    return render(request, "api/docs.html")
