"""docs/roadmap/memory.md のテスト。

メモリ最適化: 勾配蓄積、クリッピング、混合精度、チェックポイント。
"""

import math

import torch

BASE = "roadmap/memory"


def test_grad_accumulation_matches_large_batch(snippet):
    ns = snippet(f"{BASE}/grad_accumulation")
    assert torch.allclose(ns["grad_big"], ns["grad_acc"], atol=1e-6)
    # 回数で割らないと 4 倍になる、という説明も確かめる
    model = torch.nn.Linear(10, 1)
    model.load_state_dict(ns["model_big"].state_dict())
    X, y = ns["X"], ns["y"]
    for xb, yb in zip(X.chunk(4), y.chunk(4), strict=True):
        torch.nn.functional.mse_loss(model(xb), yb).backward()
    assert torch.allclose(model.weight.grad, 4 * ns["grad_big"], atol=1e-5)


def test_grad_clipping(snippet):
    ns = snippet(f"{BASE}/grad_clipping")
    assert ns["norm_before"] > 100
    assert abs(ns["norm_after"].item() - 1.0) < 1e-4


def test_bf16_autocast_on_cpu(snippet):
    ns = snippet(f"{BASE}/autocast_cpu")
    assert ns["logits"].dtype == torch.bfloat16
    assert ns["loss"].dtype == torch.float32
    assert ns["model"][0].weight.dtype == torch.float32
    assert ns["model"][0].weight.grad.dtype == torch.float32
    assert 0 < ns["rel_err"] < 0.05


def test_amp_cuda(snippet):
    ns = snippet(f"{BASE}/amp_cuda")  # CUDA がなければ skip
    assert ns["logits"].dtype == torch.float16
    assert ns["loss"].dtype == torch.float32
    # GradScaler が損失を拡大して学習し、重みは float32 のまま
    scaler = ns["scaler"]
    assert scaler.is_enabled()
    assert scaler.get_scale() > 1
    assert ns["model"][0].weight.dtype == torch.float32
    losses = ns["losses"]
    assert all(math.isfinite(v) for v in losses)
    assert losses[-1] < 0.9 * losses[0]  # 学習が進む


def test_activation_checkpointing_same_gradients(snippet):
    ns = snippet(f"{BASE}/activation_checkpointing")
    assert ns["same_grads"] is True
    assert ns["ckpt"].block1[0].weight.grad is not None
