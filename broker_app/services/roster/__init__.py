"""The roster: worker use cases, workbook import and export, moved-out workers."""
