"""The back office's lists make the same number of queries at two data sizes, for the editor and an operator."""

import pytest
from django.urls import reverse

from office import roles
from tests.factories import add_photo, make_heritage, make_site, person

pytestmark = pytest.mark.django_db


def grow(n, owner=None):
    for _ in range(n):
        site = make_site(level="provincial")
        add_photo(site)
        make_heritage(site=site)
        if owner:
            site.operators.add(owner)


# Session, user, the user's and the group permissions (4); the count of the filtered list (the changelist's own,
# not a full count: show_full_result_count is off), the page of rows and their photos in one prefetch (3).
# Nothing per row. For an operator the scope is a subquery inside the same count and page queries.
SITES_EDITOR = 7
SITES_OPERATOR = 7
# The same shape: the heritage list joins its site in the page query.
HERITAGE_EDITOR = 7


@pytest.mark.parametrize(
    ("url_name", "role", "expected"),
    [
        ("admin:sites_site_changelist", roles.EDITOR, SITES_EDITOR),
        ("admin:sites_site_changelist", roles.OPERATOR, SITES_OPERATOR),
        ("admin:sites_heritageasset_changelist", roles.EDITOR, HERITAGE_EDITOR),
    ],
)
def test_the_back_office_lists_make_the_same_queries_for_few_and_many_rows(
    client, django_assert_num_queries, url_name, role, expected
):
    user = person("staff", role)
    client.force_login(user)
    grow(2, owner=user)
    client.get(reverse(url_name))  # warm the content-type cache
    with django_assert_num_queries(expected):
        client.get(reverse(url_name))
    grow(20, owner=user)
    with django_assert_num_queries(expected):
        client.get(reverse(url_name))
