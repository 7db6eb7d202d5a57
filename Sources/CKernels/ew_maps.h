/*
 * Elementwise maps on the lanes of vec_lanes.h: unary operations (with a parameter for pow and
 * the comparisons) and binary operations with broadcasting.
 */
#ifndef CK_EW_MAPS_H
#define CK_EW_MAPS_H
#include "ck_elementwise.h"
#include "vec_math.h"

/* ---------- unary ---------- */

typedef vf (*unary_fn)(vf v, float c);

CK_INLINE vf un_neg(vf v, float c) { (void)c; return -v; }
CK_INLINE vf un_abs(vf v, float c) { (void)c; return VABS(v); }
CK_INLINE vf un_sqrt(vf v, float c) { (void)c; return __builtin_elementwise_sqrt(v); }
CK_INLINE vf un_square(vf v, float c) { (void)c; return v * v; }
CK_INLINE vf un_cube(vf v, float c) { (void)c; return v * v * v; }
CK_INLINE vf un_exp(vf v, float c) { (void)c; return V_EXP(v); }
CK_INLINE vf un_log(vf v, float c) { (void)c; return V_LOG(v); }
CK_INLINE vf un_relu(vf v, float c) { (void)c; return SEL(v != v, v, VMAXN(v, SPLAT(0.0f))); }
CK_INLINE vf un_sigmoid(vf v, float c) { (void)c; return V_SIGMOID(v); }
CK_INLINE vf un_tanh(vf v, float c) { (void)c; return V_TANH(v); }
CK_INLINE vf un_recip(vf v, float c) { (void)c; return SPLAT(1.0f) / v; }
CK_INLINE vf un_rsqrt(vf v, float c) { (void)c; return SPLAT(1.0f) / __builtin_elementwise_sqrt(v); }
CK_INLINE vf un_recip_square(vf v, float c) { (void)c; return SPLAT(1.0f) / (v * v); }
CK_INLINE vf un_identity(vf v, float c) { (void)c; return v; }
CK_INLINE vf un_one(vf v, float c) { (void)v; (void)c; return SPLAT(1.0f); }
CK_INLINE vf un_expm1(vf v, float c) { (void)c; return V_EXPM1(v); }
CK_INLINE vf un_log1p(vf v, float c) { (void)c; return V_LOG1P(v); }
CK_INLINE vf un_softplus(vf v, float c) { (void)c; return V_SOFTPLUS(v); }
CK_INLINE vf un_gt(vf v, float c) { return SEL(v > c, SPLAT(1.0f), SPLAT(0.0f)); }
CK_INLINE vf un_ge(vf v, float c) { return SEL(v >= c, SPLAT(1.0f), SPLAT(0.0f)); }
CK_INLINE vf un_lt(vf v, float c) { return SEL(v < c, SPLAT(1.0f), SPLAT(0.0f)); }
CK_INLINE vf un_le(vf v, float c) { return SEL(v <= c, SPLAT(1.0f), SPLAT(0.0f)); }
CK_INLINE vf un_eq(vf v, float c) { return SEL(v == c, SPLAT(1.0f), SPLAT(0.0f)); }
CK_INLINE vf un_ne(vf v, float c) { return SEL(v != c, SPLAT(1.0f), SPLAT(0.0f)); }

/* out[i] = f(x[i], c) over n elements (the tail's spare lanes read as 1); inlined with f known. */
CK_INLINE void map_unary(unary_fn f, float c, const float *x, float *out, long n) {
  long j = 0;
  for (; j + VW <= n; j += VW) ST(out + j, f(LD(x + j), c));
  if (j < n) STP(out + j, f(LDP(x + j, n - j, 1.0f), c), n - j);
}

/* x^c: the exponents with an exact short form in vector code, libm's powf for the others. */
static void pow_map(float c, const float *x, float *out, long n) {
  if (c == 1.0f) map_unary(un_identity, c, x, out, n);
  else if (c == 2.0f) map_unary(un_square, c, x, out, n);
  else if (c == 3.0f) map_unary(un_cube, c, x, out, n);
  else if (c == 0.5f) map_unary(un_sqrt, c, x, out, n);
  else if (c == -1.0f) map_unary(un_recip, c, x, out, n);
  else if (c == -0.5f) map_unary(un_rsqrt, c, x, out, n);
  else if (c == -2.0f) map_unary(un_recip_square, c, x, out, n);
  else if (c == 0.0f) map_unary(un_one, c, x, out, n);
  else for (long i = 0; i < n; i++) out[i] = __builtin_powf(x[i], c); /* libm: exact semantics */
}

