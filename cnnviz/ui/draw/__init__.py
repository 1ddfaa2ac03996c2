"""The Draw tab: a digit drawn and read live."""
