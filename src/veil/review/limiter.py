"""Login rate limiting: a few failures per account (and more per address), then a pause.

Failed attempts are counted in Django's cache under hashed keys (the user name and the client address,
never stored in plain form), for a window that starts at the first failure. The address allows more
failures than an account, since a newsroom's colleagues may all come through one proxy address. While
either count is at its limit, the login form refuses to check the password at all, so guessing is slow and costs the
attacker nothing but time. A successful login clears the account's count.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.http import HttpRequest

MAX_FAILURES = 5  # per account
MAX_FAILURES_PER_ADDRESS = 30
WINDOW_SECONDS = 15 * 60


def _keys(request: HttpRequest, username: str) -> list[str]:
    address = request.META.get("REMOTE_ADDR", "")
    return [
        "veil-login:" + hashlib.sha256(f"{kind}:{value}".encode()).hexdigest()
        for kind, value in (("user", username.casefold()), ("addr", address))
    ]


def blocked(request: HttpRequest, username: str) -> bool:
    """Whether this account or address has used up its attempts for now."""
    account, address = _keys(request, username)
    return int(cache.get(account, 0)) >= MAX_FAILURES or int(cache.get(address, 0)) >= MAX_FAILURES_PER_ADDRESS


def failed(request: HttpRequest, username: str) -> None:
    for key in _keys(request, username):
        if cache.add(key, 1, WINDOW_SECONDS):
            continue
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, WINDOW_SECONDS)


def succeeded(request: HttpRequest, username: str) -> None:
    cache.delete(_keys(request, username)[0])
