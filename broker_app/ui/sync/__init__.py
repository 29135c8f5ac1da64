"""The 同步 feature in the window: background rounds, the 同步 page, enrolment."""
