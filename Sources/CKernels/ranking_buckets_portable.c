/* Portable variant of the ranking's bucket passes (any CPU: 2-lane generic vectors). */
#define CK_VW 2
#define CK_FN(name) name##_portable
#include "ranking_buckets_body.h"
