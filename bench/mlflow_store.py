#!/usr/bin/env python3
"""The run-store measurements of `crescent bench store`, against MLflow's tracking API.

MLflow keeps its runs in SQLite here (`sqlite:///` in a temporary folder), as Crescent does.
Three measurements, one line each, in the format `crescent bench store` prints:

  write   points through `log_metric` (one call a point) for --log-metric-points points, and
          through `log_batch` (1,000 points a call, MLflow's limit) for --points points laid out
          as Crescent lays them: 10 runs x 10 series, an epoch loop logging every series each step.
          `log_batch` stops after --budget seconds; the time for all --points points is then
          extrapolated from the rate measured, and the line says so (extrapolated=1).
  read    one series of --series-points points back with `MlflowClient().get_metric_history`.
  list    `search_runs` over a store of --runs runs with 5 series each.

Setting a store up (creating the database, its migrations, the runs to list, the series to
read) is not timed. Everything goes into a temporary folder, removed at the end.
"""
import argparse
import logging
import os
import shutil
import tempfile
import time
import warnings

SERIES_PER_RUN = 10
WRITE_RUNS = 10
LIST_SERIES = 5
BATCH_LIMIT = 1000  # MLflow refuses more than 1,000 metrics in one log_batch call


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--points", type=int, default=1_000_000, help="points for the log_batch write")
    parser.add_argument("--log-metric-points", type=int, default=1_000, help="points for the log_metric write")
    parser.add_argument("--series-points", type=int, default=100_000, help="points of the series read back")
    parser.add_argument("--runs", type=int, default=500, help="runs in the listing benchmark")
    parser.add_argument("--budget", type=float, default=40.0, help="seconds log_batch may take before extrapolating")
    return parser.parse_args()


def quiet():
    logging.getLogger("mlflow").setLevel(logging.ERROR)
    logging.getLogger("alembic").setLevel(logging.ERROR)
    warnings.filterwarnings("ignore")


def new_store(folder, name):
    """A fresh SQLite tracking store, migrated, and the id of one experiment in it."""
    import mlflow
    mlflow.set_tracking_uri(f"sqlite:///{os.path.join(folder, name + '.db')}")
    client = mlflow.MlflowClient()
    return client, client.create_experiment(name, artifact_location=os.path.join(folder, name + "-artifacts"))


def bench_log_metric(folder, points):
    client, experiment = new_store(folder, "log_metric")
    run = client.create_run(experiment).info.run_id
    start = time.perf_counter()
    for step in range(points // SERIES_PER_RUN):
        for series in range(SERIES_PER_RUN):
            client.log_metric(run, f"m{series}", 1.0 / (step + series + 1), step=step)
    seconds = time.perf_counter() - start
    client.set_terminated(run)
    print(f"mlflow write path=log_metric points={points} points_per_sec={points / seconds:.0f} seconds={seconds:.3f}")


def bench_log_batch(folder, points, budget):
    from mlflow.entities import Metric
    client, experiment = new_store(folder, "log_batch")
    steps_per_run = points // (WRITE_RUNS * SERIES_PER_RUN)
    steps_per_batch = BATCH_LIMIT // SERIES_PER_RUN
    written = 0
    extrapolated = 0
    start = time.perf_counter()
    for _ in range(WRITE_RUNS):
        run = client.create_run(experiment).info.run_id
        for first in range(0, steps_per_run, steps_per_batch):
            now = int(time.time() * 1000)
            batch = [Metric(f"m{series}", 1.0 / (step + series + 1), now, step)
                     for step in range(first, min(first + steps_per_batch, steps_per_run))
                     for series in range(SERIES_PER_RUN)]
            client.log_batch(run, metrics=batch)
            written += len(batch)
            if time.perf_counter() - start > budget:
                break
        client.set_terminated(run)
        if time.perf_counter() - start > budget:
            break
    measured = time.perf_counter() - start
    rate = written / measured
    if written < points:
        extrapolated = 1
    seconds = points / rate
    print(f"mlflow write path=log_batch points={points} written={written} measured_seconds={measured:.3f} "
          f"extrapolated={extrapolated} points_per_sec={rate:.0f} seconds={seconds:.3f}")


def bench_read(folder, points):
    from mlflow.entities import Metric
    client, experiment = new_store(folder, "read")
    run = client.create_run(experiment).info.run_id
    now = int(time.time() * 1000)
    for first in range(0, points, BATCH_LIMIT):
        client.log_batch(run, metrics=[Metric("val_loss", 1.0 / (step + 1), now, step)
                                       for step in range(first, min(first + BATCH_LIMIT, points))])
    client.set_terminated(run)
    start = time.perf_counter()
    history = client.get_metric_history(run, "val_loss")
    seconds = time.perf_counter() - start
    assert len(history) == points, f"read {len(history)} points, expected {points}"
    print(f"mlflow read series_points={points} seconds={seconds:.3f}")


def bench_list(folder, runs):
    from mlflow.entities import Metric
    client, experiment = new_store(folder, "list")
    now = int(time.time() * 1000)
    for index in range(runs):
        run = client.create_run(experiment).info.run_id
        client.log_batch(run, metrics=[Metric(f"m{series}", float(index + series), now, 0)
                                       for series in range(LIST_SERIES)])
        client.set_terminated(run)
    start = time.perf_counter()
    found = client.search_runs([experiment], max_results=runs, order_by=["attributes.start_time DESC"])
    seconds = time.perf_counter() - start
    assert len(found) == runs, f"listed {len(found)} runs, expected {runs}"
    print(f"mlflow list runs={runs} seconds={seconds:.3f}")


def main():
    args = parse_args()
    import mlflow
    quiet()
    print(f"mlflow version={mlflow.__version__}")
    folder = tempfile.mkdtemp(prefix="mlflow-store-bench-")
    try:
        bench_log_metric(folder, args.log_metric_points)
        bench_log_batch(folder, args.points, args.budget)
        bench_read(folder, args.series_points)
        bench_list(folder, args.runs)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
