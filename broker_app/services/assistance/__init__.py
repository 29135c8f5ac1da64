"""就业帮扶: service records, the 帮扶台账 workbook and the 帮扶预警 list."""
