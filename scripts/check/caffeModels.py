"""Hand check, not a test: .caffemodel files written from Python, checked by scripts/check/compareCaffe.ts.

Caffe itself is not packaged in Debian 12 (bookworm: no caffe-cpu / python3-caffe-cpu), so these
files are written here with protobuf's wire format by hand (field numbers from the caffe.proto
specification), independently of our TypeScript writer in tests/, and the reference forward pass
is PyTorch computing Caffe's semantics (ceil-rounded pooling, BatchNorm's scale-factor blob,
Scale with a bias, Eltwise SUM, InnerProduct over the flattened C×H×W blob).

    /usr/bin/python3 scripts/check/caffeModels.py [--out /tmp/caffe-check]
    npx tsx scripts/check/compareCaffe.ts [--dir /tmp/caffe-check]
"""

import argparse
import json
import os
import struct
import sys

import torch
import torch.nn.functional as F

torch.manual_seed(0)


# --- protobuf wire format -------------------------------------------------------------------
def varint(n):
    out = bytearray()
    n &= (1 << 64) - 1
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def field(num, wire, payload):
    return varint((num << 3) | wire) + payload


def f_int(num, v):
    return field(num, 0, varint(int(v)))


def f_bytes(num, b):
    return field(num, 2, varint(len(b)) + b)


def f_str(num, s):
    return f_bytes(num, s.encode())


def f_float(num, v):
    return field(num, 5, struct.pack("<f", v))


def packed_floats(num, values):
    return f_bytes(num, struct.pack(f"<{len(values)}f", *values))


# caffe.proto numbers: BlobShape.dim 1; BlobProto.data 5, .shape 7; LayerParameter name 1,
# type 2, bottom 3, top 4, blobs 7, convolution_param 106, eltwise_param 110,
# inner_product_param 117, pooling_param 121, batch_norm_param 139, scale_param 142,
# input_param 143; NetParameter name 1, layer 100.
def blob(t):
    t = t.detach().contiguous().float()
    shape = f_bytes(1, b"".join(varint(d) for d in t.shape))  # packed int64 dims
    return f_bytes(7, shape) + packed_floats(5, t.flatten().tolist())


def layer(name, typ, bottoms, tops, blobs=(), **params):
    b = f_str(1, name) + f_str(2, typ)
    b += b"".join(f_str(3, x) for x in bottoms) + b"".join(f_str(4, x) for x in tops)
    b += b"".join(f_bytes(7, blob(t)) for t in blobs)
    for num, payload in params.values():
        b += f_bytes(num, payload)
    return b


def conv_param(num_output, kernel, stride=1, pad=0, group=1, bias=True):
    p = f_int(1, num_output) + f_int(2, 1 if bias else 0) + f_int(3, pad) + f_int(4, kernel) + f_int(6, stride)
    return (106, p + (f_int(5, group) if group != 1 else b""))


def pool_param(method, kernel, stride, pad=0):
    return (121, f_int(1, method) + f_int(2, kernel) + f_int(3, stride) + f_int(4, pad))


def input_layer(name, dims):
    return layer(name, "Input", [], [name], input_param=(143, f_bytes(1, b"".join(f_int(1, d) for d in dims))))


def net(name, layers):
    return f_str(1, name) + b"".join(f_bytes(100, l) for l in layers)


# --- the nets and their forward passes --------------------------------------------------------
def caffe_pool(x, method, k, s, p=0):
    # Caffe rounds the output size up, then drops a last window that would start in the padding.
    if method == 0:
        return F.max_pool2d(x, k, s, p, ceil_mode=True)
    return F.avg_pool2d(x, k, s, p, ceil_mode=True, count_include_pad=True)


def lenet():
    w1, b1 = torch.randn(20, 1, 5, 5) * 0.2, torch.randn(20) * 0.1
    w2, b2 = torch.randn(50, 20, 5, 5) * 0.05, torch.randn(50) * 0.1
    w3, b3 = torch.randn(500, 800) * 0.03, torch.randn(500) * 0.1
    w4, b4 = torch.randn(10, 500) * 0.05, torch.randn(10) * 0.1
    layers = [
        input_layer("data", [1, 1, 28, 28]),
        layer("conv1", "Convolution", ["data"], ["conv1"], [w1, b1], c=conv_param(20, 5)),
        layer("pool1", "Pooling", ["conv1"], ["pool1"], p=pool_param(0, 2, 2)),
        layer("conv2", "Convolution", ["pool1"], ["conv2"], [w2, b2], c=conv_param(50, 5)),
        layer("pool2", "Pooling", ["conv2"], ["pool2"], p=pool_param(0, 2, 2)),
        layer("ip1", "InnerProduct", ["pool2"], ["ip1"], [w3, b3], i=(117, f_int(1, 500))),
        layer("relu1", "ReLU", ["ip1"], ["ip1"]),
        layer("ip2", "InnerProduct", ["ip1"], ["ip2"], [w4, b4], i=(117, f_int(1, 10))),
        layer("prob", "Softmax", ["ip2"], ["prob"]),
    ]

    def forward(x):
        x = caffe_pool(F.conv2d(x, w1, b1), 0, 2, 2)
        x = caffe_pool(F.conv2d(x, w2, b2), 0, 2, 2)
        x = F.relu(F.linear(x.flatten(1), w3, b3))
        return F.softmax(F.linear(x, w4, b4), 1)

    return net("LeNet", layers), forward, [1, 1, 28, 28], 1.0


