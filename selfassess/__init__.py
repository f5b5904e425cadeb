"""selfassess: accreditation self-assessment as a build."""

__version__ = "0.1.0"
