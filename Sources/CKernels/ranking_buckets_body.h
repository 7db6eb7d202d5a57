/*
 * The bucketed ranking's passes over bucket counts (ck_ap_buckets, ck_roc_buckets), written
 * once with clang/GCC vector extensions and included once per ISA by ranking_buckets_*.c.
 * Before including, define CK_VW (64-bit lanes per vector: 2, 4 or 8) and CK_FN(name). The
 * running sums are prefix sums within each vector plus the carry from the one before, so
 * every entry is the same integer as the scalar loop (the tail) would give.
 */
#include <stdint.h>
#include "ck_metrics.h"

typedef uint64_t rb_vu __attribute__((vector_size(CK_VW * 8)));

/* Inclusive prefix sums across the lanes. */
static inline rb_vu CK_FN(rb_scan)(rb_vu x) {
  const rb_vu z = {0};
#if CK_VW == 2
  x += __builtin_shufflevector(z, x, 0, 2);
#elif CK_VW == 4
  x += __builtin_shufflevector(z, x, 0, 4, 5, 6);
  x += __builtin_shufflevector(z, x, 0, 1, 4, 5);
#elif CK_VW == 8
  x += __builtin_shufflevector(z, x, 0, 8, 9, 10, 11, 12, 13, 14);
  x += __builtin_shufflevector(z, x, 0, 1, 8, 9, 10, 11, 12, 13);
  x += __builtin_shufflevector(z, x, 0, 1, 2, 3, 8, 9, 10, 11);
#else
#error "CK_VW must be 2, 4 or 8"
#endif
  return x;
}

static inline rb_vu CK_FN(rb_last)(rb_vu x) {
  rb_vu z = {0};
  return z + x[CK_VW - 1];
}

static inline rb_vu CK_FN(rb_max)(rb_vu a, rb_vu b) {
  rb_vu m = (rb_vu)(a > b);
  return (a & m) | (b & ~m);
}

static inline uint64_t CK_FN(rb_hmax)(rb_vu x) {
  uint64_t m = 0;
  for (int k = 0; k < CK_VW; k++) m = x[k] > m ? x[k] : m;
  return m;
}

static uint64_t CK_FN(ck_ap_buckets)(uint64_t *table, long buckets, uint64_t spare, uint64_t *crowded) {
  const uint64_t step = 1ull << 63;
  rb_vu entries = {0}, negatives = {0}, most = {0};
  long d = 0;
  for (; d + CK_VW <= buckets; d += CK_VW) {
    rb_vu c;
    __builtin_memcpy(&c, table + d, sizeof c);
    rb_vu total = c & 0xFFFFFFFFull, positives = c >> 32;
    rb_vu gathered = (rb_vu)(positives != 0);
    rb_vu size = total & gathered;
    rb_vu below = CK_FN(rb_scan)(total - positives) + negatives;
    rb_vu through = CK_FN(rb_scan)(size) + entries;
    rb_vu e = (((through - size) | step) & gathered) | (spare & ~gathered) | below << 32;
    __builtin_memcpy(table + d, &e, sizeof e);
    most = CK_FN(rb_max)(size, most);
    negatives = CK_FN(rb_last)(below);
    entries = CK_FN(rb_last)(through);
  }
  uint64_t n = entries[0], neg = negatives[0], m = CK_FN(rb_hmax)(most);
  for (; d < buckets; d++) {
    uint64_t c = table[d], total = c & 0xFFFFFFFFull, positives = c >> 32;
    uint64_t gathered = 0 - (uint64_t)(positives != 0), size = total & gathered;
    neg += total - positives;
    table[d] = ((n | step) & gathered) | (spare & ~gathered) | neg << 32;
    n += size;
    m = size > m ? size : m;
  }
  *crowded = m;
  return n;
}

static uint64_t CK_FN(ck_roc_buckets)(uint64_t *table, long buckets, uint64_t spare, uint64_t *crowded,
                               uint64_t *area2) {
  const uint64_t step = 1ull << 32;
  rb_vu entries = {0}, negatives = {0}, most = {0}, area = {0};
  long d = 0;
  for (; d + CK_VW <= buckets; d += CK_VW) {
    rb_vu c;
    __builtin_memcpy(&c, table + d, sizeof c);
    rb_vu total = c & 0xFFFFFFFFull, positives = c >> 32, neg = total - positives;
    rb_vu through = CK_FN(rb_scan)(neg) + negatives;
    area += positives * (through - neg);
    rb_vu mixed = (rb_vu)(positives != 0) & (rb_vu)(neg != 0);
    rb_vu size = total & mixed;
    rb_vu gathered = CK_FN(rb_scan)(size) + entries;
    rb_vu e = (((gathered - size) | step) & mixed) | (spare & ~mixed);
    __builtin_memcpy(table + d, &e, sizeof e);
    most = CK_FN(rb_max)(size, most);
    negatives = CK_FN(rb_last)(through);
    entries = CK_FN(rb_last)(gathered);
  }
  uint64_t n = entries[0], below = negatives[0], m = CK_FN(rb_hmax)(most), a = 0;
  for (int k = 0; k < CK_VW; k++) a += area[k];
  for (; d < buckets; d++) {
    uint64_t c = table[d], total = c & 0xFFFFFFFFull, positives = c >> 32, neg = total - positives;
    a += positives * below;
    below += neg;
    uint64_t mixed = 0 - (uint64_t)(positives != 0 && neg != 0), size = total & mixed;
    table[d] = ((n | step) & mixed) | (spare & ~mixed);
    n += size;
    m = size > m ? size : m;
  }
  *crowded = m;
  *area2 = a;
  return n;
}
