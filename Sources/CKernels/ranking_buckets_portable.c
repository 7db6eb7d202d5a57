/* Portable variant of the ranking's bucket passes (any CPU: 2-lane generic vectors). */
#define CK_VW 2
#define CK_FN(name) name##_portable
#include "kernel_table.h"
#include "ranking_buckets_body.h"

const ck_ranking_kernels ck_ranking_portable = {.ap_buckets = ck_ap_buckets_portable, .roc_buckets = ck_roc_buckets_portable};
