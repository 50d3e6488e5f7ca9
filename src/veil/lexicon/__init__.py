"""Language knowledge shared by the stages: morphology, name tables and spelling variants.

Detecting, linking and deciding all need to know that "Алёшеньке" is a form of "Алексей" or that
"Волковой" is a feminine surname in the genitive; that knowledge lives here, once, per language
(``lexicon/ru``), and the stages' language folders (``detecting/ru``, ``linking/ru``, ``deciding/ru``)
use it.
"""
