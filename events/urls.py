from django.urls import path

from events import views
from events.feeds import NewEventsFeed

app_name = "events"

urlpatterns = [
    path("", views.event_list, name="event-list"),
    path("past/", views.event_archive, name="event-archive"),
    path("calendar/", views.calendar, name="calendar"),
    path("feed.ics", views.feed_ics, name="feed-ics"),
    path("feed.atom", NewEventsFeed(), name="feed-atom"),
    path("<slug:slug>/", views.event_detail, name="event-detail"),
    path("<slug:slug>/event.ics", views.event_ics, name="event-ics"),
]
