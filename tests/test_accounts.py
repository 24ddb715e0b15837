import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.mail import EmailMultiAlternatives

pytestmark = pytest.mark.django_db

AXES_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """Run what a request queued for its commit (the reset mail's task) as the request ends."""

    def post(client, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(*args, **kwargs)

    return post


@pytest.fixture
def staff():
    return User.objects.create_user("editor", "editor@example.org", "a-long-Pass-phrase-42", is_staff=True)


def _sign_in(client, password):
    return client.post("/admin/login/", {"username": "editor", "password": password, "next": "/admin/"})


def test_staff_member_is_locked_out_after_five_failed_sign_ins(client, staff, settings):
    settings.AUTHENTICATION_BACKENDS = AXES_BACKENDS
    for _ in range(5):
        _sign_in(client, "wrong")
    response = _sign_in(client, "a-long-Pass-phrase-42")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_correct_password_before_the_limit_signs_in(client, staff, settings):
    settings.AUTHENTICATION_BACKENDS = AXES_BACKENDS
    _sign_in(client, "wrong")
    response = _sign_in(client, "a-long-Pass-phrase-42")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(staff.pk)


def test_password_reset_sends_a_link_by_email(client, staff, sent):
    response = sent(client, "/admin/password_reset/", {"email": "editor@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/admin/reset/" in mail.outbox[0].body


def test_the_admin_login_page_offers_password_reset(client):
    assert "/admin/password_reset/" in client.get("/admin/login/").content.decode()


def test_weak_passwords_are_refused():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ["12345678", "password123", "zhuzhou"]:
        with pytest.raises(ValidationError):
            validate_password(weak)


def test_sessions_expire(settings):
    assert settings.SESSION_COOKIE_AGE <= 12 * 3600
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


def test_password_reset_requests_are_limited_per_email(client, staff, settings, sent):
    settings.PASSWORD_RESET_RATE_LIMIT = (3, 3600)
    statuses = [
        sent(
            client, "/en/admin/password_reset/", {"email": "Editor@example.org"}, REMOTE_ADDR=f"10.0.0.{n}"
        ).status_code
        for n in range(5)
    ]
    assert statuses == [302, 302, 302, 429, 429]
    assert len(mail.outbox) == 3
    response = client.post("/en/admin/password_reset/", {"email": "editor@example.org"}, REMOTE_ADDR="10.0.0.9")
    assert "Too many password reset requests" in response.content.decode()


def test_password_reset_requests_are_limited_per_address(client, staff, settings, sent):
    settings.PASSWORD_RESET_RATE_LIMIT = (3, 3600)
    statuses = [
        sent(client, "/admin/password_reset/", {"email": f"someone{n}@example.org"}).status_code for n in range(5)
    ]
    assert statuses == [302, 302, 302, 429, 429]
    refused = sent(client, "/admin/password_reset/", {"email": "editor@example.org"})
    assert "密码重置请求过于频繁" in refused.content.decode()
    assert mail.outbox == []


def test_a_limited_password_reset_sends_nothing_even_for_a_real_account(client, staff, settings, sent):
    settings.PASSWORD_RESET_RATE_LIMIT = (1, 3600)
    sent(client, "/admin/password_reset/", {"email": "nobody@example.org"})
    assert sent(client, "/admin/password_reset/", {"email": "editor@example.org"}).status_code == 429
    assert mail.outbox == []


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/", "/\\evil.example/", ""])
def test_after_signing_in_with_an_unsafe_next_staff_land_on_the_admin(client, staff, next_url):
    response = client.post(
        "/admin/login/?next=" + next_url,
        {"username": "editor", "password": "a-long-Pass-phrase-42", "next": next_url},
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get(response["Location"]).status_code == 200


def test_the_reset_mail_is_sent_by_a_worker_and_retried(client, staff, sent, settings, monkeypatch):
    settings.TASK_RETRY_DELAYS = [60]
    calls = []
    real_send = EmailMultiAlternatives.send

    def flaky(message, *args, **kwargs):
        calls.append(message.to)
        if len(calls) == 1:
            raise ConnectionRefusedError("smtp down")
        return real_send(message, *args, **kwargs)

    monkeypatch.setattr(EmailMultiAlternatives, "send", flaky)
    assert client.post("/admin/password_reset/", {"email": "editor@example.org"}).status_code == 302
    assert calls == [] and mail.outbox == []  # nothing sent in the request itself
    sent(client, "/admin/password_reset/", {"email": "editor@example.org"})
    assert calls == [["editor@example.org"], ["editor@example.org"]]
    assert len(mail.outbox) == 1 and "/admin/reset/" in mail.outbox[0].body
