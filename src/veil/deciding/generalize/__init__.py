"""Generalizing quasi-identifiers: one generalizer per fine type, registered in :data:`GENERALIZERS`.

The contract is in :mod:`~veil.deciding.generalize.base`; the built-ins are grouped by what they describe
(``ages``, ``dates``, ``places``, ``institutions``, ``people`` for occupations and family, ``traits`` for
who a person is, ``amounts`` for money and durations), with the English and Russian wording helpers in
``en`` and ``ru``. README.md lists every level a project can choose with the ``generalize`` setting.
"""

from veil.deciding.generalize import ages, amounts, dates, institutions, people, places, traits  # noqa: F401
from veil.deciding.generalize.base import GENERALIZERS, Generalize, Generalizer, check_levels

__all__ = ["GENERALIZERS", "Generalize", "Generalizer", "check_levels"]
