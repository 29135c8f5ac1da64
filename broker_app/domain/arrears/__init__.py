"""Wage-arrears clues (欠薪线索): what a worker reports, and how a station handles it."""
