/* The streaming metrics' kernels: per-cell conversions of a batch, and the bucketed ranking's
 * passes over its bucket counts. */
#ifndef CK_METRICS_H
#define CK_METRICS_H
#include <stdint.h>
#include "ck_cpu.h"

/* A batch of (truth, score) cells as the streaming metrics take it: t8[i] = 1 when truth[i] is
 * 1, else 0. Returns bit 0 when some truth is neither 0 nor 1 or some score is NaN, and bit 1
 * when some score is outside [0, 1] (-0 counts as 0). */
int ck_truth_bytes(ck_isa isa, const float *truth, const float *score, uint8_t *t8, long n);

/* Order keys of scores within [0, 1], equal exactly when the scores are: below 0.5 the float's
 * bits, from 0.5 up twice the bits of 0.5 less those of 1 - score (-0 as 0). */
void ck_unit_keys(ck_isa isa, const float *score, uint32_t *keys, long n);

/* The passes of the bucketed ranking over its bucket counts, in bucket order (lowest scores
 * first). table[d] holds bucket d's cells (low half) and positives (high half) and is
 * rewritten to the bucket's gather entry: where its next cell goes (`spare` for a bucket not
 * gathered) with the step from one cell to the next in the high bits. Both return the cells
 * gathered and set *crowded to the most cells in one gathered bucket.
 *
 * Average precision gathers every bucket holding a positive; its entries also carry the
 * negatives at or below the bucket (bits 32...62; the step is bit 63). */
uint64_t ck_ap_buckets(ck_isa isa, uint64_t *table, long buckets, uint64_t spare, uint64_t *crowded);
/* ROC AUC gathers the buckets holding both truths (the step is bit 32), and sets *area2 to the
 * (positive, negative) pairs with the negative in a lower bucket (wrapping 64-bit sums). */
uint64_t ck_roc_buckets(ck_isa isa, uint64_t *table, long buckets, uint64_t spare, uint64_t *crowded,
                        uint64_t *area2);

#endif
