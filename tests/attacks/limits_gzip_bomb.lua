-- command: run
-- args: --max-memory 60000000
-- exit: 1
-- expect-match: decompressed content needs .*memory limit exceeded
-- max-seconds: 6
-- 130 KB of gzip that expands to 128 MiB: decompression stops at the limit, before the
-- content is held.

data.load_csv("limits_bomb.csv.gz", {last = 1})
