"""docs/roadmap/save_deploy.md のテスト。

保存・再開・デプロイ: チェックポイント、torch.export、ONNX。
"""

import torch

BASE = "roadmap/save_deploy"


def test_resumed_run_equals_uninterrupted(snippet):
    ns = snippet(f"{BASE}/checkpoint_resume")
    assert ns["identical"] is True
    for p, q in zip(
        ns["model_a"].parameters(), ns["model_c"].parameters(), strict=True
    ):
        assert torch.equal(p, q)
    assert ns["start_epoch"] == 3
    assert ns["lr_a"] == ns["lr_c"]


def test_export_save_load_run(snippet):
    ns = snippet(f"{BASE}/export_program")
    assert isinstance(ns["loaded"], torch.export.ExportedProgram)
    assert ns["actual"].shape == (5, 2)
    assert torch.allclose(ns["actual"], ns["expected"])


def test_onnx_matches_pytorch(snippet):
    ns = snippet(f"{BASE}/onnx_export")
    assert ns["ort_out"].shape == (5, 2)
    assert ns["max_diff"] < 1e-7  # ページで「10^-7 未満」と書いている


def test_torchscript_is_deprecated(snippet):
    ns = snippet(f"{BASE}/torchscript_deprecated")
    assert any("torch.jit.trace" in m for m in ns["deprecations"])
    assert all("torch.export" in m for m in ns["deprecations"])
