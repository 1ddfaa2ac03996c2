"""The Qt-free engine: models, data sets, training, checkpoints and inspection.

Nothing in this package imports Qt, pyqtgraph or cnnviz.ui; the desktop app and the command
line both drive it the same way, with a config dataclass in and event dataclasses out.
"""
