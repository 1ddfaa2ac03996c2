"""One colour a class, the same in the Projector and in the projection timelapse's frames:
Tableau's 10 colours (the usual ones for classes), or evenly spaced full hues for more
classes (as pyqtgraph's intColor gives them, give or take one level of 255 where Qt's
rounding differs)."""

from __future__ import annotations

import colorsys

PALETTE = [(31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189),
           (140, 86, 75), (227, 119, 194), (127, 127, 127), (188, 189, 34), (23, 190, 207)]
#: the crosses over misclassified points
MISTAKE = (220, 0, 0)


def class_colour(index: int, classes: int) -> tuple[int, int, int]:
    """The RGB colour of class ``index`` of ``classes``."""
    if classes <= len(PALETTE):
        return PALETTE[index]
    hue = (index % classes) * 360 // classes  # whole degrees, as intColor's
    red, green, blue = colorsys.hsv_to_rgb(hue / 360, 1.0, 1.0)
    return int(red * 255 + 0.5), int(green * 255 + 0.5), int(blue * 255 + 0.5)
