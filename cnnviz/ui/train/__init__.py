"""Training: the run panel, the plots, and the worker that trains."""
