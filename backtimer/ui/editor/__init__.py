"""The routine editor: the person's own routines and exercises, made, changed and removed in the window."""
