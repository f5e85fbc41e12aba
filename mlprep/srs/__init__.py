"""Spaced repetition: the FSRS scheduler wrapper, retrievability, and interview pacing."""
