"""4.4 実用的なテクニック: 各スニペットが教えている内容を確かめる。"""

import math
import pickle

import torch
import torch.nn.functional as F

BASE = "practice/techniques"


def test_no_grad_builds_no_graph(snippet):
    ns = snippet(f"{BASE}/gpu_memory/memory_basics")
    assert ns["out_train"].requires_grad
    assert not ns["out_infer"].requires_grad
    assert torch.allclose(ns["out_train"].detach(), ns["out_infer"])


def test_checkpointing_gives_every_layer_gradients(snippet):
    ns = snippet(f"{BASE}/gpu_memory/gradient_checkpointing")
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
    ns = snippet(f"{BASE}/gpu_memory/checkpoint_pitfall")
    assert ns["layer1"].weight.grad is None  # 学習されない
    assert ns["layer2"].weight.grad is not None
    messages = [str(w.message) for w in ns["caught"]]
    assert any("None of the inputs have requires_grad" in m for m in messages)


def test_amp_bf16_on_cpu(snippet):
    ns = snippet(f"{BASE}/gpu_memory/amp_bf16_cpu")
    assert ns["logits"].dtype == torch.bfloat16
    assert ns["loss"].dtype == torch.float32
    assert ns["model"][0].weight.dtype == torch.float32
    assert ns["acc"] > 0.85


def test_amp_fp16_on_cuda(snippet):
    ns = snippet(f"{BASE}/gpu_memory/amp_fp16_cuda")  # CUDA がなければ skip
    assert ns["logits"].dtype == torch.float16
    assert ns["loss"].dtype == torch.float32
    assert ns["acc"] > 0.85


def test_torch_state_dict_round_trip(snippet):
    ns = snippet(f"{BASE}/save_load/save_load_torch")
    assert ns["same"]
    assert set(ns["ckpt"]) == {
        "epoch",
        "model_state_dict",
        "optimizer_state_dict",
        "loss",
    }
    for k, v in ns["model"].state_dict().items():
        assert torch.equal(ns["resumed"].state_dict()[k], v)
    assert len(ns["resumed_opt"].state_dict()["state"]) == 4


def test_keras3_save_formats(snippet):
    ns = snippet(f"{BASE}/save_load/save_load_keras")
    assert ns["keras_path"].endswith(".keras")
    assert ns["weights_path"].endswith(".weights.h5")
    assert ns["same"]
    assert "saved_model.pb" in ns["exported"]


def test_full_model_torch_load_fails_by_default(snippet):
    ns = snippet(f"{BASE}/save_load/full_model_pitfall")
    assert isinstance(ns["error"], pickle.UnpicklingError)
    assert "Unsupported global" in str(ns["error"])
    assert type(ns["loaded"]).__name__ == "SimpleNet"


def test_early_stopping_restores_best_exactly(snippet):
    ns = snippet(f"{BASE}/early_stopping/early_stopping_torch")
    stopper = ns["early_stopping"]
    assert ns["epoch"] < 100  # 早期終了した
    assert ns["epoch"] - stopper.best_epoch == stopper.patience
    assert ns["last_val_loss"] > stopper.best_loss
    # 復元後の検証損失は、最良のエポックの検証損失と完全に一致する
    assert ns["restored_val_loss"] == stopper.best_loss


def test_early_stopping_class_keeps_a_real_copy(snippet):
    ns = snippet(f"{BASE}/early_stopping/early_stopping_torch")
    model = torch.nn.Linear(3, 2)
    stopper = ns["EarlyStopping"](patience=1)
    saved = {k: v.clone() for k, v in model.state_dict().items()}
    assert not stopper(1.0, model, epoch=1)
    with torch.no_grad():
        model.weight.add_(1.0)  # その場で書き換える(optimizer.step と同じ)
    assert stopper(2.0, model, epoch=2)  # 改善なし → 停止
    stopper.restore(model)
    for k, v in model.state_dict().items():
        assert torch.equal(v, saved[k])


def test_shallow_copy_restores_nothing(snippet):
    ns = snippet(f"{BASE}/early_stopping/shallow_copy_pitfall")
    assert ns["current_loss"] != ns["saved_loss"]
    # 浅いコピーからの「復元」は今の重みのまま
    assert ns["shallow_restored_loss"] == ns["current_loss"]
    assert ns["shallow_restored_loss"] != ns["saved_loss"]
    # clone() した重みからは、保存した時点の損失が完全に戻る
    assert ns["deep_restored_loss"] == ns["saved_loss"]
    ptr = ns["model"][0].weight.data_ptr()
    assert ns["shallow"]["0.weight"].data_ptr() == ptr
    assert ns["deep"]["0.weight"].data_ptr() != ptr


def test_keras_early_stopping_restores_best(snippet):
    ns = snippet(f"{BASE}/early_stopping/early_stopping_keras")
    val_losses = ns["val_losses"]
    assert len(val_losses) - ns["best_epoch"] == 5  # patience
    assert val_losses[-1] > min(val_losses)
    assert math.isclose(ns["restored_val_loss"], min(val_losses), rel_tol=1e-5)


def test_scheduler_curves(snippet):
    ns = snippet(f"{BASE}/lr_scheduling/schedulers_plot")
    c = ns["lr_curves"]
    step = c["StepLR"]
    assert step[:10] == [0.1] * 10 and math.isclose(step[10], 0.05)
    for k, lr in enumerate(c["ExponentialLR"]):
        assert math.isclose(lr, 0.1 * 0.95**k, rel_tol=1e-9)
    cos = c["CosineAnnealingLR"]
    assert math.isclose(cos[25], 1e-4 + (0.1 - 1e-4) / 2, rel_tol=1e-6)
    warm = c["ウォームアップ + コサイン"]
    assert math.isclose(warm[0], 0.01)
    assert all(a < b for a, b in zip(warm[:5], warm[1:6], strict=True))
    assert math.isclose(warm[5], 0.1)
    assert all(a >= b for a, b in zip(warm[5:], warm[6:], strict=False))
    ax = ns["ax"]
    assert ax.get_title() == "学習率スケジューラの比較"
    assert ax.get_yscale() == "log"


def test_torch_and_keras_schedules_agree(snippet):
    t = snippet(f"{BASE}/lr_scheduling/lr_schedule_torch")
    k = snippet(f"{BASE}/lr_scheduling/lr_schedule_keras")
    assert t["total_steps"] == k["epochs"] * k["steps_per_epoch"]
    # PyTorch のスケジュールを最初から再生し、Keras のものと比べる
    sched_cls = torch.optim.lr_scheduler
    opt = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=3e-3)
    warmup = t["warmup_steps"]
    sched = sched_cls.SequentialLR(
        opt,
        [
            sched_cls.LinearLR(opt, start_factor=0.01, total_iters=warmup),
            sched_cls.CosineAnnealingLR(opt, T_max=t["total_steps"] - warmup),
        ],
        milestones=[warmup],
    )
    for step in range(t["total_steps"]):
        keras_lr = float(k["schedule"](step))
        assert math.isclose(
            sched.get_last_lr()[0], keras_lr, rel_tol=1e-4, abs_tol=1e-8
        ), step
        opt.step()
        sched.step()
    assert t["val_acc"] > 0.9
    assert k["history"].history["val_accuracy"][-1] > 0.9
