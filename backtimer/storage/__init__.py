"""Everything written to disk: where (paths), history and settings."""
