"""Documents to scripts: ingest, legal parsing, drafting and spoken-form normalization."""
