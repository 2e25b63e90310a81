"""docs/reference/cuda.md のテスト。

リファレンス「CUDA の使い方」。
"""

import torch

BASE = "reference/cuda"


def test_device_basics(snippet):
    ns = snippet(f"{BASE}/device_basics")
    assert ns["a"].device.type == ns["device"].type
    assert ns["c"].device.type == ns["device"].type
    assert ns["arr"].shape == (2, 3)
    expected = "cuda" if torch.cuda.is_available() else "cpu"
    assert ns["device"].type == expected


def test_cuda_queries_run_without_gpu(snippet):
    ns = snippet(f"{BASE}/cuda_queries")
    assert torch.cuda.device_count() >= 0
    # 何も確保していなければ、GPU の有無によらず 0(CPU でもエラーにならない)
    assert ns["allocated"] == 0
    # memory_summary だけは CUDA がないと例外になる
    if torch.cuda.is_available():
        assert ns["summary_error"] is None
    else:
        assert ns["summary_error"] is not None


def test_mixed_device_error(snippet):
    out = snippet.stdout(f"{BASE}/mixed_device_error")  # CUDA がなければ skip
    error, *rest = out.splitlines()
    # ページが説明するエラー: デバイスの違うテンソルどうしの演算の RuntimeError
    assert error.startswith(
        "RuntimeError: Expected all tensors to be on the same device"
    ), error
    assert "cuda:0" in error and "cpu" in error, error
    # 同じデバイスに移せば計算できる
    assert rest == ["tensor([2., 2., 2.], device='cuda:0')"], rest


def test_cuda_device_info(snippet):
    ns = snippet(f"{BASE}/cuda_device_info")  # CUDA がなければ skip
    cuda = ns["torch"].cuda
    out = snippet.stdout(f"{BASE}/cuda_device_info")
    assert f"GPU の数: {cuda.device_count()}" in out
    assert f"GPU 0 の名前: {cuda.get_device_name(0)}" in out
