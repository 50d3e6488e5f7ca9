"""Response hardening and quiet logs.

:class:`SecureHeaders` adds a strict Content-Security-Policy (scripts and styles from the app's own static
files only, so an injected ``<script>`` cannot run) and marks the session and CSRF cookies ``Secure``
whenever the request came over TLS, directly or through a trusted proxy (``--trust-proxy``), so the same
server works on a laptop over plain HTTP on 127.0.0.1 and behind a newsroom's HTTPS proxy.
:class:`NoDetails` strips tracebacks from log records: a traceback can quote document text.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

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


class NoDetails(logging.Filter):
    """Keep the one-line message of a log record and drop its traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True
