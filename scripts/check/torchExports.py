"""Hand check, not a test: export real PyTorch models to ONNX for scripts/check/compareTorch.ts.

Run with Debian's Python (python3-torch, python3-torchvision, python3-onnx), never in CI:

    /usr/bin/python3 scripts/check/torchExports.py [--out /tmp/torch-exports] [--only resnet18,tiny_ops]
    npx tsx scripts/check/compareTorch.ts [--dir /tmp/torch-exports] [--only ...]

Each case is one model exported with torch.onnx.export (random weights, eval mode) at one opset,
with one of two classifier heads (torch.flatten as torchvision writes it, or x.view(x.size(0), -1)
as many user scripts do) and a fixed or dynamic batch axis. Per case the folder gets
<case>.onnx, <case>.in.bin (the input, float32 NCHW) and <case>.out.bin (PyTorch's output);
manifest.json lists the cases, with the exporter's message when the export itself failed.
"""

import argparse
import contextlib
import json
import os
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision

torch.manual_seed(0)


class TinyOps(nn.Module):
    """ConvTranspose, nearest upsampling, PReLU (per channel and shared), LeakyReLU, grouped and
    dilated conv, asymmetric padding, both AvgPool count_include_pad modes, Linear (Gemm), Softmax."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 8, 3, stride=2, padding=1)
        self.bn1 = nn.BatchNorm2d(8)
        self.prelu = nn.PReLU(8)
        self.deconv = nn.ConvTranspose2d(8, 6, 3, stride=2, padding=1, output_padding=1)
        self.leaky = nn.LeakyReLU(0.1)
        self.up = nn.Upsample(scale_factor=2, mode="nearest")
        self.grouped = nn.Conv2d(6, 12, 3, padding=1, groups=6)  # depthwise, multiplier 2
        self.dilated = nn.Conv2d(12, 12, 3, padding=2, dilation=2)
        self.prelu1 = nn.PReLU()
        self.asym = nn.Conv2d(12, 8, (3, 5), padding=(1, 2))
        self.pool_in = nn.AvgPool2d(3, stride=2, padding=1, count_include_pad=True)
        self.pool_ex = nn.AvgPool2d(3, stride=2, padding=1, count_include_pad=False)
        self.fc1 = nn.Linear(8 * 9 * 9, 32)
        self.fc2 = nn.Linear(32, 10)

    def forward(self, x):
        x = self.prelu(self.bn1(self.conv1(x)))
        x = self.leaky(self.deconv(x))
        x = self.up(x)
        x = self.prelu1(self.dilated(self.grouped(x)))
        x = F.pad(x, (0, 1, 2, 0))  # left, right, top, bottom: asymmetric
        x = self.asym(x)
        x = self.pool_ex(self.pool_in(x))
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        return F.softmax(self.fc2(x), dim=1)


class GroupedConv(nn.Module):
    """Grouped convolutions the engine cannot run (tfjs 4.22 has neither): groups=2 (ResNeXt,
    the original AlexNet), and a dilated depthwise convolution (DeepLab's MobileNet)."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(4, 8, 3, padding=1, groups=2)
        self.dilated_depthwise = nn.Conv2d(8, 8, 3, padding=2, dilation=2, groups=8)

    def forward(self, x):
        return self.dilated_depthwise(F.relu(self.conv(x)))


class SegmentHead(nn.Module):
    """A channel softmax over a feature map (dim=1 of NCHW), interpolate(size=...), input
    normalisation inside the graph ((x - mean) / std) and F.relu6 (Relu + Clip at opset 9)."""

    def __init__(self):
        super().__init__()
        self.register_buffer("mean", torch.tensor([0.485, 0.456, 0.406]).view(1, 3, 1, 1))
        self.register_buffer("std", torch.tensor([0.229, 0.224, 0.225]).view(1, 3, 1, 1))
        self.conv = nn.Conv2d(3, 6, 3, stride=2, padding=1)
        self.conv2 = nn.Conv2d(6, 4, 1)

    def forward(self, x):
        x = (x - self.mean) / self.std
        x = F.relu6(self.conv(x))
        x = F.interpolate(x, size=(x.shape[2] * 2, x.shape[3] * 2), mode="nearest")
        return F.softmax(self.conv2(x), dim=1)


class MlpHead(nn.Module):
    """A small CNN whose head is Dropout → Linear → ReLU → Linear on x.view(x.size(0), -1),
    with max pooling in ceil mode and an adaptive average pool."""

    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 6, 5), nn.ReLU(), nn.MaxPool2d(2, 2, ceil_mode=True),
            nn.Conv2d(6, 16, 5), nn.Tanh(), nn.MaxPool2d(3, 2, ceil_mode=True),
            nn.AdaptiveAvgPool2d((2, 2)),
        )
        self.head = nn.Sequential(nn.Dropout(0.5), nn.Linear(64, 20), nn.ReLU(), nn.Linear(20, 10))

    def forward(self, x):
        x = self.features(x)
        return self.head(x.view(x.size(0), -1))


def tv(name, **kw):
    return lambda: getattr(torchvision.models, name)(weights=None, **kw)


