from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    # The top layer: it reads every domain app, and none of them (nor core) imports it.
    name = "demo"
    verbose_name = _("Demo and scale data")
