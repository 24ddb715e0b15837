"""Back-office pages beside the model admin, all behind the admin login (admin_view)."""

from django.contrib import admin
from django.urls import path

from office import audit, exports, review

view = admin.site.admin_view

urlpatterns = [
    path("log/", view(audit.log_view), name="audit-log"),
    path("log/restore/<slug:kind>/<int:history_id>/", view(audit.restore_view), name="audit-restore"),
    path("review/", view(review.review_view), name="review-queue"),
    path("exports/", view(exports.exports_view), name="backoffice-exports"),
    path("exports/sites.csv", view(exports.sites_csv), name="export-sites"),
    path("exports/events.csv", view(exports.events_csv), name="export-events"),
    path("exports/official-counts.csv", view(exports.official_counts_csv), name="export-official-counts"),
]
