/* Portable variant of the elementwise kernels (any CPU: 4-lane generic vectors). */
#define CK_VW 4
#if defined(__aarch64__) || defined(__ARM_FEATURE_FMA)
#define CK_HAS_FMA 1
#else
#define CK_HAS_FMA 0
#endif
#define CK_FN(name) name##_portable
#include "elementwise_body.h"
