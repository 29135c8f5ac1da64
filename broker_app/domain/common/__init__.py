"""Rules every feature shares: vocabularies, the domain error, text, phones, coercion."""
