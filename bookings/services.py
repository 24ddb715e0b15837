"""Every write that consumes or frees places, or moves a booking on. Nothing else changes a booking's status.

The rule that keeps a slot from being overbooked: in one transaction, lock the slot row, *then* count the
persons held by its live bookings, then insert. Two requests for the same slot queue on the lock, so the second
counts the first one's booking. Mail goes out only once the transaction has committed.
"""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bookings import mail
from bookings.models import (
    GRADE_BANDS,
    Booking,
    BookingStatus,
    SlotStatus,
    TimeSlot,
    new_reference,
    pupils_field,
)

MAX_SLOTS_PER_RUN = 500


class BookingError(Exception):
    """A request the rules refuse. `field` names the form field the message belongs to, if any."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.message = message
        self.field = field


class NotEnoughPlaces(BookingError):
    pass


def _slot_for_update(slot_id):
    # of=("self",): lock only the slot row, not the programme and site it is joined to.
    queryset = TimeSlot.objects.select_related("programme__site").select_for_update(of=("self",))
    try:
        return queryset.get(pk=slot_id)
    except (TimeSlot.DoesNotExist, ValueError, TypeError):
        raise BookingError(_("This time slot does not exist. Choose one from the list."), field="slot") from None


def create_booking(
    *,
    slot_id,
    school,
    organiser_name,
    organiser_phone,
    organiser_email,
    pupils,
    teachers,
    safety_officers=0,
    tutors=0,
    special_needs="",
    language="zh-hans",
    submission_key=None,
    now=None,
):
    """Book places on a slot for a group; `pupils` maps grade bands to head counts.

    Returns (booking, created). A second submission with the same `submission_key` returns the first booking.
    Raises BookingError (NotEnoughPlaces when the slot is too full) and saves nothing.
    """
    now = now or timezone.now()
    pupils = {band: int(pupils.get(band, 0) or 0) for band in GRADE_BANDS}
    with transaction.atomic():
        slot = _slot_for_update(slot_id)
        if submission_key:
            earlier = Booking.objects.filter(submission_key=submission_key).first()
            if earlier is not None:
                if earlier.slot_id != slot.pk:
                    raise BookingError(_("This form was already sent for another time slot. Reload the page."))
                return earlier, False
        _check_request(slot, pupils, (teachers, safety_officers, tutors), now)
        persons = sum(pupils.values()) + teachers + safety_officers + tutors
        held = slot.persons_held(now)
        left = max(slot.capacity - held, 0)
        if persons > left:
            raise NotEnoughPlaces(
                _("Not enough places: %(left)d left on this slot, and your group is %(persons)d persons.")
                % {"left": left, "persons": persons}
            )
        booking = Booking(
            slot=slot,
            school=school,
            organiser_name=organiser_name,
            organiser_phone=organiser_phone,
            organiser_email=organiser_email,
            teachers=teachers,
            safety_officers=safety_officers,
            tutors=tutors,
            special_needs=special_needs,
            language=language,
            submission_key=submission_key or None,
            created_at=now,
            expires_at=min(now + datetime.timedelta(days=settings.BOOKING_REQUEST_EXPIRY_DAYS), slot.start),
            **{pupils_field(band): count for band, count in pupils.items()},
        )
        _validate(booking)
        _record_as(booking, actor="organiser", at=now)
        try:
            _save_with_new_reference(booking)
        except IntegrityError:
            # The same form sent for two slots at once: the other request took the key first.
            if submission_key and Booking.objects.filter(submission_key=submission_key).exists():
                raise BookingError(_("This form was already sent for another time slot. Reload the page.")) from None
            raise
        mail.send_on_commit(booking, "requested")
        if slot.programme.contact_email:
            mail.send_on_commit(booking, "new_request_staff")
    return booking, True


def _check_request(slot, pupils, staff, now):
    """`staff`: (teachers, safety officers, tutors)."""
    reason = slot.unavailable_reason(now)
    if reason:
        raise BookingError(reason, field="slot")
    if any(count < 0 for count in [*pupils.values(), *staff]):
        raise BookingError(_("Head counts cannot be negative."))
    errors = slot.programme.group_errors(pupils, *staff)
    if errors:
        field, message = next(iter(errors.items()))
        raise BookingError(message, field=field)


def _validate(obj):
    try:
        obj.full_clean(exclude=["reference", "slot", "programme"], validate_unique=False)
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise BookingError(messages[0], field=None if field == "__all__" else field) from None


def _save_with_new_reference(booking, attempts=5):
    for _attempt in range(attempts):
        booking.reference = new_reference()
        try:
            with transaction.atomic():
                booking.save(force_insert=True)
            return
        except IntegrityError:
            if not Booking.objects.filter(reference=booking.reference).exists():
                raise
    raise IntegrityError("no free booking reference after several attempts")


def _record_as(booking, *, actor, user=None, at=None):
    """Who and when, for the history row the next save of `booking` writes: its status log (Booking.status_log)."""
    booking._change_reason = actor  # "staff", "organiser" or "system"
    booking._history_user = user if user is not None and user.is_authenticated else None
    booking._history_date = at or timezone.now()


# State changes ------------------------------------------------------------------------------------------------


def _booking_for_update(booking):
    return Booking.objects.select_for_update(of=("self",)).select_related("slot__programme__site").get(pk=booking.pk)


def _require_manager(user, booking):
    if not booking.slot.programme.site.is_managed_by(user):
        raise PermissionDenied(_("You cannot manage the bookings of this site."))


def _move(booking, to, *, actor, user=None, note="", now, mail_kind=None):
    """Lock the booking, check the move is allowed, record it and queue the mail."""
    if not booking.can_move_to(to):
        raise BookingError(
            _("A booking that is %(status)s cannot become %(to)s.")
            % {"status": booking.get_status_display().lower(), "to": BookingStatus(to).label.lower()}
        )
    booking.status = to
    if note:
        booking.status_note = note[:500]
    if to in (BookingStatus.CONFIRMED, BookingStatus.DECLINED):
        booking.answered_at = now
    _record_as(booking, actor=actor, user=user, at=now)
    booking.save(update_fields=["status", "status_note", "answered_at", "updated_at"])
    if mail_kind:
        mail.send_on_commit(booking, mail_kind)
    return booking


@transaction.atomic
def confirm_booking(*, booking, user, now=None):
    now = now or timezone.now()
    booking = _booking_for_update(booking)
    _require_manager(user, booking)
    if booking.status == BookingStatus.REQUESTED and booking.expires_at <= now:
        raise BookingError(_("This request has expired and no longer holds its places; it cannot be confirmed."))
    if booking.slot.start <= now:
        raise BookingError(_("The visit has already started."))
    return _move(booking, BookingStatus.CONFIRMED, actor="staff", user=user, now=now, mail_kind="confirmed")


@transaction.atomic
def decline_booking(*, booking, user, reason, now=None):
    now = now or timezone.now()
    reason = (reason or "").strip()
    if not reason:
        raise BookingError(_("Give the organiser a reason for declining."), field="reason")
    booking = _booking_for_update(booking)
    _require_manager(user, booking)
    return _move(booking, BookingStatus.DECLINED, actor="staff", user=user, note=reason, now=now, mail_kind="declined")


@transaction.atomic
def cancel_booking(*, booking, user=None, reason="", now=None):
    """Cancel a live booking and free its places: by the organiser (user None) until the cut-off, or by staff."""
    now = now or timezone.now()
    booking = _booking_for_update(booking)
    if user is None:
        if booking.is_live and not booking.can_cancel(now):
            raise BookingError(_("It is too late to cancel online. Please call the site."))
        actor = "organiser"
    else:
        _require_manager(user, booking)
        actor = "staff"
    return _move(booking, BookingStatus.CANCELLED, actor=actor, user=user, note=reason, now=now, mail_kind="cancelled")


def _mark_visit(booking, to, user, now):
    now = now or timezone.now()
    with transaction.atomic():
        booking = _booking_for_update(booking)
        _require_manager(user, booking)
        if booking.slot.start > now:
            raise BookingError(_("Attendance can be recorded once the visit has started."))
        return _move(booking, to, actor="staff", user=user, now=now)


def mark_attended(*, booking, user, now=None):
    return _mark_visit(booking, BookingStatus.ATTENDED, user, now)


def mark_no_show(*, booking, user, now=None):
    return _mark_visit(booking, BookingStatus.NO_SHOW, user, now)


def expire_requests(*, now=None):
    """Expire every request past its deadline (they stopped holding places then). Returns how many."""
    now = now or timezone.now()
    overdue = Booking.objects.filter(status=BookingStatus.REQUESTED, expires_at__lte=now).values_list("pk", flat=True)
    expired = 0
    for pk in list(overdue):
        with transaction.atomic():
            booking = Booking.objects.select_for_update(of=("self",)).filter(pk=pk).first()
            # Staff may have answered it since the list was read.
            if booking is None or booking.status != BookingStatus.REQUESTED:
                continue
            _move(booking, BookingStatus.EXPIRED, actor="system", now=now, mail_kind="expired")
            expired += 1
    return expired


def queue_reminders(*, now=None):
    """Queue the day-before reminder of every confirmed booking whose visit is tomorrow (Beijing time). A booking
    is reminded once, so the command may run every hour. Returns how many were queued."""
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + datetime.timedelta(days=1)
    due = Booking.objects.filter(
        status=BookingStatus.CONFIRMED, slot__start__date=tomorrow, contact_erased_at__isnull=True
    ).exclude(mails__kind="reminder")
    queued = 0
    for booking in due.select_related("slot"):
        with transaction.atomic():
            queued += mail.send_on_commit(booking, "reminder")
    return queued


def erase_contacts(*, now=None):
    """Erase organisers' contact data and notes a retention period after the visit; head counts stay. Every copy
    goes: the booking, its history rows (which never hold the contact fields) and the notes of its status log."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.BOOKING_CONTACT_RETENTION_DAYS)
    with transaction.atomic():
        due = Booking.objects.filter(slot__end__lt=cutoff, contact_erased_at__isnull=True)
        # The copies first: the last update takes the bookings out of `due`.
        Booking.history.filter(id__in=due.values("pk")).update(special_needs="", status_note="")
        return due.update(
            organiser_name="",
            organiser_phone="",
            organiser_email="",
            special_needs="",
            status_note="",
            # A new secret kills the manage link, which would show nothing useful any more.
            secret="",
            contact_erased_at=now,
        )


