"""The dossier: building reports and packs of every framework, and verifying a pack."""
