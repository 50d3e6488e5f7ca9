"""Russian surrogates: the pseudonym written in the case, number and register of each mention."""

from veil.deciding.ru import agreement, render  # noqa: F401  (register the Russian renderer and polisher)
