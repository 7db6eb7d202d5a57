"""Optuna's samplers on the objectives `crescent bench sweep` runs, and the oracle values the
sweep tests compare with.

    python bench/optuna_samplers.py --objective branin --sampler tpe --seeds 20 --trials 50
    python bench/optuna_samplers.py oracle > values.json

`--sampler tpe` is Optuna's TPESampler with its default settings; `tpe-univariate` is the same
with multivariate=False and constant_liar=False (the algorithm Crescent's TPE follows); `random`
is its RandomSampler. Prints the median best value over seeds and the mean time per trial
(sampling plus Optuna's in-memory bookkeeping; the objective is negligible). Needs optuna and
numpy (pip install optuna) in a virtual environment.
"""
import argparse
import json
import math
import statistics
import sys
import time

import numpy as np
import optuna
from optuna.distributions import CategoricalDistribution as C
from optuna.distributions import FloatDistribution as F
from optuna.distributions import IntDistribution as I
from optuna.trial import TrialState as S
from optuna.trial import create_trial

optuna.logging.set_verbosity(optuna.logging.ERROR)

ALPHA = [1.0, 1.2, 3.0, 3.2]
A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
P = [[v * 1e-4 for v in row] for row in [[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
                                         [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]]]


def branin(trial):
  x1 = trial.suggest_float("x1", -5, 10)
  x2 = trial.suggest_float("x2", 0, 15)
  b, c, t = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
  return (x2 - b * x1 * x1 + c * x1 - 6) ** 2 + 10 * (1 - t) * math.cos(x1) + 10


def hartmann6(trial):
  x = [trial.suggest_float(f"x{j + 1}", 0, 1) for j in range(6)]
  return -sum(ALPHA[i] * math.exp(-sum(A[i][j] * (x[j] - P[i][j]) ** 2 for j in range(6))) for i in range(4))


def make_sampler(name, seed):
  if name == "tpe":
    return optuna.samplers.TPESampler(seed=seed)
  if name == "tpe-univariate":
    return optuna.samplers.TPESampler(seed=seed, multivariate=False, constant_liar=False)
  return optuna.samplers.RandomSampler(seed=seed)


def bench(args):
  objective = {"branin": branin, "hartmann6": hartmann6}[args.objective]
  bests, seconds = [], []
  for seed in range(args.seeds):
    study = optuna.create_study(sampler=make_sampler(args.sampler, seed))
    t0 = time.perf_counter()
    study.optimize(objective, n_trials=args.trials)
    seconds.append((time.perf_counter() - t0) / args.trials)
    bests.append(study.best_value)
  bests.sort()
  print(f"optuna objective={args.objective} sampler={args.sampler} seeds={args.seeds} trials={args.trials} "
        f"median_best={statistics.median(bests):.6f} best={bests[0]:.6f} worst={bests[-1]:.6f} "
        f"ms_per_trial={statistics.mean(seconds) * 1000:.3f}")


# The oracle: a fixed history, its TPE split and Parzen estimators, and pruning decisions.
ORACLE_SPACE = {
  "x": F(-5, 10), "lr": F(1e-4, 1e-1, log=True), "n": I(1, 8), "w": I(8, 1024, log=True),
  "d": F(0, 0.5, step=0.1), "opt": C(["adam", "sgd", "rmsprop"]), "mom": F(0, 0.99),
}
# x, lr, n, w, d, opt, mom (sgd only), state, value, intermediate values.
ORACLE_ROWS = [
  (1.5, 0.003, 3, 64, 0.2, "adam", None, "C", 4.2, None),
  (-2.0, 0.05, 7, 512, 0.0, "sgd", 0.9, "C", 9.1, None),
  (7.25, 0.0002, 1, 9, 0.5, "rmsprop", None, "C", 2.7, None),
  (3.0, 0.01, 5, 200, 0.3, "sgd", 0.1, "P", None, {0: 8.0, 1: 7.5}),
  (0.1, 0.0009, 2, 30, 0.1, "adam", None, "C", 1.3, None),
  (9.9, 0.09, 8, 1000, 0.4, "sgd", 0.5, "C", 6.6, None),
  (-4.5, 0.0001, 4, 16, 0.2, "rmsprop", None, "F", None, None),
  (2.2, 0.004, 6, 128, 0.1, "adam", None, "C", 0.8, None),
  (5.5, 0.02, 3, 300, 0.0, "sgd", 0.95, "P", None, {0: 5.0}),
  (-1.0, 0.0005, 2, 40, 0.3, "adam", None, "C", 3.3, None),
  (4.4, 0.007, 5, 90, 0.2, "rmsprop", None, "C", 2.9, None),
  (6.1, 0.03, 7, 700, 0.5, "sgd", 0.3, "C", 5.2, None),
  (0.7, 0.0015, 1, 12, 0.4, "adam", None, "R", None, None),
  (8.0, 0.06, 4, 256, 0.1, "sgd", 0.7, "P", None, {0: 6.0, 1: 4.0, 2: 3.9}),
  (-3.3, 0.0003, 6, 20, 0.0, "rmsprop", None, "C", 7.7, None),
  (1.1, 0.002, 3, 50, 0.3, "adam", None, "C", 0.9, None),
  (2.9, 0.012, 2, 150, 0.2, "sgd", 0.6, "C", 1.8, None),
  (-0.5, 0.0007, 8, 70, 0.1, "adam", None, "C", 2.1, None),
  (3.7, 0.008, 5, 400, 0.4, "sgd", 0.8, "C", 4.9, None),
  (0.3, 0.001, 4, 33, 0.2, "rmsprop", None, "C", 1.1, None),
  (5.0, 0.04, 6, 600, 0.0, "sgd", 0.2, "C", 3.6, None),
]
ORACLE_STATES = {"C": S.COMPLETE, "P": S.PRUNED, "F": S.FAIL, "R": S.RUNNING}
ORACLE_POINTS = {"x": [-4.0, 0.0, 2.5, 9.0], "lr": [0.0002, 0.003, 0.05], "n": [1.0, 4.0, 8.0],
                 "w": [8.0, 100.0, 1024.0], "d": [0.0, 0.2, 0.5], "mom": [0.0, 0.5, 0.95], "opt": [0.0, 1.0, 2.0]}


def oracle_study(direction):
  study = optuna.create_study(direction=direction,
                              sampler=optuna.samplers.TPESampler(multivariate=False, constant_liar=False, seed=0))
  for (x, lr, n, w, d, opt, mom, s, v, iv) in ORACLE_ROWS:
    params = dict(x=x, lr=lr, n=n, w=w, d=d, opt=opt)
    if mom is not None:
      params["mom"] = mom
    study.add_trial(create_trial(params=params, distributions={k: ORACLE_SPACE[k] for k in params}, value=v,
                                 state=ORACLE_STATES[s], intermediate_values=iv or {}))
  return study


def curve(i, step):
  return 1.0 + ((i * 37) % 11) / 10.0 + 2.0 / (step + 1) + 0.05 * ((i * step) % 3)


def pruning_steps(pruner, direction, n_trials=30, steps=20):
  """Trials one after another report curve(i, step) at each step and ask to prune: the step each
  stopped at (None: it completed)."""
  study = optuna.create_study(direction=direction, pruner=pruner, sampler=optuna.samplers.RandomSampler(seed=0))
  stops = []

  def objective(trial):
    for s in range(steps):
      trial.report(curve(trial.number, s), s)
      if trial.should_prune():
        stops.append(s)
        raise optuna.TrialPruned()
    stops.append(None)
    return curve(trial.number, steps - 1)

  study.optimize(objective, n_trials=n_trials)
  return stops


def oracle():
  from optuna.samplers._tpe import sampler as tpe
  out = {}
  for direction in ["minimize", "maximize"]:
    study = oracle_study(direction)
    sampler = study.sampler
    trials = study.get_trials(deepcopy=False, states=[S.COMPLETE, S.PRUNED])
    below, above = tpe._split_trials(study, trials, tpe.default_gamma(len(trials)))
    res = {"below": [t.number for t in below], "above": [t.number for t in above], "params": {}}
    for name, dist in ORACLE_SPACE.items():
      for side, group in (("below", below), ("above", above)):
        mpe = sampler._build_parzen_estimator(study, {name: dist}, group, handle_below=(side == "below"))
        mixture = mpe._mixture_distribution
        d = mixture.distributions[0]
        entry = {"weights": mixture.weights.tolist()}
        if hasattr(d, "mu"):
          entry["mus"], entry["sigmas"] = d.mu.tolist(), d.sigma.tolist()
        else:
          entry["rows"] = d.weights.tolist()
        entry["x"] = ORACLE_POINTS[name]
        entry["logpdf"] = mpe.log_pdf({name: np.array(ORACLE_POINTS[name], dtype=float)}).tolist()
        res["params"].setdefault(name, {})[side] = entry
    out[direction] = res

  # One complete trial and many pruned ones: the best are filled with those that got furthest.
  study = optuna.create_study(direction="minimize")
  pattern = [(3, 0.5), (5, 0.9), (5, 0.4), (2, 0.1), (5, 0.4), (4, 0.2), (1, 0.05), (5, float("nan")), (3, 0.3)]
  study.add_trial(create_trial(params={"x": 1.0}, distributions={"x": ORACLE_SPACE["x"]}, value=2.0, state=S.COMPLETE))
  for k in range(20):
    last, v = pattern[k % len(pattern)]
    iv = {s: v + 0.01 * (last - s) for s in range(last + 1)}
    iv[last] = v
    study.add_trial(create_trial(params={"x": k / 4.0}, distributions={"x": ORACLE_SPACE["x"]}, state=S.PRUNED,
                                 intermediate_values=iv))
  study.add_trial(create_trial(params={"x": 0.0}, distributions={"x": ORACLE_SPACE["x"]}, state=S.PRUNED))
  trials = study.get_trials(deepcopy=False, states=[S.COMPLETE, S.PRUNED])
  below, above = tpe._split_trials(study, trials, tpe.default_gamma(len(trials)))
  out["pruned_split"] = {"below": [t.number for t in below], "above": [t.number for t in above]}
  out["weights30"] = tpe.default_weights(30).tolist()
  pruners = {"median": optuna.pruners.MedianPruner, "asha": optuna.pruners.SuccessiveHalvingPruner,
             "asha1": lambda: optuna.pruners.SuccessiveHalvingPruner(min_resource=1)}
  out["pruners"] = {f"{p}_{d}": pruning_steps(make(), d) for p, make in pruners.items() for d in ("minimize", "maximize")}
  json.dump(out, sys.stdout)
  print()


if __name__ == "__main__":
  if sys.argv[1:2] == ["oracle"]:
    oracle()
  else:
    parser = argparse.ArgumentParser()
    parser.add_argument("--objective", choices=["branin", "hartmann6"], default="branin")
    parser.add_argument("--sampler", choices=["tpe", "tpe-univariate", "random"], default="tpe")
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--trials", type=int, default=50)
    bench(parser.parse_args())
