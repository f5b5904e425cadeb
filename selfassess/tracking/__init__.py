"""Tracking progress over time: the run history, the dashboard, and requests to the units."""
