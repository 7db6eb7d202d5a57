/* Portable variant of the metric cell conversions (any CPU: 4-lane generic vectors). */
#define CK_VW 4
#define CK_FN(name) name##_portable
#include "kernel_table.h"
#include "metric_cells_body.h"

const ck_metric_cell_kernels ck_metric_cells_portable = {.truth_bytes = ck_truth_bytes_portable, .unit_keys = ck_unit_keys_portable};
