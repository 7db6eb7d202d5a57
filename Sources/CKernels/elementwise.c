/* Run-time dispatch of the elementwise kernels on the ISA level. */
#include "ck_elementwise.h"
#include "dispatch.h"

#define DECL(sfx)                                                                                \
  void ck_bias_act_##sfx(int, float, const float *, const float *, float *, long, long);          \
  void ck_act_backward_##sfx(int, float, const float *, const float *, const float *, float *,   \
                             long, long);                                                        \
  double ck_bce_logits_##sfx(const float *, const float *, const float *, float *, float *, float, \
                             long, long, long);                                                  \
  void ck_unary_##sfx(int, float, const float *, float *, long);                                 \
  void ck_binary_##sfx(int, int, const float *, const float *, float *, long, long);             \
  double ck_sum_##sfx(const float *, long);                                                      \
  float ck_max_##sfx(const float *, long);                                                       \
  float ck_min_##sfx(const float *, long);                                                       \
  void ck_reduce_cols_##sfx(int, const float *, long, long, long, long, float *);                \
  void ck_reduce_rows_##sfx(int, const float *, long, long, float *);                            \
  void ck_argmax_rows_##sfx(const float *, long, long, long *);                                  \
  void ck_bce_terms_##sfx(const double *, const double *, double, double *, long);

DECL(portable)
#if defined(__x86_64__)
DECL(avx2)
DECL(avx512)
#endif

void ck_bias_act(ck_isa isa, ck_act act, float alpha, const float *z, const float *bias,
                 float *out, long rows, long cols) {
  DISPATCH(isa, ck_bias_act, (int)act, alpha, z, bias, out, rows, cols);
}
void ck_act_backward(ck_isa isa, ck_act act, float alpha, const float *z, const float *y,
                     const float *dy, float *dz, long rows, long cols) {
  DISPATCH(isa, ck_act_backward, (int)act, alpha, z, y, dy, dz, rows, cols);
}
double ck_bce_logits(ck_isa isa, const float *logits, const float *targets,
                     const float *pos_weight, float *grad, float *prob, float grad_scale, long cols,
                     long begin, long end) {
  DISPATCH(isa, ck_bce_logits, logits, targets, pos_weight, grad, prob, grad_scale, cols, begin, end);
}
void ck_unary(ck_isa isa, ck_unop op, float param, const float *x, float *out, long n) {
  DISPATCH(isa, ck_unary, (int)op, param, x, out, n);
}
void ck_binary(ck_isa isa, ck_binop op, ck_bcast bc, const float *a, const float *b, float *out,
               long rows, long cols) {
  DISPATCH(isa, ck_binary, (int)op, (int)bc, a, b, out, rows, cols);
}
double ck_sum(ck_isa isa, const float *x, long n) { DISPATCH(isa, ck_sum, x, n); }
float ck_max(ck_isa isa, const float *x, long n) { DISPATCH(isa, ck_max, x, n); }
float ck_min(ck_isa isa, const float *x, long n) { DISPATCH(isa, ck_min, x, n); }
void ck_reduce_cols(ck_isa isa, ck_redop op, const float *x, long rows, long cols, long c0,
                    long c1, float *out) {
  DISPATCH(isa, ck_reduce_cols, (int)op, x, rows, cols, c0, c1, out);
}
void ck_reduce_rows(ck_isa isa, ck_redop op, const float *x, long rows, long cols, float *out) {
  DISPATCH(isa, ck_reduce_rows, (int)op, x, rows, cols, out);
}
void ck_argmax_rows(ck_isa isa, const float *x, long rows, long cols, long *out) {
  DISPATCH(isa, ck_argmax_rows, x, rows, cols, out);
}
void ck_bce_terms(ck_isa isa, const double *truth, const double *score, double eps, double *out, long n) {
  DISPATCH(isa, ck_bce_terms, truth, score, eps, out, n);
}
