"""Matching workers and jobs: the engine, its profiles, weights, work types, status."""
