"""The 备份与恢复 tab of the settings dialog."""
