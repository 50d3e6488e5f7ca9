"""Russian language knowledge: pymorphy3 morphology (cached), given names with their diminutives and
other spellings, and rule-based declension for the name forms the dictionary does not know."""
