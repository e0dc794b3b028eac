"""Format-independent rules: dates, attendance, speakers, resolutions, item numbers."""
