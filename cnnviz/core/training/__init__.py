"""Training: the config, the trainer, its events, checkpoints, devices and the run folder."""
