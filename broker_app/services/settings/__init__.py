"""The station's settings, its PIN lock, window ini values and identity."""
