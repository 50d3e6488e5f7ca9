"""Response hardening and quiet logs.

:class:`SecureHeaders` adds a strict Content-Security-Policy (scripts and styles from the app's own static
files only, so an injected ``<script>`` cannot run) and marks the session and CSRF cookies ``Secure``
whenever the request came over TLS, directly or through a trusted proxy (``--trust-proxy``), so the same
server works on a laptop over plain HTTP on 127.0.0.1 and behind a newsroom's HTTPS proxy.
:class:`LoginRequired` is Django's login-required middleware (defence in depth behind each view's
declared roles) answering HTMX and API calls with 401 instead of a redirect. :class:`VeilErrors` turns a
:class:`~veil.errors.VeilError` a view meets (the vault busy with a command-line run, say) into an error
page with its safe message and code, instead of the bare "something went wrong" of an unexpected failure.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.http import HttpRequest, HttpResponse

from veil.errors import ErrorCode, VeilError
from veil.review.roles import refuse_anonymous

log = logging.getLogger("veil.review")

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)


class SecureHeaders:
    """Content-Security-Policy, no caching of pages, and Secure cookies over TLS."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        if not request.path.startswith(settings.STATIC_URL):
            response.headers.setdefault("Cache-Control", "no-store")
        if request.is_secure():
            for name in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME):
                if name in response.cookies:
                    response.cookies[name]["secure"] = True
        return response


class LoginRequired(LoginRequiredMiddleware):
    """Anonymous requests to any view not marked public: a redirect to login, or 401 for HTMX and the API."""

    def handle_no_permission(self, request: HttpRequest, view_func: Any) -> HttpResponse:
        return refuse_anonymous(request)


class VeilErrors:
    """A :class:`VeilError` from a view: its message (safe: never document text) and code, as a page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, VeilError):
            return None
        from veil.review.views.common import error_page  # views import models: only once Django is set up

        log.warning("request failed: [%s]", exception.code.value)
        busy = exception.code == ErrorCode.VAULT_LOCKED
        title = "The project is busy" if busy else "This could not be done"
        advice = " Try again in a moment." if busy else ""
        return error_page(request, 503 if busy else 409, title, f"{exception.message} [{exception.code.value}]{advice}")
