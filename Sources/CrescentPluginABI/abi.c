/* The ABI is the header alone; this file gives the target something to compile. */
#include "crescent_plugin.h"
