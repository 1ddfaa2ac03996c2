"""The Overview tab: the whole network on one page, from the input image to the class scores."""
