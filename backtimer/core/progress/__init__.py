"""Progress over days: streaks and weekly goals."""
