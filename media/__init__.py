"""Assembly, loudness mastering, encoding and the content-addressed media store."""
