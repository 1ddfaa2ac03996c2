"""The Projector tab: the test set's embedding."""
