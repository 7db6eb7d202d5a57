#ifndef CK_METRIC_CELLS_H
#define CK_METRIC_CELLS_H
#include <stdint.h>
#include "ck_cpu.h"

/* A batch of (truth, score) cells as the streaming metrics take it: t8[i] = 1 when truth[i] is
 * 1, else 0. Returns bit 0 when some truth is neither 0 nor 1 or some score is NaN, and bit 1
 * when some score is outside [0, 1] (-0 counts as 0). */
int ck_truth_bytes(ck_isa isa, const float *truth, const float *score, uint8_t *t8, long n);

/* Order keys of scores within [0, 1], equal exactly when the scores are: below 0.5 the float's
 * bits, from 0.5 up twice the bits of 0.5 less those of 1 - score (-0 as 0). */
void ck_unit_keys(ck_isa isa, const float *score, uint32_t *keys, long n);

#endif
