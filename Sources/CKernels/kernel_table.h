/*
 * The kernel tables: for each ISA level one table of function pointers per kernel family,
 * gathered in one ck_kernels per level. The exported entry points (ck_bias_act, ck_gemm_macro,
 * ...) look up the table of the level they are asked for, capped once by ck_usable_isa, and
 * call through it; nothing else chooses between ISAs.
 *
 * Each family's implementation file for a level defines that family's table for the level:
 * elementwise_<isa>.c, gemm_<isa>_<MR>x<NR>.c, metric_cells_<isa>.c, ranking_buckets_<isa>.c,
 * optim_adam.c. kernel_table.c gathers them.
 */
#ifndef CK_KERNEL_TABLE_H
#define CK_KERNEL_TABLE_H
#include <stdint.h>
#include "ck_elementwise.h"
#include "ck_gemm.h"
#include "ck_metrics.h"
#include "ck_optim.h"

/* Activations, losses, maps and reductions (contracts in ck_elementwise.h). */
typedef struct {
  void (*bias_act)(ck_act act, float alpha, const float *z, const float *bias, float *out,
                   long rows, long cols);
  void (*act_backward)(ck_act act, float alpha, const float *z, const float *y, const float *dy,
                       float *dz, long rows, long cols);
  double (*bce_logits)(const float *logits, const float *targets, const float *pos_weight,
                       float *grad, float *prob, float grad_scale, long cols, long begin, long end);
  void (*bce_terms)(const double *truth, const double *score, double eps, double *out, long n);
  void (*unary)(ck_unop op, float param, const float *x, float *out, long n);
  void (*binary)(ck_binop op, ck_bcast bc, const float *a, const float *b, float *out, long rows,
                 long cols);
  double (*sum)(const float *x, long n);
  float (*max)(const float *x, long n);
  float (*min)(const float *x, long n);
  void (*reduce_cols)(ck_redop op, const float *x, long rows, long cols, long c0, long c1,
                      float *out);
  void (*reduce_rows)(ck_redop op, const float *x, long rows, long cols, float *out);
  void (*argmax_rows)(const float *x, long rows, long cols, long *out);
} ck_elementwise_kernels;

/* The GEMM micro-kernel of a level, its tile, and the packing that feeds it (ck_gemm.h). */
typedef struct {
  int mr, nr;
  void (*pack_a)(int trans, const float *a, long lda, long m, long k, float *dst);
  void (*pack_b)(int trans, const float *b, long ldb, long k, long n, float *dst);
  void (*macro)(long m, long n, long kc, const float *ap, const float *bp, float *c, long ldc,
                float alpha, float beta, ck_gemm_prefetch pf);
} ck_gemm_kernels;

/* The streaming metrics' per-cell conversions (ck_metrics.h). */
typedef struct {
  int (*truth_bytes)(const float *truth, const float *score, uint8_t *t8, long n);
  void (*unit_keys)(const float *score, uint32_t *keys, long n);
} ck_metric_cell_kernels;

/* The bucketed ranking's passes (ck_metrics.h). */
typedef struct {
  uint64_t (*ap_buckets)(uint64_t *table, long buckets, uint64_t spare, uint64_t *crowded);
  uint64_t (*roc_buckets)(uint64_t *table, long buckets, uint64_t spare, uint64_t *crowded,
                          uint64_t *area2);
} ck_ranking_kernels;

/* Optimizer updates (ck_optim.h). */
typedef struct {
  void (*adam)(float *value, const float *grad, float *m, float *v, long n, float w1, float b2,
               float w2, float eps, float step_size, float c2, float decay, float l2, int decoupled);
} ck_optim_kernels;

/* Everything one level runs. */
typedef struct {
  ck_isa isa;
  const ck_elementwise_kernels *elementwise;
  const ck_gemm_kernels *gemm;
  const ck_metric_cell_kernels *metric_cells;
  const ck_ranking_kernels *ranking;
  const ck_optim_kernels *optim;
} ck_kernels;

/* The families' tables, one per level (the x86 levels exist on x86-64 builds only). */
extern const ck_elementwise_kernels ck_elementwise_portable;
extern const ck_gemm_kernels ck_gemm_portable_4x16;
extern const ck_metric_cell_kernels ck_metric_cells_portable;
extern const ck_ranking_kernels ck_ranking_portable;
extern const ck_optim_kernels ck_optim_portable;
#if defined(__x86_64__)
extern const ck_elementwise_kernels ck_elementwise_avx2, ck_elementwise_avx512;
extern const ck_gemm_kernels ck_gemm_avx2_6x16, ck_gemm_avx512_6x64;
extern const ck_metric_cell_kernels ck_metric_cells_avx2, ck_metric_cells_avx512;
extern const ck_ranking_kernels ck_ranking_avx2, ck_ranking_avx512;
extern const ck_optim_kernels ck_optim_avx2, ck_optim_avx512;
#endif

/* The tables by level (kernel_table.c), and the cap (cpu.c: -1 until first chosen). */
extern const ck_kernels ck_kernel_tables[3];
extern int ck_isa_cap;

/* The table of ck_usable_isa(isa): once the cap is chosen, a load and a compare. */
static inline const ck_kernels *ck_kernels_for(ck_isa isa) {
  int cap = __atomic_load_n(&ck_isa_cap, __ATOMIC_ACQUIRE);
  if (cap < 0) cap = (int)ck_detected_isa();
  return &ck_kernel_tables[(int)isa > cap ? cap : (int)isa];
}

#endif
