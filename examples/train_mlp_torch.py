"""手書き数字(scikit-learn の digits)を PyTorch の MLP で学習する。

第4章の技法をまとめた、そのまま実行できるスクリプト。

- データ: scikit-learn に同梱の 8×8 画素の手書き数字(1,797 枚、ダウンロード
  不要)を、学習 60%・検証 20%・テスト 20% に分ける
- 学習率: 最初の 1 エポックで線形にウォームアップし、その後コサインで減衰
  (``SequentialLR`` をバッチごとに進める)
- 早期終了: 検証損失が ``--patience`` エポック改善しなければ止める
- チェックポイント: 最良のモデルを ``best_model.pt``(state_dict)に、毎エポック
  の学習状態を ``last_checkpoint.pt`` に保存し、最後に最良のモデルでテストする
- 学習曲線: ``training_curves.png``(日本語の図)と ``history.json`` を保存する

使い方::

    python examples/train_mlp_torch.py --epochs 50 --out runs/torch
    python examples/train_mlp_torch.py --device cuda --patience 10

出力はすべて ``--out`` のフォルダに書く。
"""

import argparse
import json
import math
import sys
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # 画面を使わず、ファイルに描く

import matplotlib.pyplot as plt  # noqa: E402
import matplotlib_fontja  # noqa: E402
import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402
from sklearn.datasets import load_digits  # noqa: E402
from sklearn.model_selection import train_test_split  # noqa: E402
from torch.optim.lr_scheduler import (  # noqa: E402
    CosineAnnealingLR,
    LinearLR,
    SequentialLR,
)
from torch.utils.data import DataLoader, TensorDataset  # noqa: E402


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        msg = f"1 以上の整数を指定してください: {text}"
        raise argparse.ArgumentTypeError(msg)
    return value


def positive_float(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError(f"正の数を指定してください: {text}")
    return value


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="digits を PyTorch の MLP で学習する(早期終了、"
        "チェックポイント、学習率スケジュール、学習曲線つき)"
    )
    parser.add_argument(
        "--epochs", type=positive_int, default=50, help="最大エポック数"
    )
    parser.add_argument(
        "--batch-size", type=positive_int, default=32, help="バッチサイズ"
    )
    parser.add_argument(
        "--lr", type=positive_float, default=3e-3, help="最大学習率"
    )
    parser.add_argument(
        "--patience",
        type=positive_int,
        default=5,
        help="検証損失が改善しないまま待つエポック数",
    )
    parser.add_argument(
        "--device",
        default="auto",
        help="auto(既定: 使える GPU を自動で選ぶ)、cpu、cuda、cuda:1、mps",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=Path("runs/mlp_torch"),
        help="出力先のフォルダ",
    )
    parser.add_argument("--seed", type=int, default=0, help="乱数のシード")
    args = parser.parse_args(argv)
    args.device = resolve_device(parser, args.device)
    return args


def resolve_device(parser: argparse.ArgumentParser, name: str) -> torch.device:
    """--device を検証し、使えなければ分かりやすいメッセージで終了する。"""
    if name == "auto":
        if torch.cuda.is_available():
            return torch.device("cuda")
        if torch.backends.mps.is_available():
            return torch.device("mps")
        return torch.device("cpu")
    try:
        device = torch.device(name)
    except RuntimeError:
        parser.error(f"--device: 不明なデバイスです: {name!r}")
    if device.type == "cuda":
        if not torch.cuda.is_available():
            parser.error("--device: CUDA が使えません(GPU かドライバがない)")
        if device.index is not None and (
            device.index >= torch.cuda.device_count()
        ):
            parser.error(f"--device: {name} はありません")
    elif device.type == "mps" and not torch.backends.mps.is_available():
        parser.error("--device: MPS が使えません")
    elif device.type not in {"cpu", "cuda", "mps"}:
        parser.error(f"--device: {name!r} には対応していません")
    return device


def load_data(seed: int):
    digits = load_digits()
    X = digits.data.astype("float32") / 16.0
    y = digits.target
    X_train, X_rest, y_train, y_rest = train_test_split(
        X, y, test_size=0.4, random_state=seed, stratify=y
    )
    X_val, X_test, y_val, y_test = train_test_split(
        X_rest, y_rest, test_size=0.5, random_state=seed, stratify=y_rest
    )

    def to_tensors(a, b):
        return torch.tensor(a), torch.tensor(b)

    return (
        to_tensors(X_train, y_train),
        to_tensors(X_val, y_val),
        to_tensors(X_test, y_test),
    )


def build_model() -> nn.Module:
    return nn.Sequential(
        nn.Linear(64, 256),
        nn.ReLU(),
        nn.Dropout(0.2),
        nn.Linear(256, 128),
        nn.ReLU(),
        nn.Linear(128, 10),
    )


