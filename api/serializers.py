"""What the API says about each published thing. Read-only: nothing here saves.

Only public fields: no workflow state (drafts, proposed changes, review), no staff notes, no booking's contact data.
A related place is named only while it is live itself (`Event.public_site`, a heritage place's site).
"""

from rest_framework import serializers

from api.fields import (
    TEXT_SCHEMA,
    AdmissionSerializer,
    ApiUrl,
    Computed,
    Label,
    PageUrl,
    Photo,
    PointSerializer,
    Text,
    admission,
    api_url,
    in_each_language,
    point,
    text,
)
from bookings.models import GradeBand
from core.choices import Audience, District, Industry
from events.models import EventKind, EventStatus
from itineraries.models import Theme, TravelMode
from sites.models import DemonstrationLevel, HeritageLevel, HeritageState, Weekday

AUDIENCES = serializers.ListField(child=serializers.ChoiceField(choices=Audience.choices))


def _audiences(obj, lang):
    return obj.audience_values()


def _place_ref(place, lang, name):
    """A live related place as {slug, name, api_url, url}, or None when it is not public."""
    if place is None or not place.is_live():
        return None
    return {"slug": place.slug, "name": text(place, lang, "name"), "api_url": api_url(name, place.slug)}


class PlaceRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = Text()
    api_url = serializers.URLField()


class SiteSerializer(serializers.Serializer):
    slug = serializers.SlugField(help_text="Stable identifier; also the last part of the page address.")
    name = Text()
    summary = Text()
    level = serializers.ChoiceField(choices=DemonstrationLevel.choices, help_text="Demonstration status 示范等级.")
    level_label = Label("level")
    level_year = serializers.IntegerField(allow_null=True, help_text="The year the status was awarded.")
    industry = serializers.ChoiceField(choices=Industry.choices)
    industry_label = Label("industry")
    district = serializers.ChoiceField(choices=District.choices)
    district_label = Label("district")
    audiences = Computed(_audiences, AUDIENCES, help_text="Who the place suits.")
    address = Text()
    location = Computed(lambda obj, lang: point(obj), PointSerializer(allow_null=True))
    admission = Computed(admission, AdmissionSerializer())
    booking_required = serializers.BooleanField()
    featured = serializers.BooleanField(help_text="Featured by the bureau on the home page.")
    photo = Photo()
    url = PageUrl()
    api_url = ApiUrl("site")
    updated_at = serializers.DateTimeField()


class PeriodSerializer(serializers.Serializer):
    weekday = serializers.ChoiceField(choices=Weekday.choices, help_text="0 is Monday.")
    opens = serializers.TimeField(format="%H:%M")
    closes = serializers.TimeField(format="%H:%M")


class ExceptionSerializer(serializers.Serializer):
    date = serializers.DateField()
    closed = serializers.BooleanField(help_text="Closed all day; otherwise open at these times instead.")
    opens = serializers.TimeField(format="%H:%M", allow_null=True)
    closes = serializers.TimeField(format="%H:%M", allow_null=True)
    note = Text()


def _exceptions(site, lang):
    return [
        {
            "date": exception.date.isoformat(),
            "closed": exception.closed,
            "opens": exception.opens.strftime("%H:%M") if exception.opens else None,
            "closes": exception.closes.strftime("%H:%M") if exception.closes else None,
            "note": text(exception, lang, "note"),
        }
        for exception in site.exceptions.all()
    ]


def _heritage_refs(site, lang):
    return [_place_ref(asset, lang, "heritage") for asset in site.heritage_assets.all()]


class SiteDetailSerializer(SiteSerializer):
    description = Text()
    accessibility = Text()
    safety = Text()
    transport = Text(help_text="Getting there.")
    phone = serializers.CharField(help_text="The site's public phone.")
    email = serializers.EmailField(allow_blank=True)
    website = serializers.URLField(allow_blank=True)
    opening_hours = PeriodSerializer(source="periods.all", many=True, help_text="Weekly hours, Beijing time.")
    exceptions = Computed(
        _exceptions, ExceptionSerializer(many=True), help_text="Closures and special openings from yesterday on."
    )
    heritage = Computed(_heritage_refs, PlaceRefSerializer(many=True), help_text="Industrial heritage seen here.")


def _heritage_site(asset, lang):
    return _place_ref(asset.site if asset.site_id else None, lang, "site")


class HeritageSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = Text()
    summary = Text()
    level = serializers.ChoiceField(choices=HeritageLevel.choices, help_text="Heritage level 遗产等级.")
    level_label = Label("level")
    state = serializers.ChoiceField(choices=HeritageState.choices)
    state_label = Label("state")
    year_listed = serializers.IntegerField(allow_null=True)
    built_from = serializers.IntegerField(allow_null=True)
    built_to = serializers.IntegerField(allow_null=True)
    original_use = Text()
    current_use = Text()
    district = serializers.ChoiceField(choices=District.choices)
    district_label = Label("district")
    location = Computed(lambda obj, lang: point(obj), PointSerializer(allow_null=True))
    site = Computed(_heritage_site, PlaceRefSerializer(allow_null=True), help_text="The site where it can be seen.")
    photo = Photo()
    url = PageUrl()
    api_url = ApiUrl("heritage")
    updated_at = serializers.DateTimeField()


class HeritageDetailSerializer(HeritageSerializer):
    description = Text()


class VenueSerializer(serializers.Serializer):
    name = Text()
    address = Text()
    district = serializers.ChoiceField(choices=District.choices, allow_null=True)
    site = PlaceRefSerializer(allow_null=True, help_text="The site it is held at, when that site is public.")
    location = PointSerializer(allow_null=True)


def _venue(event, lang):
    site = event.public_site
    place = site or event
    district = event.place_district or None
    return {
        "name": text(place, lang, "name" if site else "venue_name"),
        "address": text(place, lang, "address"),
        "district": district,
        "site": _place_ref(site, lang, "site"),
        "location": point(place),
    }


class OccurrenceSerializer(serializers.Serializer):
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    cancelled = serializers.BooleanField(help_text="This date only is cancelled.")
    note = Text()


def _occurrences(event, lang):
    return [
        {
            "starts_at": serializers.DateTimeField().to_representation(date.starts_at),
            "ends_at": serializers.DateTimeField().to_representation(date.ends_at),
            "cancelled": date.cancelled,
            "note": text(date, lang, "note"),
        }
        for date in event.listed_dates
    ]


class EventSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    title = Text()
    summary = Text()
    kind = serializers.ChoiceField(choices=EventKind.choices)
    kind_label = Label("kind")
    status = serializers.ChoiceField(choices=EventStatus.choices)
    status_reason = Text(help_text="Why it is postponed or cancelled.")
    venue = Computed(_venue, VenueSerializer())
    audiences = Computed(_audiences, AUDIENCES)
    admission = Computed(admission, AdmissionSerializer())
    booking_required = serializers.BooleanField()
    booking_url = serializers.URLField(allow_blank=True)
    organiser = Text()
    occurrences = Computed(
        _occurrences,
        OccurrenceSerializer(many=True),
        help_text="In a list: the event's dates inside the date filters (by default those not yet over), at most "
        "20. On its own: every date.",
    )
    photo = Photo()
    url = PageUrl()
    api_url = ApiUrl("event")
    updated_at = serializers.DateTimeField()


class EventDetailSerializer(EventSerializer):
    description = Text()


class StopSerializer(serializers.Serializer):
    day = serializers.IntegerField(min_value=1)
    kind = serializers.ChoiceField(choices=["site", "heritage", "event"])
    place = PlaceRefSerializer()
    location = PointSerializer(allow_null=True)
    visit_minutes = serializers.IntegerField()
    note = Text(help_text="What to see.")
    next_mode = serializers.ChoiceField(choices=TravelMode.choices, allow_null=True, help_text="To the next stop by.")
    next_minutes = serializers.IntegerField(allow_null=True)
    next_directions = Text()


def _stop_place(stop, lang):
    target = stop.target
    name = "title" if stop.event_id else "name"
    return {
        "slug": target.slug,
        "name": text(target, lang, name),
        "api_url": api_url(stop.kind, target.slug),
    }


def _stops(route, lang):
    return [
        {
            "day": stop.day,
            "kind": stop.kind,
            "place": _stop_place(stop, lang),
            "location": _stop_point(stop),
            "visit_minutes": stop.visit_minutes,
            "note": text(stop, lang, "note"),
            "next_mode": stop.next_mode or None,
            "next_minutes": stop.next_minutes,
            "next_directions": text(stop, lang, "next_directions"),
        }
        for stop in route.stop_list()
    ]


def _stop_point(stop):
    found = stop.point
    return None if found is None else {"latitude": float(found[0]), "longitude": float(found[1]), "approximate": False}


class RouteSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    title = Text()
    summary = Text()
    theme = serializers.ChoiceField(choices=Theme.choices)
    theme_label = Label("theme")
    audiences = Computed(_audiences, AUDIENCES)
    days = serializers.IntegerField()
    visit_minutes = serializers.IntegerField(help_text="Suggested time at the stops, travel excluded.")
    distance_km = Computed(
        lambda route, lang: round(route.distance_km, 1),
        serializers.FloatField(help_text="Straight-line length between the stops with a known position."),
    )
    featured = serializers.BooleanField()
    stops = Computed(_stops, StopSerializer(many=True), help_text="Stops at published places, by day and order.")
    photo = Photo()
    url = PageUrl()
    api_url = ApiUrl("route")
    updated_at = serializers.DateTimeField()


class RouteDetailSerializer(RouteSerializer):
    description = Text()
    tips = Text(help_text="Before you go.")
    related_event = Computed(
        lambda route, lang: _event_ref(route.related_event if route.related_event_id else None, lang),
        PlaceRefSerializer(allow_null=True),
        help_text="The expo or festival this route is made for.",
    )


def _event_ref(event, lang):
    if event is None or not event.is_live():
        return None
    return {"slug": event.slug, "name": text(event, lang, "title"), "api_url": api_url("event", event.slug)}


class SlotSerializer(serializers.Serializer):
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    capacity = serializers.IntegerField(help_text="Persons: pupils, teachers and other staff together.")
    places_left = serializers.IntegerField(help_text="Persons, counted live from the bookings holding places.")
    bookable = serializers.BooleanField(help_text="Room left for at least the programme's smallest group.")


def _slots(programme, lang):
    return [
        {
            "start": serializers.DateTimeField().to_representation(slot.start),
            "end": serializers.DateTimeField().to_representation(slot.end),
            "capacity": slot.capacity,
            "places_left": slot.places_left(),
            "bookable": slot.places_for_a_group() > 0,
        }
        for slot in programme.coming_slots
    ]


def _grades(programme, lang):
    return [band.value for band in programme.grade_bands()]


def _grade_labels(programme, lang):
    return [in_each_language(lang, lambda band=band: band.label) for band in programme.grade_bands()]


class ProgrammeSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    title = Text()
    summary = Text()
    site = Computed(lambda p, lang: _place_ref(p.site, lang, "site"), PlaceRefSerializer())
    grades = Computed(_grades, serializers.ListField(child=serializers.ChoiceField(choices=GradeBand.choices)))
    grade_labels = Computed(_grade_labels, {"type": "array", "items": TEXT_SCHEMA})
    duration_minutes = serializers.IntegerField()
    group_min = serializers.IntegerField(help_text="Fewest pupils.")
    group_max = serializers.IntegerField(help_text="Most pupils.")
    pupils_per_teacher = serializers.IntegerField(help_text="A group brings a teacher for every this many pupils.")
    safety_officers_per_group = serializers.IntegerField()
    tutors_per_group = serializers.IntegerField()
    price_per_pupil = serializers.FloatField(help_text="Yuan (CNY); 0 is free. Teachers go free.")
    lead_days = serializers.IntegerField(help_text="Book at least this many days ahead.")
    next_slot_start = serializers.DateTimeField(
        allow_null=True, help_text="The first slot still open for booking with room for a group."
    )
    booking_phone = Computed(lambda p, lang: p.contact_phone, serializers.CharField(help_text="Public booking phone."))
    booking_email = Computed(lambda p, lang: p.contact_email, serializers.CharField(help_text="Public booking email."))
    url = PageUrl()
    api_url = ApiUrl("programme")
    updated_at = serializers.DateTimeField()


class ProgrammeDetailSerializer(ProgrammeSerializer):
    learning = Text(help_text="What pupils learn.")
    safety = Text()
    slots = Computed(
        _slots, SlotSerializer(many=True), help_text="Slots open for booking requests, soonest first (at most 60)."
    )


VOCABULARIES = {
    "site_levels": DemonstrationLevel,
    "heritage_levels": HeritageLevel,
    "heritage_states": HeritageState,
    "industries": Industry,
    "districts": District,
    "audiences": Audience,
    "event_kinds": EventKind,
    "route_themes": Theme,
    "grades": GradeBand,
}


def _term_serializer(name, choices):
    fields = {"code": serializers.ChoiceField(choices=choices.choices), "label": Text(name="label")}
    class_name = "".join(part.title() for part in name.split("_")) + "Term"
    return type(class_name, (serializers.Serializer,), fields)


VocabulariesSerializer = type(
    "VocabulariesSerializer",
    (serializers.Serializer,),
    {name: _term_serializer(name, choices)(many=True) for name, choices in VOCABULARIES.items()},
)
