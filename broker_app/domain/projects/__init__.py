"""工程项目: the validator and the facts a rights card signs."""
