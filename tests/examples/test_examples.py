"""examples/ のスクリプトを短い設定で実行し、出力と終了コードを確かめる。"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SCRIPTS = ["train_mlp_torch.py", "train_mlp_keras.py"]
MODEL_FILES = {
    "train_mlp_torch.py": "best_model.pt",
    "train_mlp_keras.py": "best_model.keras",
}


def run(script: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "MPLBACKEND": "Agg", "TF_CPP_MIN_LOG_LEVEL": "2"}
    return subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=240,
    )


@pytest.mark.parametrize("script", SCRIPTS)
def test_short_training_run(script, tmp_path):
    out = tmp_path / "out"
    proc = run(script, "--epochs", "2", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    # 進捗は 1 エポック 1 行
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("epoch")]
    assert len(lines) == 2 and lines[0].startswith("epoch   1/2")
    assert "テスト" in proc.stdout
    assert "Warning" not in proc.stderr  # 非推奨などの警告を出さない
    for name in (MODEL_FILES[script], "history.json", "training_curves.png"):
        assert (out / name).is_file(), name
    history = json.loads((out / "history.json").read_text(encoding="utf-8"))
    assert len(history["val_loss"]) == 2
    assert history["val_loss"][1] < history["val_loss"][0]  # 学習が進む
    assert history["best_epoch"] == 2
    assert history["test_acc"] > 0.8
    # 2 エポックではウォームアップ(1 エポック目)の後に学習率が最大になる
    assert history["lr"][0] < history["lr"][1]
    png = (out / "training_curves.png").read_bytes()
    assert png.startswith(b"\x89PNG")


def test_torch_checkpoint_resumable(tmp_path):
    import torch

    proc = run("train_mlp_torch.py", "--epochs", "2", "--out", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    ckpt = torch.load(tmp_path / "last_checkpoint.pt")  # weights_only=True
    assert ckpt["epoch"] == 2
    assert {"model_state_dict", "optimizer_state_dict"} <= set(ckpt)
    best = torch.load(tmp_path / "best_model.pt")
    assert "0.weight" in best


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--epochs", "0"], "1 以上の整数"),
        (["--patience", "-3"], "1 以上の整数"),
        (["--lr", "0"], "正の数"),
    ],
)
def test_bad_options_exit_cleanly(script, args, message, tmp_path):
    proc = run(script, *args, "--out", str(tmp_path))
    assert proc.returncode == 2
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not any(tmp_path.iterdir())  # 何も書かない


@pytest.mark.parametrize(
    ("device", "message"),
    [("foo", "不明なデバイス"), ("meta", "対応していません")],
)
def test_torch_bad_device(device, message, tmp_path):
    out = str(tmp_path)
    proc = run("train_mlp_torch.py", "--device", device, "--out", out)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr


def test_torch_cuda_unavailable_is_a_clean_error(tmp_path):
    import torch

    if torch.cuda.is_available():
        pytest.skip("CUDA が使える環境では、このエラーは起きない")
    out = str(tmp_path)
    proc = run("train_mlp_torch.py", "--device", "cuda", "--out", out)
    assert proc.returncode == 2
    assert "CUDA が使えません" in proc.stderr
