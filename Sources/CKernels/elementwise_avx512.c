/* The elementwise kernels for AVX-512 (16 lanes), and their table. */
#if defined(__x86_64__)
#define CK_VW 16
#define CK_HAS_FMA 1
#include "kernel_table.h"
#pragma clang attribute push(__attribute__((target("avx512f,avx512vl,avx512dq,fma"))), apply_to = function)
#include "ew_activations.h"
#include "ew_loss.h"
#include "ew_maps.h"
#include "ew_reductions.h"
#pragma clang attribute pop

const ck_elementwise_kernels ck_elementwise_avx512 = {
    .bias_act = bias_act,
    .act_backward = act_backward,
    .bce_logits = bce_logits,
    .bce_terms = bce_terms,
    .unary = unary,
    .binary = binary,
    .sum = sum_all,
    .max = max_all,
    .min = min_all,
    .reduce_cols = reduce_cols,
    .reduce_rows = reduce_rows,
    .argmax_rows = argmax_rows,
};
#endif