def build_scheduler(optimizer, steps_per_epoch: int, epochs: int):
    """1 エポックのウォームアップ + コサイン減衰(バッチ単位で進める)。"""
    total = steps_per_epoch * epochs
    if epochs == 1:
        return CosineAnnealingLR(optimizer, T_max=total)
    warmup = steps_per_epoch
    return SequentialLR(
        optimizer,
        [
            LinearLR(optimizer, start_factor=0.01, total_iters=warmup),
            CosineAnnealingLR(optimizer, T_max=total - warmup),
        ],
        milestones=[warmup],
    )


@torch.no_grad()
def evaluate(model, X, y, criterion) -> tuple[float, float]:
    model.eval()
    out = model(X)
    loss = criterion(out, y).item()
    acc = (out.argmax(dim=1) == y).float().mean().item()
    return loss, acc


def save_plot(history: dict, path: Path) -> None:
    matplotlib_fontja.japanize()
    epochs = range(1, len(history["train_loss"]) + 1)
    fig, (ax1, ax2, ax3) = plt.subplots(1, 3, figsize=(13, 3.8))
    ax1.plot(epochs, history["train_loss"], marker="o", label="学習")
    ax1.plot(epochs, history["val_loss"], marker="s", label="検証")
    ax1.axvline(history["best_epoch"], color="gray", ls="--", label="最良")
    ax1.set(xlabel="エポック", ylabel="損失", title="損失の推移")
    ax1.legend()
    ax2.plot(epochs, history["val_acc"], marker="s", color="C1")
    ax2.set(xlabel="エポック", ylabel="正解率", title="検証データの正解率")
    ax3.plot(epochs, history["lr"], color="C2")
    ax3.set(xlabel="エポック", ylabel="学習率", title="学習率(エポック開始時)")
    for ax in (ax1, ax2, ax3):
        ax.grid(True, alpha=0.3)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    fig.suptitle("PyTorch: digits の学習曲線")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(args.seed)
    device = args.device

    (X_train, y_train), (X_val, y_val), (X_test, y_test) = load_data(args.seed)
    train_loader = DataLoader(
        TensorDataset(X_train, y_train),
        batch_size=args.batch_size,
        shuffle=True,
        generator=torch.Generator().manual_seed(args.seed),
    )
    X_val, y_val = X_val.to(device), y_val.to(device)
    X_test, y_test = X_test.to(device), y_test.to(device)

    model = build_model().to(device)
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr)
    scheduler = build_scheduler(optimizer, len(train_loader), args.epochs)

    print(
        f"デバイス: {device}、学習 {len(X_train)} 件、検証 {len(X_val)} 件、"
        f"テスト {len(X_test)} 件"
    )
    best_path = args.out / "best_model.pt"
    last_path = args.out / "last_checkpoint.pt"
    history = {"train_loss": [], "val_loss": [], "val_acc": [], "lr": []}
    best_loss, best_epoch, wait = math.inf, 0, 0
    start = time.perf_counter()

    for epoch in range(1, args.epochs + 1):
        history["lr"].append(optimizer.param_groups[0]["lr"])
        model.train()
        total = 0.0
        for xb, yb in train_loader:
            xb, yb = xb.to(device), yb.to(device)
            optimizer.zero_grad()
            loss = criterion(model(xb), yb)
            loss.backward()
            optimizer.step()
            scheduler.step()
            total += loss.item() * len(xb)
        train_loss = total / len(X_train)
        val_loss, val_acc = evaluate(model, X_val, y_val, criterion)
        history["train_loss"].append(train_loss)
        history["val_loss"].append(val_loss)
        history["val_acc"].append(val_acc)

        improved = val_loss < best_loss
        if improved:
            best_loss, best_epoch, wait = val_loss, epoch, 0
            torch.save(model.state_dict(), best_path)
        else:
            wait += 1
        torch.save(
            {
                "epoch": epoch,
                "model_state_dict": model.state_dict(),
                "optimizer_state_dict": optimizer.state_dict(),
                "scheduler_state_dict": scheduler.state_dict(),
                "best_loss": best_loss,
            },
            last_path,
        )
        print(
            f"epoch {epoch:3d}/{args.epochs}  train_loss {train_loss:.4f}  "
            f"val_loss {val_loss:.4f}  val_acc {val_acc:.3f}  "
            f"lr {history['lr'][-1]:.2e}" + ("  *最良" if improved else ""),
            flush=True,
        )
        if wait >= args.patience:
            print(f"検証損失が {args.patience} エポック改善しないので終了")
            break

    history["best_epoch"] = best_epoch
    model.load_state_dict(torch.load(best_path, map_location=device))
    test_loss, test_acc = evaluate(model, X_test, y_test, criterion)
    history["test_loss"], history["test_acc"] = test_loss, test_acc

    (args.out / "history.json").write_text(
        json.dumps(history, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    save_plot(history, args.out / "training_curves.png")
    print(
        f"最良のエポック {best_epoch}(検証損失 {best_loss:.4f})の重みで "
        f"テスト: 損失 {test_loss:.4f}、正解率 {test_acc:.3f}"
    )
    print(f"所要時間 {time.perf_counter() - start:.1f} 秒、出力: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
