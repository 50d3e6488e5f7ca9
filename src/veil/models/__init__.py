"""Models that ship with Veil (each folder has a model card: data, licences, evaluation)."""
