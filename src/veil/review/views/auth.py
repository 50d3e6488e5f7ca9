"""Signing in and out. The login page is the app's only public route; it is rate limited."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_POST

from veil.review import limiter
from veil.review.roles import EVERYONE, allow, public


class LimitedAuthenticationForm(AuthenticationForm):
    """Django's login form, refusing to check passwords while the account or address is paused."""

    def clean(self) -> dict[str, Any]:
        username = self.data.get("username", "")
        if limiter.blocked(self.request, username):
            raise ValidationError("Too many failed attempts. Wait a few minutes and try again.", code="throttled")
        try:
            data: dict[str, Any] = super().clean()
        except ValidationError:
            limiter.failed(self.request, username)
            raise
        limiter.succeeded(self.request, username)
        return data


@public
def login(request: HttpRequest) -> HttpResponse:
    view = auth_views.LoginView.as_view(
        template_name="review/login.html",
        authentication_form=LimitedAuthenticationForm,
        redirect_authenticated_user=True,
    )
    response: HttpResponse = view(request)
    return response


@allow(*EVERYONE)
@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    response: HttpResponse = auth_views.LogoutView.as_view()(request)
    return response
