"""Data sources, the indicators computed from them, surveys, and their output."""
