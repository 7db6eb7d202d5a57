"""The yeast objective of bench/sweep_yeast.lua in PyTorch, searched by Optuna.

    python bench/optuna_yeast.py --sampler tpe|random --seeds 20 --trials 50 [--epochs 20]

The same data as the Lua script: the official MULAN train split ($CRESCENT_DATA/yeast/
yeast-train.arff), every fifth row (positions 5, 10, ... counted from 1) held out for
validation, features standardised with the mean and population standard deviation of the
other rows. The same model: Linear(103, width) -> ReLU -> Dropout -> Linear(width, 14) ->
sigmoid, Glorot-uniform weights and zero biases as Crescent's Dense starts, the weights seeded
the same in every trial; binary cross-entropy, Adam(lr) (eps 1e-8), batch 32, rows shuffled
every epoch. The objective is the micro-F1 on the held-out rows after the last epoch
(predictions thresholded at 0.5), maximised over lr loguniform(1e-4, 1e-1), width
int(16, 512, log) and dropout uniform(0, 0.5). `--sampler tpe` is Optuna's TPESampler with its
default settings, `random` its RandomSampler, each seeded by the study's seed. One thread
(torch.set_num_threads(1)). Needs torch and optuna in one environment, e.g.
PYTHONPATH=<optuna venv>/lib/python3.11/site-packages <torch venv>/bin/python bench/optuna_yeast.py.
"""
import argparse
import os
import statistics
import time

import numpy as np
import optuna
import torch

optuna.logging.set_verbosity(optuna.logging.ERROR)
torch.set_num_threads(1)
N_LABELS = 14


def load_yeast():
  path = os.path.join(os.environ.get("CRESCENT_DATA", "/work/shared/datasets"), "yeast", "yeast-train.arff")
  rows = []
  with open(path) as f:
    in_data = False
    for line in f:
      line = line.strip()
      if not line:
        continue
      if in_data:
        rows.append([float(v) for v in line.split(",")])
      elif line.lower() == "@data":
        in_data = True
  a = np.array(rows, dtype=np.float64)
  x, y = a[:, :-N_LABELS], a[:, -N_LABELS:]
  val = np.arange(1, len(a) + 1) % 5 == 0
  fit_x, val_x = x[~val], x[val]
  mean, std = fit_x.mean(axis=0), fit_x.std(axis=0)
  std[std == 0] = 1
  as_tensor = lambda v: torch.tensor(v, dtype=torch.float32)
  return (as_tensor((fit_x - mean) / std), as_tensor(y[~val]), as_tensor((val_x - mean) / std), as_tensor(y[val]))


DATA = None


def micro_f1(y, p):
  pred = p >= 0.5
  truth = y >= 0.5
  tp = (pred & truth).sum().item()
  fp = (pred & ~truth).sum().item()
  fn = (~pred & truth).sum().item()
  return 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)


def train(lr, width, dropout, epochs, batch_size=32, seed=1):
  fit_x, fit_y, val_x, val_y = DATA
  torch.manual_seed(seed)
  model = torch.nn.Sequential(torch.nn.Linear(fit_x.shape[1], width), torch.nn.ReLU(), torch.nn.Dropout(dropout),
                              torch.nn.Linear(width, N_LABELS))
  for layer in (model[0], model[3]):
    torch.nn.init.xavier_uniform_(layer.weight)
    torch.nn.init.zeros_(layer.bias)
  opt = torch.optim.Adam(model.parameters(), lr=lr, eps=1e-8)
  loss_fn = torch.nn.BCEWithLogitsLoss()
  gen = torch.Generator().manual_seed(seed)
  f1s = []
  for _ in range(epochs):
    model.train()
    order = torch.randperm(len(fit_x), generator=gen)
    for start in range(0, len(order), batch_size):
      idx = order[start:start + batch_size]
      opt.zero_grad()
      loss_fn(model(fit_x[idx]), fit_y[idx]).backward()
      opt.step()
    model.eval()
    with torch.no_grad():
      f1s.append(micro_f1(val_y, torch.sigmoid(model(val_x))))
  return f1s


def main():
  global DATA
  parser = argparse.ArgumentParser()
  parser.add_argument("--sampler", choices=["tpe", "random"], default="tpe")
  parser.add_argument("--seeds", type=int, default=20)
  parser.add_argument("--first-seed", type=int, default=0)
  parser.add_argument("--trials", type=int, default=50)
  parser.add_argument("--epochs", type=int, default=20)
  args = parser.parse_args()
  DATA = load_yeast()

  def objective(trial):
    lr = trial.suggest_float("lr", 1e-4, 1e-1, log=True)
    width = trial.suggest_int("width", 16, 512, log=True)
    dropout = trial.suggest_float("dropout", 0.0, 0.5)
    return train(lr, width, dropout, args.epochs)[-1]

  bests = []
  t0 = time.perf_counter()
  for seed in range(args.first_seed, args.first_seed + args.seeds):
    sampler = optuna.samplers.TPESampler(seed=seed) if args.sampler == "tpe" else optuna.samplers.RandomSampler(seed=seed)
    study = optuna.create_study(direction="maximize", sampler=sampler)
    study.optimize(objective, n_trials=args.trials)
    bests.append(study.best_value)
    print(f"seed {seed}: best {study.best_value:.6f}", flush=True)
  q = statistics.quantiles(bests, n=4, method="inclusive") if len(bests) > 1 else [bests[0]] * 3
  print(f"optuna objective=yeast sampler={args.sampler} seeds={args.seeds} trials={args.trials} epochs={args.epochs} "
        f"median_best={statistics.median(bests):.6f} q1={q[0]:.6f} q3={q[2]:.6f} best={max(bests):.6f} "
        f"worst={min(bests):.6f} total_epochs={args.seeds * args.trials * args.epochs} "
        f"seconds={time.perf_counter() - t0:.1f}")


if __name__ == "__main__":
  main()
