"""月度统计: the figures, the workbook, the page's overview, trends and trainings."""
