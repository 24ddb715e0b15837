"""Media in the back office: editing a listing keeps its photos working; the upload attacks are in test_uploads."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from sites.models import SitePhoto
from tests.factories import add_photo, make_site

pytestmark = pytest.mark.django_db


def test_a_site_with_a_photo_can_be_edited_without_uploading_it_again(client):
    # Django closes the stored original after reading its size; the image check must reopen it, not crash.
    site = make_site()
    photo = add_photo(site)
    client.force_login(User.objects.create_superuser("bureau", "bureau@example.com", "a long passphrase 42"))
    url = reverse("admin:sites_site_change", args=[site.pk])
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, list | tuple)}
    data |= {"photos-TOTAL_FORMS": "1", "photos-INITIAL_FORMS": "1", "photos-0-id": str(photo.pk)}
    data |= {"photos-0-site": str(site.pk), "photos-0-alt_zh": "总装车间", "photos-0-position": "0"}
    for prefix in ["periods", "exceptions"]:
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    assert SitePhoto.objects.get(pk=photo.pk).alt_zh == "总装车间"
