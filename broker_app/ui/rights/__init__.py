"""The 维权 page: wage-arrears clues (欠薪线索) and their deadlines."""
