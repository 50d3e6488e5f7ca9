"""Accounts and roles: a role is a Django group of the same name (see :mod:`veil.review.roles`)."""

from __future__ import annotations

from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction

from veil.errors import ErrorCode, VeilError
from veil.review.roles import Role, role_of


def add_user(name: str, role: str, password: str) -> None:
    """Create ``name`` with ``role``; the password must pass the validators and is stored as an Argon2 hash."""
    if role not in {r.value for r in Role}:
        raise VeilError(ErrorCode.USAGE, f"unknown role {role!r}; choose admin, editor or reviewer")
    model = get_user_model()
    if not name or model.objects.filter(username=name).exists():
        raise VeilError(ErrorCode.USAGE, "that user name is empty or already taken")
    user = model(username=name)
    try:
        password_validation.validate_password(password, user)
    except ValidationError as error:
        raise VeilError(ErrorCode.USAGE, " ".join(error.messages)) from None
    with transaction.atomic():
        user.set_password(password)
        user.save()
        user.groups.add(Group.objects.get_or_create(name=role)[0])


def list_users() -> list[tuple[str, str | None, bool]]:
    return [
        (u.username, role_of(u) if u.is_active else None, u.is_active)
        for u in get_user_model().objects.order_by("username")
    ]
