"""Russian surrogates: the pseudonym written in the case, number and register of each mention."""

from veil.deciding.ru import render  # noqa: F401  (registers the Russian renderer)
