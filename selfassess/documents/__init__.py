"""Controlled documents: the model, reading them, rendering, revising, and their register."""
