"""Russian linking: name keys (every case, diminutive and spelling of a name keys alike), roles from
morphology, and the inflected forms propagation searches for."""

from veil.linking.ru import forms, keys, roles  # noqa: F401  (register the Russian hooks)
