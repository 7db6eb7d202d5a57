#ifndef CRESCENT_CZLIB_H
#define CRESCENT_CZLIB_H
#include <zlib.h>
#endif
