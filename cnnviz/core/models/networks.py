"""The tutorial's networks and two classics to compare with, each built for a data set's shape.

Every network takes an InputShape (channels, image size, class count), so any model trains on
any data set: resnet on MNIST and simple-cnn on CIFAR-10 both work.
"""

from __future__ import annotations

import torch
from torch import nn

from cnnviz.core.models.shape import InputShape


def _flat_features(features: nn.Module, shape: InputShape) -> int:
    """How many numbers the convolutional part hands to the classifier for this input size."""
    with torch.no_grad():
        probe = torch.zeros(1, shape.channels, shape.height, shape.width)
        return int(features.eval()(probe).numel())


class SimpleCNN(nn.Module):
    """The tutorial's MNIST network: two 5x5 convs (16, 32) with BN, ReLU and 2x2 max pooling."""

    def __init__(self, shape: InputShape) -> None:
        super().__init__()
        self.layer1 = nn.Sequential(
            nn.Conv2d(shape.channels, 16, kernel_size=5, stride=1, padding=2),
            nn.BatchNorm2d(16),
            nn.ReLU(),
            nn.MaxPool2d(kernel_size=2, stride=2),
        )
        self.layer2 = nn.Sequential(
            nn.Conv2d(16, 32, kernel_size=5, stride=1, padding=2),
            nn.BatchNorm2d(32),
            nn.ReLU(),
            nn.MaxPool2d(kernel_size=2, stride=2),
        )
        self.fc = nn.Linear(32 * (shape.height // 4) * (shape.width // 4), shape.num_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = self.layer2(self.layer1(x))
        return self.fc(out.reshape(out.size(0), -1))


def conv3x3(in_channels: int, out_channels: int, stride: int = 1) -> nn.Conv2d:
    """The tutorial's 3x3 convolution: padding 1 keeps the size, no bias since BN follows."""
    return nn.Conv2d(in_channels, out_channels, kernel_size=3, stride=stride, padding=1, bias=False)


class ResidualBlock(nn.Module):
    """Two 3x3 conv + BN layers with a shortcut; the shortcut is projected when shapes differ."""

    def __init__(
        self,
        in_channels: int,
        out_channels: int,
        stride: int = 1,
        downsample: nn.Module | None = None,
    ) -> None:
        super().__init__()
        self.conv1 = conv3x3(in_channels, out_channels, stride)
        self.bn1 = nn.BatchNorm2d(out_channels)
        self.relu = nn.ReLU(inplace=True)
        self.conv2 = conv3x3(out_channels, out_channels)
        self.bn2 = nn.BatchNorm2d(out_channels)
        self.downsample = downsample

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        residual = x
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        if self.downsample is not None:
            residual = self.downsample(x)
        return self.relu(out + residual)


class ResNet(nn.Module):
    """The tutorial's CIFAR ResNet: stages of 16, 32 and 64 channels, average pool, Linear.

    As in the tutorial, the 16- and 32-channel stages take ``layers[0]`` blocks and the
    64-channel stage takes ``layers[1]``. The average pool adapts to the input size so that
    the same network also runs on 28x28 digits.
    """

    def __init__(self, block: type[ResidualBlock], layers: list[int], shape: InputShape) -> None:
        super().__init__()
        self.in_channels = 16
        self.conv = conv3x3(shape.channels, 16)
        self.bn = nn.BatchNorm2d(16)
        self.relu = nn.ReLU(inplace=True)
        self.layer1 = self.make_layer(block, 16, layers[0])
        self.layer2 = self.make_layer(block, 32, layers[0], 2)
        self.layer3 = self.make_layer(block, 64, layers[1], 2)
        self.avg_pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(64, shape.num_classes)

    def make_layer(
        self, block: type[ResidualBlock], out_channels: int, blocks: int, stride: int = 1
    ) -> nn.Sequential:
        downsample = None
        if stride != 1 or self.in_channels != out_channels:
            downsample = nn.Sequential(
                conv3x3(self.in_channels, out_channels, stride=stride),
                nn.BatchNorm2d(out_channels),
            )
        layers = [block(self.in_channels, out_channels, stride, downsample)]
        self.in_channels = out_channels
        layers += [block(out_channels, out_channels) for _ in range(1, blocks)]
        return nn.Sequential(*layers)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = self.relu(self.bn(self.conv(x)))
        out = self.layer3(self.layer2(self.layer1(out)))
        out = self.avg_pool(out)
        return self.fc(out.reshape(out.size(0), -1))


class LeNet5(nn.Module):
    """LeCun's LeNet-5 (with ReLU and max pooling): conv 6@5x5, conv 16@5x5, FC 120-84-classes."""

    def __init__(self, shape: InputShape) -> None:
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(shape.channels, 6, kernel_size=5, padding=2),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Conv2d(6, 16, kernel_size=5),
            nn.ReLU(),
            nn.MaxPool2d(2),
        )
        self.classifier = nn.Sequential(
            nn.Linear(_flat_features(self.features, shape), 120),
            nn.ReLU(),
            nn.Linear(120, 84),
            nn.ReLU(),
            nn.Linear(84, shape.num_classes),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = self.features(x)
        return self.classifier(out.reshape(out.size(0), -1))


def _tiny_vgg_block(in_channels: int) -> nn.Sequential:
    return nn.Sequential(
        nn.Conv2d(in_channels, 10, kernel_size=3),
        nn.ReLU(),
        nn.Conv2d(10, 10, kernel_size=3),
        nn.ReLU(),
        nn.MaxPool2d(2),
    )


class TinyVGG(nn.Module):
    """CNN Explainer's Tiny VGG: two blocks of conv3x3(10)-ReLU-conv3x3(10)-ReLU-maxpool, Linear."""

    def __init__(self, shape: InputShape) -> None:
        super().__init__()
        self.block1 = _tiny_vgg_block(shape.channels)
        self.block2 = _tiny_vgg_block(10)
        self.classifier = nn.Linear(
            _flat_features(nn.Sequential(self.block1, self.block2), shape), shape.num_classes
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = self.block2(self.block1(x))
        return self.classifier(out.reshape(out.size(0), -1))
