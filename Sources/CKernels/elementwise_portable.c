/* The elementwise kernels for any CPU (4-lane generic vectors), and their table. */
#define CK_VW 4
#if defined(__aarch64__) || defined(__ARM_FEATURE_FMA)
#define CK_HAS_FMA 1
#else
#define CK_HAS_FMA 0
#endif
#include "kernel_table.h"
#include "ew_activations.h"
#include "ew_loss.h"
#include "ew_maps.h"
#include "ew_reductions.h"

#define CK_EW_TABLE ck_elementwise_portable
#include "ew_table.h"
