"""Matching: recommendations, profiles from the database, the match workflow."""
