"""劳务输出 page: batches, their members, status moves and the dispatch-list exports."""