# Slots --------------------------------------------------------------------------------------------------------


def _require_slot_manager(user, programme):
    if user is not None and not programme.site.is_managed_by(user):
        raise PermissionDenied(_("You cannot manage the slots of this site."))


def generate_slots(*, programme, first_day, last_day, weekdays, times, capacity, user=None):
    """A season of slots: one at each of `times` on each of `weekdays` (0 = Monday) between the two days.

    Slots that already exist at the same start are kept as they are. Returns (created, skipped).
    """
    _require_slot_manager(user, programme)
    if last_day < first_day:
        raise BookingError(_("The last day is before the first day."), field="last_day")
    days = [first_day + datetime.timedelta(days=n) for n in range((last_day - first_day).days + 1)]
    zone = timezone.get_current_timezone()
    starts = [
        datetime.datetime.combine(day, at, tzinfo=zone) for day in days if day.weekday() in weekdays for at in times
    ]
    if len(starts) > MAX_SLOTS_PER_RUN:
        raise BookingError(
            _("That would make %(n)d slots; make at most %(max)d at a time.")
            % {"n": len(starts), "max": MAX_SLOTS_PER_RUN}
        )
    duration = datetime.timedelta(minutes=programme.duration_minutes)
    with transaction.atomic():
        existing = set(programme.slots.filter(start__in=starts).values_list("start", flat=True))
        new = [
            TimeSlot(programme=programme, start=start, end=start + duration, capacity=capacity)
            for start in starts
            if start not in existing
        ]
        for slot in new:
            _validate(slot)
        TimeSlot.objects.bulk_create(new)
    return len(new), len(starts) - len(new)


