/* The elementwise table of one ISA level: the kernels the including file compiled from the ew_*.h
   headers, under the name the file gives it (`#define CK_EW_TABLE ck_elementwise_avx2`). */
#ifndef CK_EW_TABLE
#error "define CK_EW_TABLE (the table's name) before including ew_table.h"
#endif

const ck_elementwise_kernels CK_EW_TABLE = {
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
