"""The back office adds bulk import (office.imports) to the listing admins of the sites app, which knows nothing
of it: the same admins, registered again with the import pages."""

from django.contrib import admin
from import_export.admin import ImportMixin

from office.imports import HeritageResource, ImportAdminMixin, SiteResource
from sites.admin import HeritageAssetAdmin, SiteAdmin
from sites.models import HeritageAsset, Site


def _with_import(model, model_admin, resource):
    admin.site.unregister(model)
    importing = type(
        model_admin.__name__, (ImportAdminMixin, ImportMixin, model_admin), {"resource_classes": [resource]}
    )
    admin.site.register(model, importing)


_with_import(Site, SiteAdmin, SiteResource)
_with_import(HeritageAsset, HeritageAssetAdmin, HeritageResource)
