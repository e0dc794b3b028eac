"""Read council minutes into structured meetings, chunk them and build the index."""
