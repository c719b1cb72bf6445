"""A practice session: plans, the cue script, and the clock-driven state machine."""
