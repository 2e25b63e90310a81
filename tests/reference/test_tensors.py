"""docs/reference/tensors.md のテスト。

リファレンス「Tensor」: dtype・作成・演算。
"""

import pytest
import torch

BASE = "reference/tensors"


def test_dtype_table(snippet):
    ns = snippet(f"{BASE}/dtypes")
    names = {
        torch.uint8: "torch.ByteTensor",
        torch.int8: "torch.CharTensor",
        torch.int16: "torch.ShortTensor",
        torch.int32: "torch.IntTensor",
        torch.int64: "torch.LongTensor",
        torch.float16: "torch.HalfTensor",
        torch.bfloat16: "torch.BFloat16Tensor",
        torch.float32: "torch.FloatTensor",
        torch.float64: "torch.DoubleTensor",
        torch.bool: "torch.BoolTensor",
    }
    assert [d for _, d in ns["dtypes"]] == list(names)
    for dtype, name in names.items():
        assert torch.zeros(1, dtype=dtype).type() == name


def test_cuda_tensor_types(snippet):
    out = snippet.stdout(f"{BASE}/cuda_tensor_types")  # CUDA がなければ skip
    names = {
        "torch.uint8": "torch.cuda.ByteTensor",
        "torch.int64": "torch.cuda.LongTensor",
        "torch.float32": "torch.cuda.FloatTensor",
        "torch.bool": "torch.cuda.BoolTensor",
    }
    lines = out.splitlines()
    assert len(lines) == len(names)
    for line, (dtype, name) in zip(lines, names.items(), strict=True):
        # dtype は CPU と同じ名前で、x.type() だけが置き場所を含む
        assert line.split() == [dtype, "device=cuda:0", f"x.type()={name}"]


def test_creation_device(snippet):
    ns = snippet(f"{BASE}/creation_device")
    assert ns["t"].dtype == torch.float32
    assert ns["r"].dtype == torch.float64
    assert ns["i"].dtype == torch.int8
    assert ns["t"].device.type == ns["device"].type


def test_creation_torch(snippet):
    ns = snippet(f"{BASE}/creation_torch")
    ns["arr"][0, 0] = 42  # from_numpy はメモリを共有する
    assert ns["from_np"][0, 0].item() == 42
    assert ns["ones"].dtype == torch.int32


def test_creation_tf(snippet):
    pytest.importorskip("tensorflow", reason="TensorFlow がない環境")
    ns = snippet(f"{BASE}/creation_tf")
    ns["arr"][0, 0] = 42  # convert_to_tensor はコピーする
    assert ns["from_np"].numpy()[0, 0] == 0
    assert ns["ones"].dtype.name == "int32"


def test_tensor_ops(snippet):
    ns = snippet(f"{BASE}/tensor_ops")
    A, v = ns["A"], ns["v"]
    assert torch.equal(torch.mv(A, v), A @ v)
    assert torch.unsqueeze(v, 0).shape == (1, 2)
    assert ns["C"].abs().sum() == 0  # zero_() のあと
    assert A[-1, -1].item() == 4.0  # clone した C の代入は A を変えない
    assert not hasattr(torch, "unqueeze")
