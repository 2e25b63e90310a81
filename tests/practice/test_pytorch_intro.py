"""4.1 PyTorch 入門: 各スニペットが教えている内容を確かめる。"""

import torch

BASE = "practice/pytorch_intro"


def test_tensor_ops(snippet):
    ns = snippet(f"{BASE}/tensors/tensor_basics")
    a, b = ns["a"], ns["b"]
    assert torch.equal(a @ b, torch.tensor([[19.0, 22.0], [43.0, 50.0]]))
    assert torch.equal(a * b, torch.tensor([[5.0, 12.0], [21.0, 32.0]]))
    # from_numpy はメモリを共有する
    ns["np_array"][0, 0] = 100
    assert ns["torch_tensor"][0, 0].item() == 100
    assert ns["torch_tensor"].dtype == torch.int64


def test_random_values_are_seeded(snippet):
    ns = snippet(f"{BASE}/tensors/tensor_basics")
    torch.manual_seed(0)
    assert torch.equal(ns["randn"], torch.randn(2, 3))


def test_device_agnostic_runs_on_available_device(snippet):
    ns = snippet(f"{BASE}/gpu/device_agnostic")
    expected = "cuda" if torch.cuda.is_available() else None
    if expected:
        assert ns["device"].type == expected
    else:
        assert ns["device"] == torch.device("cpu") or ns["device"].type in {
            "mps",
            "xpu",
        }
    assert ns["y_dev"].device.type == ns["device"].type
    assert ns["y_cpu"].device.type == "cpu"
    assert ns["z"].device.type == ns["device"].type


def test_cuda_details(snippet):
    ns = snippet(f"{BASE}/gpu/cuda_details")  # CUDA がなければ skip
    assert ns["after"] - ns["before"] >= 4 * 2**20


def test_autograd_gradients(snippet):
    ns = snippet(f"{BASE}/autograd/autograd_basics")
    x = ns["x"]
    assert torch.allclose(x.grad, 8 * x.detach() / 3)
    assert ns["out"].grad_fn is not None


def test_autograd_first_example_is_seven(snippet):
    ns = snippet(f"{BASE}/autograd/autograd_basics")
    # 2 つ目の例で x は上書きされるので、y の計算を再現して確かめる
    x = torch.tensor([2.0], requires_grad=True)
    (x**2 + 3 * x + 1).backward()
    assert x.grad.item() == 7.0
    assert ns["y"].grad_fn is not None


def test_simple_net_parameter_count(snippet):
    ns = snippet(f"{BASE}/modules/simple_net")
    assert ns["n_params"] == 118_282
    assert ns["output"].shape == (32, 10)


def test_training_loss_decreases_and_generalises(snippet):
    ns = snippet(f"{BASE}/training_loop/training_loop")
    losses = ns["losses"]
    assert len(losses) == 10
    assert losses[-1] < 0.2 * losses[0]
    assert all(b < a for a, b in zip(losses, losses[1:], strict=False))
    assert ns["val_acc"] > 0.9