# name → (builder, input shape without batch)
MODELS = {
    "resnet18": (tv("resnet18"), (3, 224, 224)),
    "mobilenet_v2": (tv("mobilenet_v2"), (3, 224, 224)),
    "mobilenet_v3_small": (tv("mobilenet_v3_small"), (3, 224, 224)),
    "mobilenet_v3_large": (tv("mobilenet_v3_large"), (3, 224, 224)),
    "squeezenet1_1": (tv("squeezenet1_1"), (3, 224, 224)),
    "alexnet": (tv("alexnet"), (3, 224, 224)),
    "vgg11_bn": (tv("vgg11_bn"), (3, 224, 224)),
    "googlenet": (tv("googlenet", aux_logits=False, init_weights=True), (3, 224, 224)),
    "densenet121": (tv("densenet121"), (3, 224, 224)),
    "efficientnet_b0": (tv("efficientnet_b0"), (3, 224, 224)),
    "shufflenet_v2_x0_5": (tv("shufflenet_v2_x0_5"), (3, 224, 224)),
    "tiny_ops": (TinyOps, (3, 16, 16)),
    "grouped_conv": (GroupedConv, (4, 8, 8)),
    "segment_head": (SegmentHead, (3, 16, 16)),
    "mlp_head": (MlpHead, (1, 28, 28)),
}

# (opset, head, dynamic batch): every model at four opsets, plus the view head and a dynamic batch.
VARIANTS = [
    (9, "flatten", False),
    (11, "flatten", False),
    (13, "flatten", False),
    (17, "flatten", False),
    (11, "view", False),
    (13, "view", True),
    (17, "flatten", True),
]
# Models whose size makes one variant enough (the others would say the same).
ONE_VARIANT = {
    "vgg11_bn": [(13, "flatten", False)],
    "mobilenet_v3_large": [(13, "flatten", False)],
    "grouped_conv": [(13, "flatten", False)],
}


@contextlib.contextmanager
def view_head(head):
    """Makes torch.flatten(x, 1) trace as x.view(x.size(0), -1), as hand-written heads do."""
    if head != "view":
        yield
        return
    original = torch.flatten

    def as_view(x, start_dim=0, end_dim=-1):
        if start_dim == 1 and end_dim == -1:
            return x.view(x.size(0), -1)
        return original(x, start_dim, end_dim)

    torch.flatten = as_view
    try:
        yield
    finally:
        torch.flatten = original


def randomise_norms(model):
    """BatchNorm with its initial statistics (mean 0, variance 1, scale 1, shift 0) is almost the
    identity, which checks little, and deep nets' outputs then shrink towards 0: give every
    BatchNorm trained-looking statistics instead."""
    g = torch.Generator().manual_seed(1)
    for m in model.modules():
        if isinstance(m, nn.BatchNorm2d):
            n = m.num_features
            m.running_mean.copy_(torch.randn(n, generator=g) * 0.1)
            m.running_var.copy_(torch.rand(n, generator=g) * 0.5 + 0.5)
            m.weight.data.copy_(torch.rand(n, generator=g) + 0.5)
            m.bias.data.copy_(torch.randn(n, generator=g) * 0.1)
    return model


def export_case(out, case, model, shape, opset, head, dynamic):
    x = torch.rand(1, *shape)  # an image-like input in [0, 1]
    path = os.path.join(out, f"{case}.onnx")
    with torch.no_grad(), view_head(head):
        y = model(x)
        torch.onnx.export(
            model, x, path, opset_version=opset, input_names=["input"], output_names=["output"],
            dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}} if dynamic else None,
            do_constant_folding=True,
        )
    x.numpy().astype("float32").tofile(os.path.join(out, f"{case}.in.bin"))
    y.numpy().astype("float32").tofile(os.path.join(out, f"{case}.out.bin"))
    return list(y.shape)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--out", default="/tmp/torch-exports")
    p.add_argument("--only", default="")
    p.add_argument("--variants", default="", help="e.g. 13-flatten,11-view,13-view-dyn (default: all)")
    args = p.parse_args()
    picked = set(filter(None, args.variants.split(",")))
    only = set(filter(None, args.only.split(",")))
    os.makedirs(args.out, exist_ok=True)
    cases = []
    for name, (build, shape) in MODELS.items():
        if only and name not in only:
            continue
        model = randomise_norms(build().eval())
        for opset, head, dynamic in ONE_VARIANT.get(name, VARIANTS):
            variant = f"{opset}-{head}{'-dyn' if dynamic else ''}"
            if picked and variant not in picked:
                continue
            case = f"{name}-op{variant}"
            entry = {"case": case, "model": name, "opset": opset, "head": head, "dynamic": dynamic,
                     "input": [1, *shape]}
            t = time.time()
            try:
                entry["output"] = export_case(args.out, case, model, shape, opset, head, dynamic)
            except Exception as e:  # the exporter's own refusal is a result too
                entry["exportError"] = f"{type(e).__name__}: {str(e).splitlines()[0][:300]}"
            print(f"{case}: {entry.get('exportError', 'exported')} ({time.time() - t:.1f} s)", flush=True)
            cases.append(entry)
    with open(os.path.join(args.out, "manifest.json"), "w") as f:
        json.dump({"torch": torch.__version__, "torchvision": torchvision.__version__, "cases": cases}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
