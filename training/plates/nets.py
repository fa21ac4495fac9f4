"""The two networks.

Recogniser: CNN that reduces a 64x192 crop to 2 rows x 48 columns (stride 32 vertically, 4 horizontally),
a global context vector added to every position (so each row knows the plate's layout), a per-row 1-D
convolution over columns, a classifier per position. The CTC sequence is the top row's 48 columns followed
by the bottom row's 48 (T = 96): a two-line plate reads its upper line then its lower line; a one-line
plate is read in whichever row the network learns (the other emits blanks).

Detector: CenterNet-style, stride 4. A small depthwise-separable backbone to stride 32, a top-down path
back to stride 4, and a head with 1 + 8 channels: the plate-centre heatmap logit and the four corners
(TL, TR, BR, BL) as (dx, dy) from the cell's centre, in input pixels / 4.
"""
from __future__ import annotations

import torch
import torch.nn as nn
import torch.nn.functional as F


def cbr(cin, cout, k=3, s=1):
    return nn.Sequential(nn.Conv2d(cin, cout, k, s, k // 2 if isinstance(k, int) else (k[0] // 2, k[1] // 2),
                                   bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True))


def sep(cin, cout, s=1):
    """Depthwise 3x3 (stride s) then pointwise 1x1, each with BN + ReLU."""
    return nn.Sequential(
        nn.Conv2d(cin, cin, 3, s, 1, groups=cin, bias=False), nn.BatchNorm2d(cin), nn.ReLU(inplace=True),
        nn.Conv2d(cin, cout, 1, 1, 0, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True))


class Recognizer(nn.Module):
    ROWS, COLS = 2, 48

    def __init__(self, num_classes: int, width: int = 1):
        super().__init__()
        c = [16 * width, 32 * width, 64 * width, 96 * width, 128 * width]
        self.body = nn.Sequential(
            cbr(3, c[0], 3, 2),                 # 32 x 96
            cbr(c[0], c[1], 3, 2),              # 16 x 48
            cbr(c[1], c[2], 3, (2, 1)),         # 8 x 48
            sep(c[2], c[2]),
            sep(c[2], c[3], (2, 1)),            # 4 x 48
            sep(c[3], c[3]),
            sep(c[3], c[4], (2, 1)),            # 2 x 48
        )
        self.context = nn.Linear(c[4], c[4])
        self.seq = nn.Sequential(nn.Conv2d(c[4], c[4], (1, 5), 1, (0, 2), groups=c[4], bias=False),
                                 nn.BatchNorm2d(c[4]), nn.ReLU(inplace=True),
                                 nn.Conv2d(c[4], c[4], 1, bias=False), nn.BatchNorm2d(c[4]), nn.ReLU(inplace=True))
        self.drop = nn.Dropout(0.1)
        self.cls = nn.Conv2d(c[4], num_classes, 1)

    def forward(self, x):                        # x [N,3,64,192] -> logits [N, T=96, C]
        f = self.body(x)                         # [N,C,2,48]
        g = self.context(f.mean(dim=(2, 3)))     # [N,C]
        f = f + g[:, :, None, None]
        f = f + self.seq(f)
        y = self.cls(self.drop(f))               # [N,K,2,48]
        n, k = y.shape[0], y.shape[1]
        return y.reshape(n, k, self.ROWS * self.COLS).permute(0, 2, 1)   # row-major: top row, then bottom


