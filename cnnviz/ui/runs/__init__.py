"""The Runs tab: every run folder, compared."""
