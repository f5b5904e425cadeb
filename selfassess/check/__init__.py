"""Checking a workspace: validation rules, criterion coverage, the check as a whole and its output."""
