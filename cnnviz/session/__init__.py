"""Application state without Qt: the current model, the run and its lifecycle, trusted code.

As in napari's components, these are plain objects that emit events (psygnal); the widgets in
cnnviz.ui subscribe to them and render what they hold. Everything here is tested without a
display.
"""
