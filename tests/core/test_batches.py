import torch
import torch.nn.functional as F

from cnnviz.core.data.batches import Normalizer, crop_flip, random_affine


def reference_crop_flip(images, oy, ox, flip, padding=4):
    """Per-image Pad + RandomCrop + RandomHorizontalFlip, one image at a time."""
    out = []
    h, w = images.shape[2:]
    for image, y, x, f in zip(images, oy, ox, flip, strict=True):
        crop = F.pad(image, (padding,) * 4)[:, y : y + h, x : x + w]
        out.append(crop.flip(-1) if f else crop)
    return torch.stack(out)


def test_crop_flip_matches_the_per_image_transforms():
    images = torch.randint(0, 256, (16, 3, 8, 8), dtype=torch.uint8)
    generator = torch.Generator().manual_seed(3)
    out = crop_flip(images, generator)
    replay = torch.Generator().manual_seed(3)
    oy = torch.randint(0, 9, (16, 1), generator=replay)[:, 0]
    ox = torch.randint(0, 9, (16, 1), generator=replay)[:, 0]
    flip = (torch.rand(16, 1, generator=replay) < 0.5)[:, 0]
    assert flip.any() and not flip.all()
    assert torch.equal(out, reference_crop_flip(images, oy, ox, flip))


def test_normalizer_is_to_tensor_then_normalize():
    images = torch.randint(0, 256, (4, 3, 5, 5), dtype=torch.uint8)
    mean, std = (0.1, 0.2, 0.3), (0.5, 0.25, 0.125)
    expected = (images.float() / 255 - torch.tensor(mean).view(1, 3, 1, 1)) / torch.tensor(
        std
    ).view(1, 3, 1, 1)
    got = Normalizer(mean, std, torch.device("cpu"))(images)
    assert got.dtype == torch.float32
    assert torch.allclose(got, expected, atol=1e-5)


def test_affine_keeps_the_shape_and_moves_the_ink():
    images = torch.zeros(8, 1, 28, 28)
    images[:, :, 10:18, 10:18] = 255
    out = random_affine(images, torch.Generator().manual_seed(0))
    assert out.shape == images.shape
    assert not torch.allclose(out, images)
    assert out.sum() > 0.5 * images.sum()
