"""Demo data: a realistic synthetic station, in steps per feature."""
