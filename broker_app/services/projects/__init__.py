"""工程项目: use cases and this station's defaults for new projects."""
