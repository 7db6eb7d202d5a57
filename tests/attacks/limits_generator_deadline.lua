-- command: run
-- args: --timeout 1
-- exit: 124
-- expect-match: make_multilabel: time limit exceeded
-- max-seconds: 6
-- A generator asked for hours of work checks the deadline as it goes, and stops with the
-- script's own error (not the last-resort one).
data.make_multilabel{n_samples = 100000, n_features = 50, n_classes = 5, length = 1000000, seed = 1}
