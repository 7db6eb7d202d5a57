/* Portable variant of the metric cell conversions (any CPU: 4-lane generic vectors). */
#define CK_VW 4
#define CK_FN(name) name##_portable
#include "metric_cells_body.h"
