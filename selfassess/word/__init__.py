"""Word (DOCX) building blocks: fields, table of contents, determinism, template rendering."""
