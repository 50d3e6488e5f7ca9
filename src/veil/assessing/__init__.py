"""Assessing: sections added to an analysis after deciding (the re-identification risk report)."""

from veil.assessing import risk  # noqa: F401  (registers the built-in assessors)
