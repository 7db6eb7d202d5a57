# Benchmark sizes that are not positive, or whose product is more than a tensor holds, are
# option errors naming them, before anything is allocated.
step "$crescent" bench data --examples 0
step "$crescent" bench data --examples 4611686018427387904 --labels 4
step "$crescent" bench metrics --rows 4611686018427387904 --labels 4
step "$crescent" bench gemm --shape 4294967296x4294967296x4
