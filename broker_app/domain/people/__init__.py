"""People: ID numbers, names and their pinyin, priority groups, privacy, worker rules."""
