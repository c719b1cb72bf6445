"""Exercises, routines and guidance as frozen values, read strictly from TOML."""
