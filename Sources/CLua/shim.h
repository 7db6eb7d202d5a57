#ifndef CRESCENT_CLUA_H
#define CRESCENT_CLUA_H
#include <lua.h>
#include <lualib.h>
#include <lauxlib.h>
#endif