def check_capacity(slot, capacity, now=None):
    """Refuse a capacity below what the slot's live bookings hold. Locks the slot: call inside a transaction."""
    if slot.pk is None:
        return
    locked = _slot_for_update(slot.pk)
    held = locked.persons_held(now or timezone.now())
    if capacity < held:
        raise BookingError(
            _("Bookings already hold %(held)d places on this slot; the capacity cannot go below that.")
            % {"held": held},
            field="capacity",
        )


@transaction.atomic
def set_capacity(*, slot, capacity, user=None, now=None):
    _require_slot_manager(user, slot.programme)
    check_capacity(slot, capacity, now)
    slot.capacity = capacity
    slot.full_clean(validate_unique=False)
    slot.save(update_fields=["capacity"])
    return slot


@transaction.atomic
def set_slot_status(*, slot, status, user=None, reason="", now=None):
    """Close, reopen or cancel a slot. Cancelling cancels its live bookings, and their organisers are told."""
    now = now or timezone.now()
    _require_slot_manager(user, slot.programme)
    slot = _slot_for_update(slot.pk)
    if slot.status == SlotStatus.CANCELLED and status != SlotStatus.CANCELLED:
        raise BookingError(_("A cancelled slot stays cancelled; create a new one."))
    slot.status = status
    slot.save(update_fields=["status"])
    cancelled = 0
    if status == SlotStatus.CANCELLED:
        live = slot.bookings.select_for_update(of=("self",)).filter(
            status__in=[BookingStatus.REQUESTED, BookingStatus.CONFIRMED]
        )
        note = reason or _("The site cancelled this time slot.")
        for booking in live.select_related("slot__programme__site"):
            _move(booking, BookingStatus.CANCELLED, actor="staff", user=user, note=note, now=now, mail_kind="cancelled")
            cancelled += 1
    return cancelled
