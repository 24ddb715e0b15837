from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from core.links import absolute_url
from events.models import Event

FEED_SIZE = 20


class NewEventsFeed(Feed):
    """Events in the order they were first published, so subscribers hear about each one once."""

    feed_type = Atom1Feed
    title = _("Zhuzhou Industrial Tourism: new events")
    subtitle = _("Festivals, expos, leagues and shows newly announced in Zhuzhou.")

    # Absolute on the public address (SITE_URL), so Django adds no request host.
    def link(self):
        return absolute_url(reverse("events:event-list"))

    def feed_url(self):
        return absolute_url(reverse("events:feed-atom"))

    def item_link(self, event):
        return absolute_url(event.get_absolute_url())

    def items(self):
        return Event.objects.published().select_related("site").order_by("-published_at", "-pk")[:FEED_SIZE]

    def item_title(self, event):
        return event.title

    def item_description(self, event):
        return event.summary or event.description[:300]

    def item_pubdate(self, event):
        return event.published_at

    def item_updateddate(self, event):
        return event.updated_at

    def item_categories(self, event):
        return [event.get_kind_display()]
