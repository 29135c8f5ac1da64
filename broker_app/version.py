"""The app's version, for the 关于 dialog, diagnostics, the exe's file properties and the
installer. A frozen build has no package metadata to ask, so the number lives here; it
is the same as pyproject.toml's [project] version (a test checks they agree)."""

VERSION = "0.1.0"
