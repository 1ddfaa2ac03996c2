import torch
import torch.nn.functional as F

from cnnviz.core.data.batches import (
    AUGMENTATIONS,
    BatchPipeline,
    Normalizer,
    blur,
    crop_flip,
    handwriting,
    random_affine,
    resample,
    thickness,
    warp,
)


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


def digits(n=24, seed=0):
    """Float bars and boxes of ink (255) on 0, as the trainer hands the augmentation."""
    images = torch.zeros(n, 1, 28, 28)
    images[::2, :, 6:22, 12:16] = 255  # a 1
    images[1::2, :, 6:22, 8:20] = 255
    images[1::2, :, 9:19, 11:17] = 0  # a 0
    return images


def test_warp_without_any_draw_range_is_the_identity_and_elastic_moves_the_ink():
    images = digits()
    still = dict(max_shift=0.0, scale_range=(1.0, 1.0), max_degrees=0.0)
    same = warp(images, torch.Generator().manual_seed(0), **still)
    assert torch.allclose(same, images, atol=1e-3)
    wobbly = warp(images, torch.Generator().manual_seed(0), **still, elastic_pixels=2.0)
    assert not torch.allclose(wobbly, images, atol=1.0)
    sheared = warp(images, torch.Generator().manual_seed(0), **still, max_shear=0.4)
    assert not torch.allclose(sheared, images, atol=1.0)


def test_thickness_at_its_ends_is_one_erosion_or_one_or_two_dilations():
    images = digits()
    grown = F.max_pool2d(images, 3, stride=1, padding=1)
    eaten = -F.max_pool2d(-images, 3, stride=1, padding=1)
    generator = torch.Generator()
    assert torch.allclose(thickness(images, generator, steps=(1.0, 1.0)), grown)
    assert torch.allclose(thickness(images, generator, steps=(-1.0, -1.0)), eaten)
    twice = F.max_pool2d(grown, 3, stride=1, padding=1)
    assert torch.allclose(thickness(images, generator, steps=(2.0, 2.0)), twice)


def test_resample_softens_about_a_third_and_leaves_the_rest():
    images = digits(60)
    out = resample(images, torch.Generator().manual_seed(1))
    changed = (out - images).abs().amax(dim=(1, 2, 3)) > 1
    assert 8 <= int(changed.sum()) <= 32
    assert torch.equal(out[~changed], images[~changed])


def test_blur_keeps_the_ink_and_softens_about_a_third():
    images = digits(60)
    out = blur(images, torch.Generator().manual_seed(2))
    inside = (slice(None), slice(None), slice(3, 25), slice(3, 25))  # no ink near the edges
    assert torch.allclose(out[inside].sum(dim=(1, 2, 3)), images[inside].sum(dim=(1, 2, 3)))
    softened = (out - images).abs().amax(dim=(1, 2, 3)) > 1
    assert 8 <= int(softened.sum()) <= 32


def test_handwriting_is_reproducible_in_range_and_at_full_ink():
    images = digits()
    a = handwriting(images, torch.Generator().manual_seed(4))
    b = handwriting(images, torch.Generator().manual_seed(4))
    c = handwriting(images, torch.Generator().manual_seed(5))
    assert torch.equal(a, b) and not torch.equal(a, c)
    assert a.shape == images.shape and a.min() >= 0
    assert torch.allclose(a.amax(dim=(1, 2, 3)), torch.full((len(a),), 255.0))


def test_the_pipeline_offers_handwriting_by_name():
    assert "handwriting" in AUGMENTATIONS
    normalizer = Normalizer((0.1307,), (0.3081,), torch.device("cpu"))
    pipeline = BatchPipeline(normalizer, "handwriting", torch.Generator().manual_seed(0))
    images = digits().to(torch.uint8)
    out = pipeline.train_batch(images)
    assert out.shape == images.shape and out.dtype == torch.float32
    assert not torch.allclose(out, normalizer(images))
