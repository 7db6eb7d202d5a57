/* AVX-512 variant of the metric cell conversions (16 lanes). */
#if defined(__x86_64__)
#define CK_VW 16
#define CK_FN(name) name##_avx512
#include "kernel_table.h"
#pragma clang attribute push(__attribute__((target("avx512f,avx512vl,avx512bw"))), apply_to = function)
#include "metric_cells_body.h"
#pragma clang attribute pop

const ck_metric_cell_kernels ck_metric_cells_avx512 = {.truth_bytes = ck_truth_bytes_avx512, .unit_keys = ck_unit_keys_avx512};
#endif
