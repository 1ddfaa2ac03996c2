"""Data sets: the registry, image folders, downloads, image files and whole-batch preprocessing."""
