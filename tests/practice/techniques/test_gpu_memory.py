"""docs/practice/techniques/gpu_memory.md のテスト。

2.4 実用的なテクニック「GPU の使用とメモリ管理」:
各スニペットが教えている内容を確かめる。
"""

import torch
import torch.nn.functional as F

BASE = "practice/techniques/gpu_memory"


def test_no_grad_builds_no_graph(snippet):
    ns = snippet(f"{BASE}/memory_basics")
    assert ns["out_train"].requires_grad
    assert not ns["out_infer"].requires_grad
    assert torch.allclose(ns["out_train"].detach(), ns["out_infer"])


def test_checkpointing_gives_every_layer_gradients(snippet):
    ns = snippet(f"{BASE}/gradient_checkpointing")
    model, x, y = ns["model"], ns["x"], ns["y"]
    for name, p in model.named_parameters():
        assert p.grad is not None, name
        assert p.grad.abs().sum() > 0, name
    # チェックポイントなしの順伝播と同じ勾配になる
    grads = {n: p.grad.clone() for n, p in model.named_parameters()}
    model.zero_grad()
    h = F.relu(model.layer2(F.relu(model.layer1(x))))
    F.cross_entropy(model.layer3(h), y).backward()
    for n, p in model.named_parameters():
        assert torch.allclose(p.grad, grads[n], atol=1e-6), n


def test_reentrant_checkpoint_pitfall(snippet):
    ns = snippet(f"{BASE}/checkpoint_pitfall")
    assert ns["layer1"].weight.grad is None  # 学習されない
    assert ns["layer2"].weight.grad is not None
    messages = [str(w.message) for w in ns["caught"]]
    assert any("None of the inputs have requires_grad" in m for m in messages)


def test_amp_bf16_on_cpu(snippet):
    ns = snippet(f"{BASE}/amp_bf16_cpu")
    assert ns["logits"].dtype == torch.bfloat16
    assert ns["loss"].dtype == torch.float32
    assert ns["model"][0].weight.dtype == torch.float32
    assert ns["acc"] > 0.85


def test_amp_fp16_on_cuda(snippet):
    ns = snippet(f"{BASE}/amp_fp16_cuda")  # CUDA がなければ skip
    assert ns["logits"].dtype == torch.float16
    assert ns["loss"].dtype == torch.float32
    # GradScaler が損失を拡大して学習し、重みは float32 のまま
    assert ns["scaler"].is_enabled()
    assert ns["scaler"].get_scale() > 1
    assert ns["model"][0].weight.dtype == torch.float32
    assert ns["acc"] > 0.85
