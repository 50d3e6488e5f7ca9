"""Reference knowledge about the world: places (GeoNames) and population statistics.

Detectors use the gazetteer to recognise place names, generalizers to describe a place less precisely
("a city in the Urals"), and the risk assessor to count how many people a description fits. The tables
live in ``veil/data/reference`` with their sources and licences.
"""

from veil.reference.places import Country, Gazetteer, Place, gazetteer

__all__ = ["Country", "Gazetteer", "Place", "gazetteer"]
