"""Team work without a server: per-annotator project files out (assign) and back (merge), and
the agreement between annotators' sets. Headless: the CLI and the window call it."""
