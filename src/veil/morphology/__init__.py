"""Morphology shared by the stages (Russian inflection and case)."""
