"""Everything audible: the Speaker interface and its implementations."""
