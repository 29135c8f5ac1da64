"""The 统计 page: charts of the station's figures and the 帮扶预警 list."""
