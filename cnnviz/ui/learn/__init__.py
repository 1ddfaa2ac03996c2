"""The Learn tab: the tutorial's ideas as playable demos."""
