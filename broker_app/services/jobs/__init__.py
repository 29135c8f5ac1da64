"""Job postings: use cases, workbook import, columns, 公益性岗位 reviews."""
