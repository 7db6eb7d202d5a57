#ifndef CKERNELS_H
#define CKERNELS_H
#include "ck_cpu.h"
#include "ck_elementwise.h"
#include "ck_gemm.h"
#include "ck_metrics.h"
#include "ck_optim.h"
#endif
