"""劳务输出: batches, members, journeys, queries and the dispatch-list exports."""
