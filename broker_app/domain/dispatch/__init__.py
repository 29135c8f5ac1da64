"""劳务输出 batches: the validator, their status, the query and the journey's effects."""
