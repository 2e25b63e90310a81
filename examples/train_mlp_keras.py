"""手書き数字(scikit-learn の digits)を Keras の MLP で学習する。

``train_mlp_torch.py`` と同じ課題・同じ構成を、Keras 3 のコールバックで書いた
そのまま実行できるスクリプト。

- データ: scikit-learn に同梱の 8×8 画素の手書き数字(1,797 枚、ダウンロード
  不要)を、学習 60%・検証 20%・テスト 20% に分ける
- 学習率: ``CosineDecay`` で最初の 1 エポックをウォームアップし、その後
  コサインで減衰(バッチ単位)
- 早期終了: ``EarlyStopping(restore_best_weights=True)``。検証損失が
  ``--patience`` エポック改善しなければ止め、最良の重みに戻す
- チェックポイント: ``ModelCheckpoint`` で最良のモデルを ``best_model.keras``
  に保存する
- 学習曲線: ``training_curves.png``(日本語の図)と ``history.json`` を保存する

使い方::

    python examples/train_mlp_keras.py --epochs 50 --out runs/keras

GPU があれば TensorFlow が自動で使う(``--device`` はない)。出力はすべて
``--out`` のフォルダに書く。
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

# TensorFlow の起動時のログ(INFO と WARNING)を出さない
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")


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
        description="digits を Keras の MLP で学習する(早期終了、"
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
        "--out",
        type=Path,
        default=Path("runs/mlp_keras"),
        help="出力先のフォルダ",
    )
    parser.add_argument("--seed", type=int, default=0, help="乱数のシード")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    # 引数の誤りは、重い import の前に知らせる
    args = parse_args(argv)

    import keras
    import matplotlib

    matplotlib.use("Agg")  # 画面を使わず、ファイルに描く
    import matplotlib.pyplot as plt
    import matplotlib_fontja
    from keras import layers
    from matplotlib.ticker import MaxNLocator
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    args.out.mkdir(parents=True, exist_ok=True)
    keras.utils.set_random_seed(args.seed)

    digits = load_digits()
    X = digits.data.astype("float32") / 16.0
    y = digits.target
    X_train, X_rest, y_train, y_rest = train_test_split(
        X, y, test_size=0.4, random_state=args.seed, stratify=y
    )
    X_val, X_test, y_val, y_test = train_test_split(
        X_rest, y_rest, test_size=0.5, random_state=args.seed, stratify=y_rest
    )

    steps_per_epoch = -(-len(X_train) // args.batch_size)  # 切り上げ
    total_steps = steps_per_epoch * args.epochs
    warmup_steps = steps_per_epoch if args.epochs > 1 else 0
    schedule = keras.optimizers.schedules.CosineDecay(
        initial_learning_rate=args.lr * 0.01 if warmup_steps else args.lr,
        warmup_target=args.lr if warmup_steps else None,
        warmup_steps=warmup_steps,
        decay_steps=total_steps - warmup_steps,
    )

    model = keras.Sequential(
        [
            keras.Input(shape=(64,)),
            layers.Dense(256, activation="relu"),
            layers.Dropout(0.2),
            layers.Dense(128, activation="relu"),
            layers.Dense(10),
        ]
    )
    model.compile(
        optimizer=keras.optimizers.AdamW(learning_rate=schedule),
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        metrics=["accuracy"],
    )

    lr_at_epoch_start = []

    def on_epoch_begin(epoch, logs=None):
        lr_at_epoch_start.append(float(schedule(epoch * steps_per_epoch)))

    best = {"loss": float("inf"), "epoch": 0}

    def on_epoch_end(epoch, logs):
        improved = logs["val_loss"] < best["loss"]
        if improved:
            best.update(loss=logs["val_loss"], epoch=epoch + 1)
        print(
            f"epoch {epoch + 1:3d}/{args.epochs}  "
            f"train_loss {logs['loss']:.4f}  val_loss {logs['val_loss']:.4f}  "
            f"val_acc {logs['val_accuracy']:.3f}  "
            f"lr {lr_at_epoch_start[-1]:.2e}"
            + ("  *最良" if improved else ""),
            flush=True,
        )

    early_stopping = keras.callbacks.EarlyStopping(
        monitor="val_loss", patience=args.patience, restore_best_weights=True
    )
    callbacks = [
        keras.callbacks.LambdaCallback(
            on_epoch_begin=on_epoch_begin, on_epoch_end=on_epoch_end
        ),
        early_stopping,
        keras.callbacks.ModelCheckpoint(
            filepath=str(args.out / "best_model.keras"),
            monitor="val_loss",
            save_best_only=True,
        ),
    ]

    print(
        f"学習 {len(X_train)} 件、検証 {len(X_val)} 件、"
        f"テスト {len(X_test)} 件"
    )
    start = time.perf_counter()
    fit = model.fit(
        X_train,
        y_train,
        batch_size=args.batch_size,
        epochs=args.epochs,
        validation_data=(X_val, y_val),
        callbacks=callbacks,
        verbose=0,
    )
    if early_stopping.stopped_epoch > 0:
        print(f"検証損失が {args.patience} エポック改善しないので終了しました")

    test_loss, test_acc = model.evaluate(X_test, y_test, verbose=0)
    history = {
        "train_loss": fit.history["loss"],
        "val_loss": fit.history["val_loss"],
        "val_acc": fit.history["val_accuracy"],
        "lr": lr_at_epoch_start,
        "best_epoch": best["epoch"],
        "test_loss": test_loss,
        "test_acc": test_acc,
    }
    (args.out / "history.json").write_text(
        json.dumps(history, ensure_ascii=False, indent=2), encoding="utf-8"
    )

    matplotlib_fontja.japanize()
    epochs = range(1, len(history["train_loss"]) + 1)
    fig, (ax1, ax2, ax3) = plt.subplots(1, 3, figsize=(13, 3.8))
    ax1.plot(epochs, history["train_loss"], marker="o", label="学習")
    ax1.plot(epochs, history["val_loss"], marker="s", label="検証")
    ax1.axvline(best["epoch"], color="gray", linestyle="--", label="最良")
    ax1.set(xlabel="エポック", ylabel="損失", title="損失の推移")
    ax1.legend()
    ax2.plot(epochs, history["val_acc"], marker="s", color="C1")
    ax2.set(xlabel="エポック", ylabel="正解率", title="検証データの正解率")
    ax3.plot(epochs, history["lr"], color="C2")
    ax3.set(xlabel="エポック", ylabel="学習率", title="学習率(エポック開始時)")
    for ax in (ax1, ax2, ax3):
        ax.grid(True, alpha=0.3)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    fig.suptitle("Keras: digits の学習曲線")
    fig.tight_layout()
    fig.savefig(args.out / "training_curves.png", dpi=100)
    plt.close(fig)

    print(
        f"最良のエポック {best['epoch']}(検証損失 {best['loss']:.4f})の重みで "
        f"テスト: 損失 {test_loss:.4f}、正解率 {test_acc:.3f}"
    )
    print(f"所要時間 {time.perf_counter() - start:.1f} 秒、出力: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
