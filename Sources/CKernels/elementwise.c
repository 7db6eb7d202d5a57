/* The elementwise entry points: each calls the kernel of the table for its level. */
#include "ck_elementwise.h"
#include "kernel_table.h"

static const ck_elementwise_kernels *at(ck_isa isa) { return ck_kernels_for(isa)->elementwise; }

void ck_bias_act(ck_isa isa, ck_act act, float alpha, const float *z, const float *bias,
                 float *out, long rows, long cols) {
  at(isa)->bias_act(act, alpha, z, bias, out, rows, cols);
}
void ck_act_backward(ck_isa isa, ck_act act, float alpha, const float *z, const float *y,
                     const float *dy, float *dz, long rows, long cols) {
  at(isa)->act_backward(act, alpha, z, y, dy, dz, rows, cols);
}
double ck_bce_logits(ck_isa isa, const float *logits, const float *targets,
                     const float *pos_weight, float *grad, float *prob, float grad_scale, long cols,
                     long begin, long end) {
  return at(isa)->bce_logits(logits, targets, pos_weight, grad, prob, grad_scale, cols, begin, end);
}
void ck_bce_terms(ck_isa isa, const double *truth, const double *score, double eps, double *out, long n) {
  at(isa)->bce_terms(truth, score, eps, out, n);
}
void ck_unary(ck_isa isa, ck_unop op, float param, const float *x, float *out, long n) {
  at(isa)->unary(op, param, x, out, n);
}
void ck_binary(ck_isa isa, ck_binop op, ck_bcast bc, const float *a, const float *b, float *out,
               long rows, long cols) {
  at(isa)->binary(op, bc, a, b, out, rows, cols);
}
double ck_sum(ck_isa isa, const float *x, long n) { return at(isa)->sum(x, n); }
float ck_max(ck_isa isa, const float *x, long n) { return at(isa)->max(x, n); }
float ck_min(ck_isa isa, const float *x, long n) { return at(isa)->min(x, n); }
void ck_reduce_cols(ck_isa isa, ck_redop op, const float *x, long rows, long cols, long c0,
                    long c1, float *out) {
  at(isa)->reduce_cols(op, x, rows, cols, c0, c1, out);
}
void ck_reduce_rows(ck_isa isa, ck_redop op, const float *x, long rows, long cols, float *out) {
  at(isa)->reduce_rows(op, x, rows, cols, out);
}
void ck_argmax_rows(ck_isa isa, const float *x, long rows, long cols, long *out) {
  at(isa)->argmax_rows(x, rows, cols, out);
}
