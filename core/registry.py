"""What the content apps declare about themselves, found instead of listed by hand.

A content app says so on its AppConfig: `content_part` (which part of the content version its rows make stale,
core.pagecache) and `operator_permissions` (what a site operator may do with its models). A content type says so
on its model: it subclasses Publishable, keeps a history (simple-history), and names the path to the site whose
operators manage it (`site_path`) and the rows restored with it (`restore_with`). Adding a content type then
touches its own app and a migration only.
"""

from django.apps import apps

from core.publishing import Publishable


def content_apps():
    return [config for config in apps.get_app_configs() if getattr(config, "content_part", None)]


def content_part(model):
    """The part of the content version that rows of `model` make stale; None for models outside the content apps
    (and for those of no installed app, such as the migration recorder's)."""
    if not getattr(model, "shown_on_pages", True):  # a content app's model no page shows (an enquiry)
        return None
    config = apps.app_configs.get(model._meta.app_label)
    return getattr(config, "content_part", None)


def publishable_models():
    """Every concrete content type with the draft → review → published workflow, in app order."""
    return [model for config in content_apps() for model in config.get_models() if issubclass(model, Publishable)]


def logged_models():
    """Every model of the content apps whose changes are recorded (simple-history), in app order."""
    return [model for config in content_apps() for model in config.get_models() if hasattr(model, "history")]
