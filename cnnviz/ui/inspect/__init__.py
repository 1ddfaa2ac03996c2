"""The Inspect tab: feature maps, filters, receptive fields and what units learned."""
