"""Reading image files and turning them into what a model takes.

Any file Pillow reads works: greyscale, RGB, RGBA, palette, CMYK, 16-bit, animated (the first
frame), any size. Huge images are decoded at reduced size where the format allows it (JPEG)
and refused otherwise, so a 20000x20000 file never exhausts memory.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from cnnviz.core.arrays import ImageArray
from cnnviz.core.errors import CnnvizError

#: images with more pixels than this are reduced while decoding, or refused
MAX_PIXELS = 40_000_000
#: the size a huge JPEG is asked to decode at (it picks a power-of-two reduction at least this)
DRAFT_SIZE = (2048, 2048)


class ImageReadError(CnnvizError):
    """A file that is not an image, is damaged, or is too large to open."""


def read_image(path: Path) -> Image.Image:
    """Open and fully decode an image file, in RGB, RGBA or L mode, or raise ImageReadError."""
    path = Path(path)
    if not path.is_file():
        raise ImageReadError(f"{path}: no such file" if not path.exists() else
                             f"{path}: is not a file")  # fmt: skip
    try:
        with warnings.catch_warnings():
            # the size is checked below, against a tighter limit than Pillow's warning
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                if image.width * image.height > MAX_PIXELS:
                    image.draft("RGB" if image.mode != "L" else "L", DRAFT_SIZE)
                    if image.width * image.height > MAX_PIXELS:
                        raise ImageReadError(
                            f"{path}: is {image.width}x{image.height} pixels, too large to "
                            f"open; scale it down below {MAX_PIXELS // 1_000_000} megapixels"
                        )
                image.seek(0)
                image.load()
                return _normalise_mode(ImageOps.exif_transpose(image) or image)
    except ImageReadError:
        raise
    except UnidentifiedImageError:
        raise ImageReadError(f"{path}: is not an image Pillow can read") from None
    except Image.DecompressionBombError as exc:
        raise ImageReadError(f"{path}: is too large to open safely ({exc})") from None
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise ImageReadError(f"{path}: is damaged or truncated ({exc})") from None


def _normalise_mode(image: Image.Image) -> Image.Image:
    if image.mode in ("L", "RGB", "RGBA"):
        return image.copy()
    if image.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        array = np.asarray(image, dtype=np.float64)
        low, high = float(array.min()), float(array.max())
        scaled = (array - low) / (high - low) * 255 if high > low else np.zeros_like(array)
        return Image.fromarray(scaled.astype(np.uint8), "L")
    if image.mode in ("1", "LA"):
        return image.convert("L" if image.mode == "1" else "RGBA")
    if image.mode == "P" and "transparency" in image.info:
        return image.convert("RGBA")
    return image.convert("RGB")


def to_array(image: Image.Image, channels: int) -> np.ndarray:
    """uint8 [H, W, C] with 1 or 3 channels; transparency is laid over white, as a viewer shows."""
    if image.mode == "RGBA":
        background = Image.new("RGBA", image.size, (255, 255, 255, 255))
        image = Image.alpha_composite(background, image).convert("RGB")
    image = image.convert("L" if channels == 1 else "RGB")
    array = np.asarray(image, dtype=np.uint8)
    return array[..., None] if array.ndim == 2 else array


def to_model_input(image: Image.Image, channels: int, height: int, width: int) -> ImageArray:
    """uint8 [C, H, W]: the image in the model's channels, resized (with anti-aliasing) to its
    input size, as the data set's images are."""
    if image.width == 0 or image.height == 0:
        raise ImageReadError("the image is empty (0 pixels)")
    resized = image.resize((width, height), Image.Resampling.LANCZOS) if (
        image.size != (width, height)) else image  # fmt: skip
    return np.ascontiguousarray(to_array(resized, channels).transpose(2, 0, 1))


def as_model_input(source: Path | Image.Image | np.ndarray,
                   input_shape: tuple[int, int, int]) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """An image file, a decoded image or an array as (the model's uint8 input [C, H, W], the
    picture as the user sees it, uint8 [H, W, C]). An array already in the input shape is
    taken as it is (a test image, a prepared drawing); any other array ([H, W] or [H, W, C])
    and any image is converted as the data set's images are. The one place an image becomes
    model input, for every view and command that takes one."""
    channels, height, width = input_shape
    if isinstance(source, np.ndarray) and source.shape == (channels, height, width):
        return source.astype(np.uint8), source.transpose(1, 2, 0).astype(np.uint8)
    if isinstance(source, np.ndarray):
        picture = Image.fromarray(np.clip(source, 0, 255).astype(np.uint8))
    else:
        picture = source if isinstance(source, Image.Image) else read_image(Path(source))
    return (to_model_input(picture, channels, height, width),
            to_array(picture, 3 if channels == 3 else 1))
