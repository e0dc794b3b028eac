"""The index and the questions asked of it. Never imports Flask or click."""
