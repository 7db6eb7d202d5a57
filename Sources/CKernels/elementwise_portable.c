/* The elementwise kernels for any CPU (4-lane generic vectors), and their table. */
#define CK_VW 4
#if defined(__aarch64__) || defined(__ARM_FEATURE_FMA)
#define CK_HAS_FMA 1
#else
#define CK_HAS_FMA 0
#endif
#include "kernel_table.h"
#include "ew_activations.h"
#include "ew_loss.h"
#include "ew_maps.h"
#include "ew_reductions.h"

const ck_elementwise_kernels ck_elementwise_portable = {
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
