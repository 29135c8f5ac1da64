"""Sync with the channel server: configuration, enrolment, the replica, rounds."""