/* ck_unary for one ISA. */
static void unary(ck_unop op, float c, const float *x, float *out, long n) {
  if (n <= 0) return;
  switch (op) {
    case CK_UN_NEG: map_unary(un_neg, c, x, out, n); break;
    case CK_UN_ABS: map_unary(un_abs, c, x, out, n); break;
    case CK_UN_SQRT: map_unary(un_sqrt, c, x, out, n); break;
    case CK_UN_SQUARE: map_unary(un_square, c, x, out, n); break;
    case CK_UN_EXP: map_unary(un_exp, c, x, out, n); break;
    case CK_UN_LOG: map_unary(un_log, c, x, out, n); break;
    case CK_UN_RELU: map_unary(un_relu, c, x, out, n); break;
    case CK_UN_SIGMOID: map_unary(un_sigmoid, c, x, out, n); break;
    case CK_UN_TANH: map_unary(un_tanh, c, x, out, n); break;
    case CK_UN_RECIP: map_unary(un_recip, c, x, out, n); break;
    case CK_UN_EXPM1: map_unary(un_expm1, c, x, out, n); break;
    case CK_UN_LOG1P: map_unary(un_log1p, c, x, out, n); break;
    case CK_UN_SOFTPLUS: map_unary(un_softplus, c, x, out, n); break;
    case CK_UN_GT: map_unary(un_gt, c, x, out, n); break;
    case CK_UN_GE: map_unary(un_ge, c, x, out, n); break;
    case CK_UN_LT: map_unary(un_lt, c, x, out, n); break;
    case CK_UN_LE: map_unary(un_le, c, x, out, n); break;
    case CK_UN_EQ: map_unary(un_eq, c, x, out, n); break;
    case CK_UN_NE: map_unary(un_ne, c, x, out, n); break;
    case CK_UN_POW: pow_map(c, x, out, n); break;
    default: break;
  }
}

/* ---------- binary with broadcasting ---------- */

typedef vf (*binary_fn)(vf a, vf b);

CK_INLINE vf bin_add(vf a, vf b) { return a + b; }
CK_INLINE vf bin_sub(vf a, vf b) { return a - b; }
CK_INLINE vf bin_mul(vf a, vf b) { return a * b; }
CK_INLINE vf bin_div(vf a, vf b) { return a / b; }
CK_INLINE vf bin_max(vf a, vf b) { return VMAXP(a, b); }
CK_INLINE vf bin_min(vf a, vf b) { return VMINP(a, b); }
CK_INLINE vf bin_rsub(vf a, vf b) { return b - a; }
CK_INLINE vf bin_rdiv(vf a, vf b) { return b / a; }

/* One contiguous run: o[j] = f(a[j], bs ? bs[j] : bk) (the tail's spare lanes read as 1);
 * inlined with f known. */
CK_INLINE void run_binary(binary_fn f, const float *a, const float *bs, float bk, float *o, long n) {
  long j = 0;
  if (bs) {
    for (; j + VW <= n; j += VW) ST(o + j, f(LD(a + j), LD(bs + j)));
    if (j < n) STP(o + j, f(LDP(a + j, n - j, 1.0f), LDP(bs + j, n - j, 1.0f)), n - j);
  } else {
    vf b = SPLAT(bk);
    for (; j + VW <= n; j += VW) ST(o + j, f(LD(a + j), b));
    if (j < n) STP(o + j, f(LDP(a + j, n - j, 1.0f), b), n - j);
  }
}

/* the runs of each operation, one loop each */
typedef void (*binary_run_fn)(const float *a, const float *bs, float bk, float *o, long n);
static void run_add(const float *a, const float *bs, float bk, float *o, long n) { run_binary(bin_add, a, bs, bk, o, n); }
static void run_sub(const float *a, const float *bs, float bk, float *o, long n) { run_binary(bin_sub, a, bs, bk, o, n); }
static void run_mul(const float *a, const float *bs, float bk, float *o, long n) { run_binary(bin_mul, a, bs, bk, o, n); }
static void run_div(const float *a, const float *bs, float bk, float *o, long n) { run_binary(bin_div, a, bs, bk, o, n); }
static void run_max(const float *a, const float *bs, float bk, float *o, long n) { run_binary(bin_max, a, bs, bk, o, n); }
static void run_min(const float *a, const float *bs, float bk, float *o, long n) { run_binary(bin_min, a, bs, bk, o, n); }
static void run_rsub(const float *a, const float *bs, float bk, float *o, long n) { run_binary(bin_rsub, a, bs, bk, o, n); }
static void run_rdiv(const float *a, const float *bs, float bk, float *o, long n) { run_binary(bin_rdiv, a, bs, bk, o, n); }

/* ck_binary for one ISA. */
static void binary(ck_binop op, ck_bcast bc, const float *a, const float *b, float *out, long rows,
                   long cols) {
  static const binary_run_fn runs[8] = {
      [CK_BIN_ADD] = run_add, [CK_BIN_SUB] = run_sub, [CK_BIN_MUL] = run_mul,
      [CK_BIN_DIV] = run_div, [CK_BIN_MAX] = run_max, [CK_BIN_MIN] = run_min,
      [CK_BIN_RSUB] = run_rsub, [CK_BIN_RDIV] = run_rdiv};
  if ((int)op < 0 || (int)op > 7 || rows <= 0 || cols <= 0) return;
  binary_run_fn f = runs[op];
  switch (bc) {
    case CK_BC_FULL: f(a, b, 0.0f, out, rows * cols); break;
    case CK_BC_SCALAR: f(a, 0, b[0], out, rows * cols); break;
    case CK_BC_ROW:
      for (long r = 0; r < rows; r++) f(a + r * cols, b, 0.0f, out + r * cols, cols);
      break;
    case CK_BC_COL:
      for (long r = 0; r < rows; r++) f(a + r * cols, 0, b[r], out + r * cols, cols);
      break;
    default: break;
  }
}

#endif
