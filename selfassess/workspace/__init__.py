"""Loading a workspace: settings, catalogues, the evidence register and the files under evidence/."""
