"""Django settings for the review app, built from a project folder and an optional database URL.

The app is configured in code rather than from a settings module, because one ``veil`` process serves one
project: the project folder decides where the embedded SQLite database and the session-signing key live,
and ``--database postgresql://user@host:port/name`` moves the app's own tables (users, sessions, review
state) to a team server. Everything here is a secure default: DEBUG is always off, passwords are hashed
with Argon2, cookies are HttpOnly and SameSite=Strict (and Secure whenever the request came over TLS, see
:mod:`veil.review.middleware`), and error logs carry no tracebacks, since those can quote document text.

The vault passphrase is never part of the settings: it is used once, at start, to open the project.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from veil.errors import ErrorCode, VeilError

APP_FOLDER = "review"
SECRET_FILE = "secret.key"  # noqa: S105 - a file name, not a secret
SQLITE_FILE = "review.sqlite3"
SESSION_HOURS = 8
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class ServerConfig:
    """Where the app keeps its tables and which host names it answers to."""

    project: Path
    database: str | None = None
    hosts: tuple[str, ...] = ("127.0.0.1", "localhost")
    trust_proxy: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def folder(self) -> Path:
        return self.project / APP_FOLDER


def database_settings(url: str | None, folder: Path) -> dict[str, Any]:
    """Django's ``DATABASES['default']`` for ``url`` (None: SQLite in the project's review folder)."""
    if not url:
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(folder / SQLITE_FILE),
                "OPTIONS": {"init_command": "PRAGMA journal_mode=WAL; PRAGMA secure_delete=ON; PRAGMA foreign_keys=ON;",
                            "transaction_mode": "IMMEDIATE", "timeout": 20}}  # fmt: skip
    parts = urlsplit(url)
    if parts.scheme in {"sqlite", "sqlite3"}:
        return {**database_settings(None, folder), "NAME": unquote(parts.path)}
    if parts.scheme not in {"postgres", "postgresql"}:
        raise VeilError(ErrorCode.USAGE, "--database must be a postgresql:// or sqlite:// URL")
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": unquote(parts.path.lstrip("/")) or "veil",
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": parts.hostname or "",
        "PORT": str(parts.port or ""),
        "CONN_MAX_AGE": 60,
    }


def secret_key(folder: Path) -> str:
    """The key that signs sessions and CSRF tokens: random, made once per project, readable by its owner only."""
    path = folder / SECRET_FILE
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(secrets.token_urlsafe(48))
    return path.read_text(encoding="ascii").strip()


def _logging() -> dict[str, Any]:
    """Errors are logged as one line (status and path, which holds ids only), never with a traceback."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"no_details": {"()": "veil.review.logs.NoDetails"}},
        "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["no_details"]}},
        "loggers": {
            "django": {"handlers": ["console"], "level": "WARNING", "propagate": False},
            "veil": {"handlers": ["console"], "level": "INFO", "propagate": False},
        },
    }


def _security(config: ServerConfig) -> dict[str, Any]:
    proxy = {"SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https")} if config.trust_proxy else {}
    return {
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Strict",
        "SESSION_COOKIE_AGE": SESSION_HOURS * 3600,
        "SESSION_EXPIRE_AT_BROWSER_CLOSE": True,
        "CSRF_COOKIE_HTTPONLY": True,
        "CSRF_COOKIE_SAMESITE": "Strict",
        "X_FRAME_OPTIONS": "DENY",
        "SECURE_CONTENT_TYPE_NOSNIFF": True,
        "SECURE_REFERRER_POLICY": "same-origin",
        "SECURE_CROSS_ORIGIN_OPENER_POLICY": "same-origin",
        "PASSWORD_HASHERS": ["django.contrib.auth.hashers.Argon2PasswordHasher"],
        "AUTH_PASSWORD_VALIDATORS": [
            {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
            {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
            {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
        ],
        **proxy,
    }


def django_settings(config: ServerConfig) -> dict[str, Any]:
    """The full settings mapping for ``django.conf.settings.configure``."""
    return {
        "DEBUG": False,
        "SECRET_KEY": secret_key(config.folder),
        "ALLOWED_HOSTS": list(config.hosts),
        "ROOT_URLCONF": "veil.review.urls",
        "INSTALLED_APPS": [
            "django.contrib.auth",
            "django.contrib.contenttypes",
            "django.contrib.sessions",
            "django.contrib.messages",
            "django.contrib.staticfiles",
            "veil.review.apps.ReviewConfig",
        ],
        "MIDDLEWARE": [
            "django.middleware.security.SecurityMiddleware",
            "whitenoise.middleware.WhiteNoiseMiddleware",
            "veil.review.middleware.SecureHeaders",
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.middleware.common.CommonMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware",
            "django.contrib.auth.middleware.AuthenticationMiddleware",
            "veil.review.middleware.LoginRequired",
            "django.contrib.messages.middleware.MessageMiddleware",
            "django.middleware.clickjacking.XFrameOptionsMiddleware",
            "veil.review.middleware.VeilErrors",
        ],
        "TEMPLATES": [
            {
                "BACKEND": "django.template.backends.django.DjangoTemplates",
                "APP_DIRS": True,
                "OPTIONS": {
                    "context_processors": [
                        "django.template.context_processors.request",
                        "django.contrib.auth.context_processors.auth",
                        "django.contrib.messages.context_processors.messages",
                        "veil.review.roles.role_context",
                    ]
                },
            }
        ],
        "DATABASES": {"default": database_settings(config.database, config.folder)},
        "DEFAULT_AUTO_FIELD": "django.db.models.BigAutoField",
        "CACHES": {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
        "STATIC_URL": "/static/",
        "WHITENOISE_USE_FINDERS": True,
        "WHITENOISE_AUTOREFRESH": False,
        "LOGIN_URL": "login",
        "CSRF_FAILURE_VIEW": "veil.review.views.common.csrf_failure",
        "LOGIN_REDIRECT_URL": "archive",
        "LOGOUT_REDIRECT_URL": "login",
        "USE_TZ": True,
        "TIME_ZONE": "UTC",
        "LANGUAGE_CODE": "en",
        # Uploads stay in memory (never a temporary file, which would hold the original on disk).
        "DATA_UPLOAD_MAX_MEMORY_SIZE": 2_621_440,
        "FILE_UPLOAD_MAX_MEMORY_SIZE": MAX_UPLOAD_BYTES,
        "FILE_UPLOAD_HANDLERS": ["django.core.files.uploadhandler.MemoryFileUploadHandler"],
        "LOGGING": _logging(),
        **_security(config),
        **config.extra,
    }


def configure(config: ServerConfig) -> None:
    """Configure Django for this process (once) and load the app."""
    import django
    from django.conf import settings

    if not settings.configured:
        config.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        settings.configure(**django_settings(config))
        django.setup()
