#ifndef CK_ELEMENTWISE_H
#define CK_ELEMENTWISE_H
#include "ck_cpu.h"

/*
 * Fused elementwise kernels: bias + activation (forward and backward), sigmoid + binary
 * cross-entropy on logits, vectorised transcendental maps, broadcasting binary ops and
 * reductions. Every entry point takes the ISA to run (a level above what the CPU supports is
 * lowered to ck_detected_isa()). Matrices are row-major rows x cols, contiguous.
 *
 * Accuracy of the vector math (float, measured against double libm over wide sweeps):
 *   exp, log, sigmoid, tanh: max relative error <= 3e-7 (about 2-3 ulp), subnormal results of
 *   exp are produced with gradual underflow; NaN in -> NaN out.
 *   gelu uses a rational erfc with relative error ~1.2e-7 (+ float rounding, < 1e-6 overall).
 *
 * None of these functions allocate or use threads; callers split work into slabs.
 */

typedef enum {
  CK_ACT_LINEAR = 0,
  CK_ACT_RELU = 1,
  CK_ACT_LEAKY_RELU = 2,
  CK_ACT_ELU = 3,
  CK_ACT_GELU = 4,
  CK_ACT_SIGMOID = 5,
  CK_ACT_TANH = 6,
  CK_ACT_SOFTMAX = 7,
  CK_ACT_SOFTPLUS = 8,
  CK_ACT_SWISH = 9,
  CK_ACT_SELU = 10,
  CK_ACT_MISH = 11,
  CK_ACT_HARD_SIGMOID = 12,
  CK_ACT_RELU6 = 13,
  CK_ACT_EXPONENTIAL = 14
} ck_act;

typedef enum {
  CK_UN_NEG = 0, CK_UN_ABS, CK_UN_SQRT, CK_UN_SQUARE, CK_UN_EXP, CK_UN_LOG, CK_UN_RELU,
  CK_UN_SIGMOID, CK_UN_TANH, CK_UN_RECIP, CK_UN_POW, /* param = exponent */
  CK_UN_GT, CK_UN_GE, CK_UN_LT, CK_UN_LE, CK_UN_EQ, CK_UN_NE, /* 1 or 0 against param */
  CK_UN_EXPM1, CK_UN_LOG1P, CK_UN_SOFTPLUS
} ck_unop;

typedef enum {
  CK_BIN_ADD = 0, CK_BIN_SUB, CK_BIN_MUL, CK_BIN_DIV, CK_BIN_MAX, CK_BIN_MIN,
  CK_BIN_RSUB, /* b - a */
  CK_BIN_RDIV  /* b / a */
} ck_binop;

typedef enum {
  CK_BC_FULL = 0,   /* b is rows x cols */
  CK_BC_ROW = 1,    /* b has length cols, repeated for every row */
  CK_BC_COL = 2,    /* b has length rows, b[r] applies to row r */
  CK_BC_SCALAR = 3  /* b[0] applies everywhere */
} ck_bcast;

typedef enum { CK_RED_SUM = 0, CK_RED_MAX = 1, CK_RED_MIN = 2 } ck_redop;

/* out[r,c] = act(z[r,c] + bias[c]); bias may be NULL; z may equal out. Softmax is per row. */
void ck_bias_act(ck_isa isa, ck_act act, float alpha, const float *z, const float *bias,
                 float *out, long rows, long cols);

/* dz = dy * act'(.) from the pre-activation z and/or the output y (see Activation.swift for
 * which is needed); softmax: dz = y * (dy - sum(y * dy)) per row. dz may equal dy, z or y. */
void ck_act_backward(ck_isa isa, ck_act act, float alpha, const float *z, const float *y,
                     const float *dy, float *dz, long rows, long cols);

/* Sigmoid + binary cross-entropy over the flattened elements [begin, end) of a matrix with
 * `cols` columns. Returns the sum of the element losses (double, fixed lane order). Writes
 * grad[i] = dloss_i/dz_i * grad_scale when grad is not NULL, and prob[i] = sigmoid(z_i) (the
 * same bits as ck_bias_act's sigmoid) when prob is not NULL. pos_weight (length cols) may be
 * NULL. */
double ck_bce_logits(ck_isa isa, const float *logits, const float *targets,
                     const float *pos_weight, float *grad, float *prob, float grad_scale, long cols,
                     long begin, long end);

/* out[i] = op(x[i]) (param for POW and the comparisons); x may equal out. */
void ck_unary(ck_isa isa, ck_unop op, float param, const float *x, float *out, long n);

/* out = a op b with b broadcast as described by bc; a (rows x cols) may equal out. */
void ck_binary(ck_isa isa, ck_binop op, ck_bcast bc, const float *a, const float *b, float *out,
               long rows, long cols);

/* Sum of n floats accumulated in double in a fixed order (depends only on n and isa). */
double ck_sum(ck_isa isa, const float *x, long n);
/* Max / min of n > 0 floats; NaN propagates. */
float ck_max(ck_isa isa, const float *x, long n);
float ck_min(ck_isa isa, const float *x, long n);

/* Column reduction over all rows for the columns [c0, c1): out[c - c0] = op over rows of x[r,c].
 * Sums accumulate in double, row by row. */
void ck_reduce_cols(ck_isa isa, ck_redop op, const float *x, long rows, long cols, long c0,
                    long c1, float *out);
/* Row reduction: out[r] = op over x[r, 0..cols). */
void ck_reduce_rows(ck_isa isa, ck_redop op, const float *x, long rows, long cols, float *out);
/* out[r] = the first column index of the largest value in row r (a NaN counts as largest). */
void ck_argmax_rows(ck_isa isa, const float *x, long rows, long cols, long *out);

/* out[i] = -log(truth[i] != 0 ? p : 1 - p), p = score[i] clipped to [eps, 1 - eps]: the cells of
 * a binary cross-entropy, in double (log within a few ulp of libm's). */
void ck_bce_terms(ck_isa isa, const double *truth, const double *score, double eps, double *out, long n);

#endif
