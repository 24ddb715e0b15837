from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path

from core import accounts, media
from core import admin as core_admin
from zhuzhou_tourism import views
from zhuzhou_tourism.sitemaps import SITEMAPS

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    # The open data API: one address for every language (lang= or Accept-Language chooses).
    path("api/v1/", include("api.urls")),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("", include("sites.urls")),
    path("events/", include("events.urls")),
    path("routes/", include("itineraries.urls")),
    path("study-tours/", include("bookings.urls")),
    path("figures/", include("stats.urls")),
    path("demonstration-points/", include("accreditation.urls")),
    path("invest/", include("invest.urls")),
    path("gifts/", include("gifts.urls")),
    path(f"{settings.ADMIN_URL}password_reset/", accounts.PasswordResetView.as_view(), name="admin_password_reset"),
    path(
        f"{settings.ADMIN_URL}password_reset/done/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        f"{settings.ADMIN_URL}reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        f"{settings.ADMIN_URL}reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path(f"{settings.ADMIN_URL}office/", include("office.urls")),
    path(f"{settings.ADMIN_URL}statistics/", include("stats.staff_urls")),
    path(f"{settings.ADMIN_URL}accreditation/desk/", include("accreditation.staff_urls")),
    # Before the admin's own: the shortcut answers only for objects the user may open in the admin.
    path(
        f"{settings.ADMIN_URL}r/<int:content_type_id>/<path:object_id>/",
        admin.site.admin_view(core_admin.view_on_site),
    ),
    path(settings.ADMIN_URL, admin.site.urls),
    prefix_default_language=False,
)

# Renditions missing on disk are made on their first request: a front server serving /media/ passes misses on.
urlpatterns += [re_path(r"^media/(?P<path>renditions/.*)$", media.serve_rendition)]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", media.serve_media),
    ]

handler400 = "zhuzhou_tourism.views.bad_request"
handler404 = "zhuzhou_tourism.views.page_not_found"
handler500 = "zhuzhou_tourism.views.server_error"