def bn_scale(prefix, bottom, c):
    mean, var, factor = torch.randn(c) * 0.3, torch.rand(c) + 0.5, 7.0  # blobs hold mean·f, var·f, f
    gamma, beta = torch.rand(c) + 0.5, torch.randn(c) * 0.2
    layers = [
        layer(f"{prefix}_bn", "BatchNorm", [bottom], [bottom], [mean * factor, var * factor, torch.tensor([factor])],
              b=(139, f_int(1, 1) + f_float(3, 1e-5))),
        layer(f"{prefix}_scale", "Scale", [bottom], [bottom], [gamma, beta], s=(142, f_int(4, 1))),
    ]

    def forward(x):
        return F.batch_norm(x, mean, var, gamma, beta, False, 0.0, 1e-5)

    return layers, forward


def resnet_block():
    c = 8
    w0 = torch.randn(c, 3, 3, 3) * 0.3
    w1, w2 = torch.randn(c, c, 3, 3) * 0.2, torch.randn(c, c, 3, 3) * 0.2
    ws = torch.randn(c, c, 1, 1) * 0.3
    wf, bf = torch.randn(5, c * 25) * 0.1, torch.randn(5) * 0.1  # 5×5 after the ceil-rounded pool
    l0, f0 = bn_scale("stem", "conv0", c)
    l1, f1 = bn_scale("a", "res_a", c)
    l2, f2 = bn_scale("b", "res_b", c)
    layers = [
        input_layer("data", [1, 3, 16, 16]),
        layer("conv0", "Convolution", ["data"], ["conv0"], [w0], c=conv_param(c, 3, 2, 1, bias=False)),
        *l0,
        layer("relu0", "ReLU", ["conv0"], ["conv0"]),
        layer("res_a", "Convolution", ["conv0"], ["res_a"], [w1], c=conv_param(c, 3, 1, 1, bias=False)),
        *l1,
        layer("relu_a", "ReLU", ["res_a"], ["res_a"]),
        layer("res_b", "Convolution", ["res_a"], ["res_b"], [w2], c=conv_param(c, 3, 1, 1, bias=False)),
        *l2,
        layer("short", "Convolution", ["conv0"], ["short"], [ws], c=conv_param(c, 1, bias=False)),
        layer("sum", "Eltwise", ["res_b", "short"], ["sum"]),
        layer("relu_sum", "ReLU", ["sum"], ["sum"]),
        layer("pool", "Pooling", ["sum"], ["pool"], p=pool_param(1, 3, 2, 1)),
        layer("fc", "InnerProduct", ["pool"], ["fc"], [wf, bf], i=(117, f_int(1, 5))),
    ]

    def forward(x):
        x = F.relu(f0(F.conv2d(x, w0, stride=2, padding=1)))
        y = F.relu(f1(F.conv2d(x, w1, padding=1)))
        y = f2(F.conv2d(y, w2, padding=1))
        x = F.relu(y + F.conv2d(x, ws))
        x = caffe_pool(x, 1, 3, 2, 1)
        return F.linear(x.flatten(1), wf, bf)

    return net("ResBlock", layers), forward, [1, 3, 16, 16], 1.0


def grouped():
    w, b = torch.randn(6, 2, 3, 3) * 0.3, torch.randn(6) * 0.1
    layers = [
        input_layer("data", [1, 4, 8, 8]),
        layer("conv", "Convolution", ["data"], ["conv"], [w, b], c=conv_param(6, 3, 1, 1, group=2)),
    ]
    return net("Grouped", layers), lambda x: F.conv2d(x, w, b, padding=1, groups=2), [1, 4, 8, 8], 1.0


LENET_DEPLOY = """name: "LeNet"
layer { name: "data" type: "Input" top: "data" input_param { shape { dim: 1 dim: 1 dim: 28 dim: 28 } } }
layer { name: "conv1" type: "Convolution" bottom: "data" top: "conv1" convolution_param { num_output: 20 kernel_size: 5 } }
layer { name: "pool1" type: "Pooling" bottom: "conv1" top: "pool1" pooling_param { pool: MAX kernel_size: 2 stride: 2 } }
layer { name: "conv2" type: "Convolution" bottom: "pool1" top: "conv2" convolution_param { num_output: 50 kernel_size: 5 } }
layer { name: "pool2" type: "Pooling" bottom: "conv2" top: "pool2" pooling_param { pool: MAX kernel_size: 2 stride: 2 } }
layer { name: "ip1" type: "InnerProduct" bottom: "pool2" top: "ip1" inner_product_param { num_output: 500 } }
layer { name: "relu1" type: "ReLU" bottom: "ip1" top: "ip1" }
layer { name: "ip2" type: "InnerProduct" bottom: "ip1" top: "ip2" inner_product_param { num_output: 10 } }
layer { name: "prob" type: "Softmax" bottom: "ip2" top: "prob" }
"""


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--out", default="/tmp/caffe-check")
    out = p.parse_args().out
    os.makedirs(out, exist_ok=True)
    cases = []
    for name, build, deploy in [("lenet", lenet, None), ("lenet_deploy", lenet, LENET_DEPLOY),
                                ("resnet_block", resnet_block, None), ("grouped_conv", grouped, None)]:
        torch.manual_seed(1)
        data, forward, dims, scale = build()
        x = torch.rand(*dims) * scale
        with torch.no_grad():
            y = forward(x)
        with open(os.path.join(out, f"{name}.caffemodel"), "wb") as f:
            f.write(data)
        if deploy:
            with open(os.path.join(out, f"{name}.prototxt"), "w") as f:
                f.write(deploy)
        x.numpy().astype("float32").tofile(os.path.join(out, f"{name}.in.bin"))
        y.numpy().astype("float32").tofile(os.path.join(out, f"{name}.out.bin"))
        cases.append({"case": name, "input": dims, "output": list(y.shape), "deploy": bool(deploy)})
        print(f"{name}: {len(data)} bytes", flush=True)
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump({"cases": cases}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
