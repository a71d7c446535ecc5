"""The store: tables, engine and migrations, passwords, the signing key."""
