"""Personal-information protection: the audit log viewer, the PIN lock and its settings."""
