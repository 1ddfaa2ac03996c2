"""Widgets and plot helpers that several areas share."""