class RecognizerTall(Recognizer):
    """Recognizer's layers with other strides (arch "tall"), so its weights load into it: the second convolution
    keeps the height and the body ends at 8 rows x 48 columns instead of 2 x 48. Each of the two output rows is
    then a softmax-weighted mean of the 8 rows, per column: logits from a 3x3 convolution plus a learned prior per
    (output row, feature row), which starts at the upper half for row 0 and the lower half for row 1.

    In Recognizer the height is halved by each of the first three convolutions, so the upper line of a two-line
    plate (characters about 17 px high in the 64 px crop) is about 2 feature rows high after the third; here it is
    about 4, and the upper output row can take it from wherever it lies. Output contract unchanged: [N, T = 96, C],
    the top row's 48 columns then the bottom row's."""

    def __init__(self, num_classes: int):
        super().__init__(num_classes)
        for i, stride in ((1, (1, 2)), (2, (2, 1))):
            self.body[i][0].stride = stride
        self.body[6][0].stride = (1, 1)            # the last separable block's depthwise conv: keep 8 rows
        self.attend = nn.Conv2d(128, self.ROWS, 3, 1, 1)
        nn.init.zeros_(self.attend.weight)
        nn.init.zeros_(self.attend.bias)
        prior = torch.full((self.ROWS, 8), -3.0)
        prior[0, :4] = 3.0
        prior[1, 4:] = 3.0
        self.prior = nn.Parameter(prior)

    def forward(self, x):                        # x [N,3,64,192] -> logits [N, T=96, C]
        f = self.body(x)                         # [N,C,8,48]
        a = (self.attend(f) + self.prior[None, :, :, None]).softmax(dim=2)   # [N,2,8,48]
        f = (a[:, None] * f[:, :, None]).sum(dim=3)                             # [N,C,2,48]
        g = self.context(f.mean(dim=(2, 3)))
        f = f + g[:, :, None, None]
        f = f + self.seq(f)
        y = self.cls(self.drop(f))
        n, k = y.shape[0], y.shape[1]
        return y.reshape(n, k, self.ROWS * self.COLS).permute(0, 2, 1)


def make_recognizer(num_classes: int, arch: str = "base") -> nn.Module:
    if arch == "base":
        return Recognizer(num_classes)
    if arch == "tall":
        return RecognizerTall(num_classes)
    raise ValueError(f"unknown recogniser arch {arch!r}")


class RecognizerExport(nn.Module):
    """What is exported: log_softmax(logits / temperature) over the classes, [N, T, C]."""

    def __init__(self, net: Recognizer, temperature: float):
        super().__init__()
        self.net = net
        self.register_buffer("inv_t", torch.tensor(1.0 / temperature, dtype=torch.float32))

    def forward(self, image):
        return F.log_softmax(self.net(image) * self.inv_t, dim=-1)


class Detector(nn.Module):
    STRIDE = 4

    def __init__(self):
        super().__init__()
        self.stem = nn.Sequential(cbr(3, 16, 3, 2), sep(16, 24, 2))            # s4: 24
        self.s8 = nn.Sequential(sep(24, 64, 2), sep(64, 64))                   # s8: 64
        self.s16 = nn.Sequential(sep(64, 96, 2), sep(96, 96))                  # s16: 96
        self.s32 = nn.Sequential(sep(96, 128, 2), sep(128, 128), sep(128, 128))  # s32: 128
        self.lat16 = nn.Conv2d(96, 64, 1)
        self.top32 = nn.Conv2d(128, 64, 1)
        self.lat8 = nn.Conv2d(64, 48, 1)
        self.top16 = nn.Conv2d(64, 48, 1)
        self.lat4 = nn.Conv2d(24, 32, 1)
        self.top8 = nn.Conv2d(48, 32, 1)
        self.m16, self.m8 = sep(64, 64), sep(48, 48)
        self.head = nn.Sequential(sep(32, 32), nn.Conv2d(32, 9, 1))
        nn.init.constant_(self.head[-1].bias[:1], -4.0)

    def forward(self, x):                          # [N,3,384,640] -> [N,9,96,160]
        f4 = self.stem(x)
        f8 = self.s8(f4)
        f16 = self.s16(f8)
        f32 = self.s32(f16)
        p16 = self.m16(self.lat16(f16) + F.interpolate(self.top32(f32), scale_factor=2.0, mode="nearest"))
        p8 = self.m8(self.lat8(f8) + F.interpolate(self.top16(p16), scale_factor=2.0, mode="nearest"))
        p4 = F.relu(self.lat4(f4) + F.interpolate(self.top8(p8), scale_factor=2.0, mode="nearest"))
        return self.head(p4)


class DetectorExport(nn.Module):
    """Exported outputs: heatmap = sigmoid(logit) [N,1,96,160]; corners [N,8,96,160] (raw offsets)."""

    def __init__(self, net: Detector):
        super().__init__()
        self.net = net

    def forward(self, image):
        y = self.net(image)
        return torch.sigmoid(y[:, :1]), y[:, 1:]


def count_params(m: nn.Module) -> int:
    return sum(p.numel() for p in m.parameters())
