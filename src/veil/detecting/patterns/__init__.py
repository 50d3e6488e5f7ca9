"""Pattern detectors: one module per kind of identifier, for every language (direct ones, plus dates in
digits and sums of money).

Importing this package registers them all in :data:`veil.detecting.base.DETECTORS`.
"""

from veil.detecting.patterns import (  # noqa: F401
    addresses,
    cards,
    case_numbers,
    dates,
    email,
    handles,
    id_documents,
    money,
    phone,
    plates,
    ru_documents,
)
