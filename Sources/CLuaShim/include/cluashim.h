#ifndef CLUASHIM_H
#define CLUASHIM_H
/*
 * The C side of Crescent's Lua host.
 *
 * - Lua's function-like macros as real functions, so Swift can call them.
 * - The one trampoline through which every Swift function is called from Lua. Swift never
 *   raises a Lua error itself (a longjmp across Swift frames skips `defer` and leaks): the
 *   Swift dispatcher returns CRESCENT_RAISE with the message on the stack, and the trampoline,
 *   with no Swift frame left below it, raises.
 * - A count hook that stops a running script on Ctrl-C or at a deadline.
 */
#include <stddef.h>
#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>

/* Returned by the Swift dispatcher: "raise the value on top of the stack as an error" (a
 * string gets the caller's position in front). */
#define CRESCENT_RAISE (-1)
/* Returned by the Swift dispatcher: "raise the value on top of the stack as it is" (an error a
 * protected call caught, passed on). */
#define CRESCENT_RERAISE (-2)

/* The Swift dispatcher: called with upvalue 1 holding the function's id. */
typedef int (*crescent_dispatch_fn)(lua_State *L, lua_Integer id);
void crescent_set_dispatch(crescent_dispatch_fn fn);
/* Brackets host code that pushes values outside any Swift function called from Lua (before a
 * protected call): its allocations never fail, as a Swift function's do. */
void crescent_native_begin(void);
void crescent_native_end(void);
/* The Lua thread (main state or coroutine) running the innermost Swift function called from
 * Lua on this OS thread, NULL outside any: where that function's errors are raised. */
lua_State *crescent_running_thread(void);
/* Pushes a C closure that calls the dispatcher with `id`. */
void crescent_push_function(lua_State *L, lua_Integer id);

/* Swift functions made at run time: the closure pointer is kept in a userdata whose __gc hands
 * it to `release`, so the function lives exactly as long as Lua holds it. */
typedef int (*crescent_closure_fn)(lua_State *L, void *closure);
typedef void (*crescent_release_fn)(void *closure);
void crescent_set_closure_dispatch(crescent_closure_fn call, crescent_release_fn release);
void crescent_push_closure(lua_State *L, void *closure);

/* luaL_tolstring (which runs __tostring) under a protected call: LUA_OK with the string on top,
 * or an error status with the error value on top. */
int crescent_tostring_protected(lua_State *L, int idx);

/* The host object pointer kept in the state's extra space (shared by its coroutines). */
void crescent_set_host(lua_State *L, void *host);
void *crescent_get_host(lua_State *L);

/* Macros as functions. */
void crescent_pop(lua_State *L, int n);
void crescent_newtable(lua_State *L);
const char *crescent_tostring(lua_State *L, int idx, size_t *len);
int crescent_pcall(lua_State *L, int nargs, int nresults, int msgh);
int crescent_upvalueindex(int i);
int crescent_registryindex(void);
void crescent_insert(lua_State *L, int idx);
void crescent_remove(lua_State *L, int idx);
int crescent_isnoneornil(lua_State *L, int idx);
int crescent_getmetatable_named(lua_State *L, const char *name);
void *crescent_newuserdata(lua_State *L, size_t size);
void crescent_gc_step(lua_State *L, int kilobytes);
void crescent_gc_collect(lua_State *L);
int crescent_gc_kilobytes(lua_State *L);
const char *crescent_typename(lua_State *L, int idx);

/* Loads a chunk as text only (binary chunks are refused). */
int crescent_load_text(lua_State *L, const char *buffer, size_t size, const char *chunkname);
/* Message handler: the error value (made a string) with a traceback appended. */
int crescent_traceback(lua_State *L);
/* Opens the sandbox's standard libraries (base, string, table, math, utf8, coroutine, and
 * os with clock/time/date/difftime only); `trusted` opens all of them. */
void crescent_open_libraries(lua_State *L, int trusted, int allow);
/* Libraries `allow` opens without `trusted` (--allow io,os,debug,package). */
#define CRESCENT_ALLOW_IO 1
#define CRESCENT_ALLOW_OS 2
#define CRESCENT_ALLOW_DEBUG 4
#define CRESCENT_ALLOW_PACKAGE 8

/* Interruption: a count hook checks a flag set by SIGINT and a deadline. */
#define CRESCENT_INTERRUPT_MESSAGE "interrupted"
#define CRESCENT_TIMEOUT_MESSAGE "time limit exceeded"
#define CRESCENT_MEMORY_MESSAGE "memory limit exceeded"
#define CRESCENT_PRUNED_MESSAGE "trial pruned"
void crescent_install_hook(lua_State *L);
/* Makes the hook check at every instruction of L from now on: once a run must stop (its sweep
 * trial was pruned), an error a pcall caught is raised again at the next instruction. */
void crescent_stop_soon(lua_State *L);
void crescent_install_sigint_handler(void);
/* SIGTERM stops the script as Ctrl-C does (a second SIGTERM ends the process at once). */
void crescent_install_sigterm_handler(void);
void crescent_request_interrupt(void);
void crescent_clear_interrupt(void);
int crescent_interrupt_requested(void);
/* Called by the hook with the running state: 1 stops the script with the timeout message,
 * 2 with the memory message, 3 with the pruned message (the host keeps a deadline, a memory
 * limit and a sweep trial per state). */
typedef int (*crescent_limit_fn)(lua_State *L);
void crescent_set_limit_check(crescent_limit_fn fn);
/* A limiting allocator: Lua allocations beyond `limit` bytes fail ("not enough memory"),
 * except on behalf of a running Swift function; crescent_close frees it with the state. */
void crescent_set_memory_limit(lua_State *L, size_t limit);
size_t crescent_memory_used(lua_State *L);
void crescent_close(lua_State *L);
/* Replaces xpcall with one whose message handler is skipped once a limit has stopped the
 * script (handlers run with hooks off, so they could not be stopped). */
void crescent_guard_xpcall(lua_State *L);
/* Monotonic seconds, for deadlines. */
double crescent_now(void);

#endif
