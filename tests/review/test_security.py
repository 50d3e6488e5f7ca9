"""Secure defaults: cookies, CSRF, rate-limited login, quiet errors, no secret kept, no original on disk."""

from __future__ import annotations

import logging
import os

import pytest

from tests.review.conftest import PASSWORD


def _login(client, username: str, password: str):  # type: ignore[no-untyped-def]
    return client.post("/login/", {"username": username, "password": password}, REMOTE_ADDR="10.9.8.7")


def test_session_and_csrf_cookies_are_httponly_and_samesite(review_app) -> None:  # type: ignore[no-untyped-def]
    from django.test import Client

    client = Client()
    client.get("/login/")
    response = _login(client, "reviewer", PASSWORD)
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["httponly"]
    assert session["samesite"] == "Strict"
    assert not session["secure"]
    assert client.cookies["csrftoken"]["httponly"]


def test_cookies_are_secure_over_tls(review_app) -> None:  # type: ignore[no-untyped-def]
    from django.test import Client

    response = Client().post("/login/", {"username": "reviewer", "password": PASSWORD}, secure=True)
    assert response.cookies["sessionid"]["secure"]
    assert response.cookies["sessionid"]["samesite"] == "Strict"


def test_security_headers(client_as) -> None:  # type: ignore[no-untyped-def]
    response = client_as("editor").get("/")
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cache-Control"] == "no-store"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_csrf_protects_every_action(client_as) -> None:  # type: ignore[no-untyped-def]
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(get_user_model().objects.get(username="editor"))
    for path in ("/testimonies/1/decide/", "/testimonies/1/approve/", "/upload/", "/logout/"):
        assert client.post(path).status_code == 403, path


def test_login_is_rate_limited(review_app) -> None:  # type: ignore[no-untyped-def]
    from django.core.cache import cache
    from django.test import Client

    cache.clear()
    client = Client()
    for _ in range(5):
        assert _login(client, "editor", "wrong password").status_code == 200
    blocked = _login(client, "editor", PASSWORD)
    assert blocked.status_code == 200
    assert b"Too many failed attempts" in blocked.content
    cache.clear()
    assert _login(client, "editor", PASSWORD).status_code == 302


def test_passwords_are_hashed_with_argon2(review_app) -> None:  # type: ignore[no-untyped-def]
    from django.contrib.auth import get_user_model

    assert get_user_model().objects.get(username="editor").password.startswith("argon2$argon2id$")


@pytest.mark.parametrize(("path", "status"), [("/no-such-page/", 404), ("/testimonies/999999/", 404),
                                              ("/testimonies/1/export/nonsense/", 404)])  # fmt: skip
def test_errors_are_pages_not_tracebacks(client_as, path: str, status: int) -> None:  # type: ignore[no-untyped-def]
    response = client_as("editor").get(path)
    assert response.status_code == status
    assert b"Traceback" not in response.content
    assert b"<h1>" in response.content


def test_a_failing_view_gives_the_500_page_and_a_one_line_log(review_app) -> None:  # type: ignore[no-untyped-def]
    from django.contrib.auth import get_user_model
    from django.test import Client

    from veil.review import workspace
    from veil.review.logs import NoDetails
    from veil.review.models import Testimony

    pk = Testimony.objects.create(title="t", format="txt", status="review").pk
    client = Client(raise_request_exception=False)
    client.force_login(get_user_model().objects.get(username="editor"))
    real = workspace._current
    workspace._current = None  # any view that needs the workspace now fails unexpectedly
    try:
        response = client.get(f"/testimonies/{pk}/")
    finally:
        workspace._current = real
    assert response.status_code == 500
    assert b"Something went wrong" in response.content
    assert b"Traceback" not in response.content
    record = logging.LogRecord("django.request", logging.ERROR, "", 0, "boom %s", ("x",), (RuntimeError, None, None))
    NoDetails().filter(record)
    assert record.exc_info is None


def test_the_passphrase_is_read_once_and_removed_from_the_environment(monkeypatch) -> None:
    from veil.cli.serve import PASSPHRASE_VARIABLE, read_passphrase

    monkeypatch.setenv(PASSPHRASE_VARIABLE, "a long vault passphrase")
    assert read_passphrase() == "a long vault passphrase"
    assert PASSPHRASE_VARIABLE not in os.environ


def test_settings_hold_no_passphrase_and_debug_is_off(review_app) -> None:  # type: ignore[no-untyped-def]
    from django.conf import settings

    assert settings.DEBUG is False
    assert not any("passphrase" in name.lower() for name in dir(settings))
    assert oct((review_app.project / "review" / "secret.key").stat().st_mode & 0o777) == "0o600"


def test_nothing_under_the_project_holds_an_original(client_as, review_app) -> None:  # type: ignore[no-untyped-def]
    """Uploads stay in memory until the vault holds them: no file anywhere in the project quotes them."""
    from tests.conftest import EXAMPLES
    from tests.review.conftest import upload

    upload(client_as("editor"), EXAMPLES / "interview_ru.txt")
    secrets = ["Громов", "a.gromov@yandex.ru", "154-238-712 60"]
    for path in review_app.project.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for secret in secrets:
                assert secret.encode() not in data, f"{path.name} holds an identifier"


def test_many_failures_from_one_address_pause_it_for_every_account(review_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from django.core.cache import cache
    from django.test import Client

    from veil.review import limiter

    monkeypatch.setattr(limiter, "MAX_FAILURES_PER_ADDRESS", 7)  # each failure costs an Argon2 hash: keep it short
    cache.clear()
    client = Client()
    for attempt in range(7):
        _login(client, f"guess-{attempt}", "wrong password")
    assert b"Too many failed attempts" in _login(client, "reviewer", PASSWORD).content
    cache.clear()


def test_a_busy_vault_is_a_clear_message_and_nothing_is_approved(client_as, review_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from django.test import Client

    from tests.conftest import EXAMPLES
    from tests.review.conftest import upload
    from veil.errors import ErrorCode, VeilError
    from veil.review import workspace
    from veil.review.models import Testimony

    pk = upload(client_as("editor"), EXAMPLES / "interview_en.txt")

    def busy(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise VeilError(ErrorCode.VAULT_LOCKED, "the vault is in use by another Veil process")

    monkeypatch.setattr(workspace.current(), "record", busy)
    client: Client = client_as("editor")
    client.raise_request_exception = False
    for headers in ({}, {"HX-Request": "true"}):
        response = client.post(f"/testimonies/{pk}/approve/", headers=headers)
        assert response.status_code == 503
        assert b"in use by another Veil process [vault.locked]" in response.content
        assert b"Try again" in response.content
        assert b"Traceback" not in response.content
    assert Testimony.objects.get(pk=pk).status == "review"
