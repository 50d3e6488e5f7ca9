"""What a redacted identifier becomes: a short bracketed description in the text's language.

Redaction is for what has no useful generalisation (numbers, addresses, accounts); the placeholder still
tells the reader what kind of thing was there, so the sentence keeps its sense.
"""

from __future__ import annotations

PLACEHOLDERS: dict[str, dict[str, str]] = {
    "phone": {"en": "[phone number]", "ru": "[номер телефона]"},
    "email": {"en": "[e-mail]", "ru": "[эл. почта]"},
    "handle": {"en": "[username]", "ru": "[имя пользователя]"},
    "profile-url": {"en": "[profile link]", "ru": "[ссылка на профиль]"},
    "url": {"en": "[link]", "ru": "[ссылка]"},
    "passport": {"en": "[passport number]", "ru": "[номер паспорта]"},
    "snils": {"en": "[insurance number]", "ru": "[СНИЛС]"},
    "inn": {"en": "[tax number]", "ru": "[ИНН]"},
    "military-id": {"en": "[military ID number]", "ru": "[номер военного билета]"},
    "card": {"en": "[card number]", "ru": "[номер карты]"},
    "iban": {"en": "[bank account]", "ru": "[номер счёта]"},
    "licence-plate": {"en": "[licence plate]", "ru": "[госномер]"},
    "address": {"en": "[address]", "ru": "[адрес]"},
    "case-number": {"en": "[case number]", "ru": "[номер дела]"},
    "person": {"en": "[name]", "ru": "[имя]"},
    "denied": {"en": "[removed]", "ru": "[удалено]"},
}
BY_LABEL: dict[str, dict[str, str]] = {
    "PERSON": {"en": "[person]", "ru": "[человек]"},
    "CODE": {"en": "[number]", "ru": "[номер]"},
    "LOC": {"en": "[place]", "ru": "[место]"},
    "ORG": {"en": "[organisation]", "ru": "[организация]"},
    "DEM": {"en": "[detail]", "ru": "[деталь]"},
    "DATETIME": {"en": "[date]", "ru": "[дата]"},
    "QUANTITY": {"en": "[number]", "ru": "[число]"},
    "MISC": {"en": "[detail]", "ru": "[деталь]"},
}


def placeholder(type_: str, label: str, lang: str) -> str:
    """The bracketed placeholder for an identifier of ``type_`` (or, failing that, of ``label``)."""
    table = PLACEHOLDERS.get(type_) or BY_LABEL.get(label) or BY_LABEL["MISC"]
    return table.get(lang, table["en"])
