"""Models: the built-in networks, the registry of names, and user models from a file."""
