"""更新式を手で計算し、torch.optim の SGD・Momentum・Adam と比べる。

同じパラメータと同じ勾配で 3 ステップ更新し、結果が一致するかを確かめる。
"""

import torch

torch.manual_seed(0)
theta0 = torch.randn(5)
grads = [torch.randn(5) for _ in range(3)]  # 各ステップの勾配 g_t
lr, mom, b1, b2, eps = 0.1, 0.9, 0.9, 0.999, 1e-8


def run_torch(make_opt):
    p = torch.nn.Parameter(theta0.clone())
    opt = make_opt([p])
    for g in grads:
        p.grad = g.clone()
        opt.step()
    return p.detach()


# SGD: θ ← θ - η g
theta = theta0.clone()
for g in grads:
    theta = theta - lr * g
sgd_ok = torch.allclose(
    theta, run_torch(lambda ps: torch.optim.SGD(ps, lr=lr))
)

# Momentum(PyTorch の形): v ← μ v + g、θ ← θ - η v
theta, v = theta0.clone(), torch.zeros(5)
for g in grads:
    v = mom * v + g
    theta = theta - lr * v
momentum_ok = torch.allclose(
    theta, run_torch(lambda ps: torch.optim.SGD(ps, lr=lr, momentum=mom))
)

# Adam
theta, m, s = theta0.clone(), torch.zeros(5), torch.zeros(5)
for t, g in enumerate(grads, start=1):
    m = b1 * m + (1 - b1) * g
    s = b2 * s + (1 - b2) * g**2
    m_hat, s_hat = m / (1 - b1**t), s / (1 - b2**t)
    theta = theta - lr * m_hat / (s_hat.sqrt() + eps)
adam_ok = torch.allclose(
    theta, run_torch(lambda ps: torch.optim.Adam(ps, lr=lr, betas=(b1, b2)))
)

print(f"SGD の式と一致:      {sgd_ok}")
print(f"Momentum の式と一致: {momentum_ok}")
print(f"Adam の式と一致:     {adam_ok}")
