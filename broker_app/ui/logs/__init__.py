"""The 日志 viewer and the diagnostics export."""
