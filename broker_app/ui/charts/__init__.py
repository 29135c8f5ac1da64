"""Small chart widgets drawn with QPainter: bars (plain, stacked, grouped, with
targets), lines, a legend, and export to PNG. They draw with the application's
font, so Chinese labels are as crisp as the rest of the window, and need nothing
beyond PySide6-Essentials."""
