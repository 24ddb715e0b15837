import secrets

from django.conf import settings
from django.contrib import messages
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from bookings import services
from bookings.filters import ProgrammeFilter
from bookings.forms import BookingForm, CancelForm
from bookings.models import Booking, StudyProgramme
from bookings.ratelimit import limit_posts
from core.listing import listing_context
from core.pagecache import cache_public_page, this_minute
from core.publishing import preview_context
from sites.models import SitePhoto

SLOTS_SHOWN = 60


def _programmes(request=None):
    """Published programmes; for staff (`request`), the drafts they may open too, to preview them."""
    photos = Prefetch("site__photos", queryset=SitePhoto.objects.order_by("position", "id"))
    programmes = StudyProgramme.objects.previewable(request) if request else StudyProgramme.objects.published()
    return programmes.for_listing().prefetch_related(photos)


@require_safe
@cache_public_page
def programme_list(request):
    # By title: an order that stays put from one page to the next, and that the database reaches without working
    # out the next date of every programme (sorting by it took 250 ms at 500 programmes); the cards on the page
    # show theirs.
    def filterset():
        return ProgrammeFilter(request.GET or None, queryset=_programmes().order_by("title_zh", "pk"))

    context = listing_context(request, ProgrammeFilter, filterset, f"programmes:{this_minute():%Y%m%d%H%M}")
    return render(request, "bookings/programme_list.html", context)


def _coming_slots(programme, now):
    return list(programme.slots.bookable_from(now).with_held(now).order_by("start")[:SLOTS_SHOWN])


@require_safe
@cache_public_page(detail=True)
def programme_detail(request, slug):
    programme = get_object_or_404(_programmes(request), slug=slug)
    slots = _coming_slots(programme, timezone.now())
    return render(
        request,
        "bookings/programme_detail.html",
        {
            "programme": programme,
            "site": programme.site,
            "slots": slots,
            "any_bookable": any(slot.places_for_a_group() for slot in slots),
            **preview_context(programme, programme.site),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts("booking")
def booking_create(request, slug):
    programme = get_object_or_404(_programmes(), slug=slug)
    slots = _coming_slots(programme, timezone.now())
    if request.method == "POST":
        form = BookingForm(request.POST, programme=programme, slots=slots)
        if form.is_valid():
            booking = _book(form)
            if booking is not None:
                return redirect("bookings:booking-received", reference=booking.reference, secret=booking.secret)
    else:
        initial = {"slot": request.GET.get("slot", "")[:20], "submission_key": secrets.token_urlsafe(24)}
        form = BookingForm(programme=programme, slots=slots, initial=initial)
    return render(
        request,
        "bookings/booking_form.html",
        {
            "programme": programme,
            "site": programme.site,
            "form": form,
            "slots": slots,
            "retention_days": settings.BOOKING_CONTACT_RETENTION_DAYS,
        },
    )


def _book(form):
    """Make the booking, or put the service's refusal on the form and return None."""
    data = form.cleaned_data
    try:
        booking, _created = services.create_booking(
            slot_id=data["slot"],
            school=data["school"],
            organiser_name=data["organiser_name"],
            organiser_phone=data["organiser_phone"],
            organiser_email=data["organiser_email"],
            pupils=form.pupils(),
            teachers=data["teachers"],
            safety_officers=data.get("safety_officers") or 0,
            tutors=data.get("tutors") or 0,
            special_needs=data["special_needs"],
            language=get_language(),
            submission_key=data["submission_key"] or None,
        )
    except services.BookingError as error:
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return None
    return booking


def _booking_or_404(reference, secret):
    booking = Booking.objects.select_related("slot__programme__site").filter(reference=reference.upper()[:16]).first()
    # Compared in constant time, so response times say nothing about how much of a guessed secret was right.
    if booking is None or not booking.secret or not constant_time_compare(booking.secret, secret):
        raise Http404("No such booking")
    return booking


def _booking_context(booking):
    return {
        "booking": booking,
        "slot": booking.slot,
        "programme": booking.slot.programme,
        "site": booking.slot.programme.site,
        "can_cancel": booking.can_cancel(timezone.now()),
        "cutoff_hours": settings.BOOKING_CANCEL_CUTOFF_HOURS,
        "retention_days": settings.BOOKING_CONTACT_RETENTION_DAYS,
    }


# The organiser's contact data: for their browser only, never a shared cache (nor the page cache).
@require_safe
@never_cache
def booking_received(request, reference, secret):
    booking = _booking_or_404(reference, secret)
    return render(request, "bookings/booking_received.html", _booking_context(booking))


@require_safe
@never_cache
def booking_manage(request, reference, secret):
    booking = _booking_or_404(reference, secret)
    return render(request, "bookings/booking_manage.html", _booking_context(booking))


@require_POST
def booking_cancel(request, reference, secret):
    booking = _booking_or_404(reference, secret)
    if not CancelForm(request.POST).is_valid():
        messages.error(request, _("Nothing was cancelled: tick “Yes, cancel this booking” to confirm."))
        return redirect("bookings:booking-manage", reference=booking.reference, secret=booking.secret)
    try:
        services.cancel_booking(booking=booking)
    except services.BookingError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your booking is cancelled and its places are freed."))
    return redirect("bookings:booking-manage", reference=booking.reference, secret=booking.secret)
