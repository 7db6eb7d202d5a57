-- command: run
-- args: --max-memory 60000000
-- exit: 1
-- expect-match: the rows read up to line .*memory limit exceeded
-- max-seconds: 6
-- 16,000 sparse rows of a few bytes each stand for 16,000 x 4,000 values (256 MB): the reader's
-- buffers are refused as they grow past the limit.

data.load_arff("limits_wide_sparse.arff", {labels = 1})
