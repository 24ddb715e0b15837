"""The demo content does not contradict itself: what a site's page says and what its events' pages say agree."""

import pytest
from django.utils import timezone

from events.models import Event
from sites.models import Site
from tests.test_demo_data import loaded, media  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("loaded")]


def _outside_hours(event):
    """The dates of an event held at a site when, by the site's own hours, the site is closed."""
    site, problems = event.site, []
    for occurrence in event.occurrences.all():
        if occurrence.cancelled:
            continue
        starts, ends = timezone.localtime(occurrence.starts_at), timezone.localtime(occurrence.ends_at)
        spans = site.hours_on(starts.date())
        same_day = ends.date() == starts.date()
        if not any(same_day and opens <= starts.time() and ends.time() <= closes for opens, closes in spans):
            problems.append(f"{event.slug} {starts:%Y-%m-%d %a %H:%M}–{ends:%H:%M}: {site.slug} open {spans}")
    return problems


def _disagreements(event):
    """A show is its site's programme: a visitor reads the two pages as one, so booking and tickets must agree."""
    site = event.site
    if event.kind != "show":
        return []
    problems = []
    if event.booking_required != site.booking_required:
        problems.append(f"{event.slug} booking {event.booking_required}, {site.slug} booking {site.booking_required}")
    if (event.admission_free, event.admission_price) != (site.admission_free, site.admission_price):
        problems.append(f"{event.slug} costs {event.admission_price}, {site.slug} costs {site.admission_price}")
    return problems


def test_no_event_falls_outside_its_sites_opening_hours_or_contradicts_its_booking_and_price():
    events = Event.objects.filter(site__isnull=False).select_related("site")
    events = events.prefetch_related("occurrences", "site__periods", "site__exceptions")
    problems = [problem for event in events for problem in [*_outside_hours(event), *_disagreements(event)]]
    assert problems == [], "\n".join(problems)


def test_every_place_the_bureau_names_is_published_and_complete():
    youxian = Site.objects.get(slug="youxian-gongye-jiyi")
    assert youxian.is_live() and youxian.missing_for_publication() == []
    assert "建成后公布" not in youxian.description_zh
