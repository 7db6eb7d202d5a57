/* AVX2 variant of the metric cell conversions (8 lanes). */
#if defined(__x86_64__)
#define CK_VW 8
#define CK_FN(name) name##_avx2
#include "kernel_table.h"
#pragma clang attribute push(__attribute__((target("avx2"))), apply_to = function)
#include "metric_cells_body.h"
#pragma clang attribute pop

const ck_metric_cell_kernels ck_metric_cells_avx2 = {.truth_bytes = ck_truth_bytes_avx2, .unit_keys = ck_unit_keys_avx2};
#endif
