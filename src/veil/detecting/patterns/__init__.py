"""Pattern detectors for direct identifiers: one module per kind of identifier, for every language.

Importing this package registers them all in :data:`veil.detecting.base.DETECTORS`.
"""

from veil.detecting.patterns import (  # noqa: F401
    addresses,
    cards,
    case_numbers,
    email,
    handles,
    phone,
    plates,
    ru_documents,
)
