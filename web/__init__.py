"""The Flask front end over the search library."""
