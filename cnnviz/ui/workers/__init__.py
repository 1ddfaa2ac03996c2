"""Work off the GUI thread: background calls and the worker threads' torch settings."""
