-- command: run
-- args: --max-memory 60000000
-- exit: 1
-- expect-match: 2 rows of 400000000 features.*memory limit exceeded
-- max-seconds: 6
-- Two short lines naming feature 400000000 would make a 3.2 GB dense matrix: refused before it
-- is allocated.

data.load_libsvm("limits_wide.libsvm")
