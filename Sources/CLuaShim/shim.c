#include "cluashim.h"
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static crescent_dispatch_fn dispatch = NULL;
/* How many Swift functions are running: allocations made on Swift's behalf never fail (a
   failure would raise across Swift frames); the hook enforces the limit afterwards. */
static int native_depth = 0;
/* The thread running the innermost Swift function, on this OS thread. */
static _Thread_local lua_State *running = NULL;

void crescent_set_dispatch(crescent_dispatch_fn fn) { dispatch = fn; }
void crescent_native_begin(void) { native_depth++; }
void crescent_native_end(void) { native_depth--; }

/* What a Swift function's return asks for: its results, or an error raised on L, the thread that
   called it (a coroutine's own, never the main thread's). */
static int finish(lua_State *L, int n) {
  if (n == CRESCENT_RERAISE) return lua_error(L);
  if (n == CRESCENT_RAISE) {
    /* Swift has returned: raising here crosses no Swift frame. Strings get the caller's
       file:line in front, as luaL_error does. */
    if (lua_type(L, -1) == LUA_TSTRING) {
      luaL_where(L, 1);
      lua_insert(L, -2);
      lua_concat(L, 2);
    }
    return lua_error(L);
  }
  return n;
}

lua_State *crescent_running_thread(void) { return running; }

static int trampoline(lua_State *L) {
  lua_Integer id = lua_tointeger(L, lua_upvalueindex(1));
  lua_State *outer = running;
  running = L;
  native_depth++;
  int n = dispatch(L, id);
  native_depth--;
  running = outer;
  return finish(L, n);
}

/* ---- closures: Swift functions made at run time, released when Lua collects them ---- */

static crescent_closure_fn closure_call = NULL;
static crescent_release_fn closure_release = NULL;

void crescent_set_closure_dispatch(crescent_closure_fn call, crescent_release_fn release) {
  closure_call = call;
  closure_release = release;
}

static int closure_gc(lua_State *L) {
  void **slot = lua_touserdata(L, 1);
  if (slot && *slot) {
    void *closure = *slot;
    *slot = NULL;
    closure_release(closure);
  }
  return 0;
}

static int closure_trampoline(lua_State *L) {
  void **slot = lua_touserdata(L, lua_upvalueindex(1));
  if (!slot || !*slot) { lua_pushliteral(L, "a released native function was called"); return lua_error(L); }
  lua_State *outer = running;
  running = L;
  native_depth++;
  int n = closure_call(L, *slot);
  native_depth--;
  running = outer;
  return finish(L, n);
}

void crescent_push_closure(lua_State *L, void *closure) {
  void **slot = lua_newuserdatauv(L, sizeof closure, 0);
  *slot = closure;
  if (luaL_newmetatable(L, "crescent.closure")) {
    lua_pushcfunction(L, closure_gc);
    lua_setfield(L, -2, "__gc");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
  }
  lua_setmetatable(L, -2);
  lua_pushcclosure(L, closure_trampoline, 1);
}

static int tostring_unprotected(lua_State *L) {
  luaL_tolstring(L, 1, NULL);
  return 1;
}

int crescent_tostring_protected(lua_State *L, int idx) {
  idx = lua_absindex(L, idx);
  if (!lua_checkstack(L, 3)) { lua_pushliteral(L, "stack overflow"); return LUA_ERRMEM; }
  lua_pushcfunction(L, tostring_unprotected);
  lua_pushvalue(L, idx);
  return crescent_pcall(L, 1, 1, 0);
}

void crescent_push_function(lua_State *L, lua_Integer id) {
  lua_pushinteger(L, id);
  lua_pushcclosure(L, trampoline, 1);
}

void crescent_set_host(lua_State *L, void *host) { memcpy(lua_getextraspace(L), &host, sizeof host); }
void *crescent_get_host(lua_State *L) {
  void *host;
  memcpy(&host, lua_getextraspace(L), sizeof host);
  return host;
}

void crescent_pop(lua_State *L, int n) { lua_pop(L, n); }
void crescent_newtable(lua_State *L) { lua_newtable(L); }
const char *crescent_tostring(lua_State *L, int idx, size_t *len) { return lua_tolstring(L, idx, len); }
int crescent_pcall(lua_State *L, int nargs, int nresults, int msgh) {
  int saved = native_depth;
  lua_State *outer = running;
  native_depth = 0; /* Lua code called from Swift is limited again; errors stop at this pcall */
  int status = lua_pcall(L, nargs, nresults, msgh);
  native_depth = saved;
  running = outer;  /* as they were, however the call ended */
  return status;
}
int crescent_upvalueindex(int i) { return lua_upvalueindex(i); }
int crescent_registryindex(void) { return LUA_REGISTRYINDEX; }
void crescent_insert(lua_State *L, int idx) { lua_insert(L, idx); }
void crescent_remove(lua_State *L, int idx) { lua_remove(L, idx); }
int crescent_isnoneornil(lua_State *L, int idx) { return lua_isnoneornil(L, idx); }
int crescent_getmetatable_named(lua_State *L, const char *name) { return luaL_getmetatable(L, name); }
void *crescent_newuserdata(lua_State *L, size_t size) { return lua_newuserdatauv(L, size, 0); }
void crescent_gc_step(lua_State *L, int kilobytes) { lua_gc(L, LUA_GCSTEP, kilobytes); }
void crescent_gc_collect(lua_State *L) { lua_gc(L, LUA_GCCOLLECT); }
int crescent_gc_kilobytes(lua_State *L) { return lua_gc(L, LUA_GCCOUNT); }
const char *crescent_typename(lua_State *L, int idx) { return luaL_typename(L, idx); }

int crescent_load_text(lua_State *L, const char *buffer, size_t size, const char *chunkname) {
  return luaL_loadbufferx(L, buffer, size, chunkname, "t");
}

int crescent_traceback(lua_State *L) {
  const char *msg = lua_tostring(L, 1);
  if (msg == NULL) {
    if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) msg = lua_tostring(L, -1);
    else msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
  }
  luaL_traceback(L, L, msg, 1);
  return 1;
}

/* `load` restricted to text chunks: the mode argument is ignored and forced to "t". */
static int load_text_only(lua_State *L) {
  int nargs = lua_gettop(L);
  lua_pushvalue(L, lua_upvalueindex(1));           /* the original load */
  lua_pushvalue(L, 1);                             /* chunk */
  if (nargs >= 2) lua_pushvalue(L, 2); else lua_pushnil(L);  /* chunkname */
  lua_pushliteral(L, "t");                         /* mode */
  int n = 3;
  if (nargs >= 4) { lua_pushvalue(L, 4); n = 4; }  /* env */
  lua_call(L, n, LUA_MULTRET);
  return lua_gettop(L) - nargs;
}

static void remove_field(lua_State *L, const char *table, const char *field) {
  if (lua_getglobal(L, table) == LUA_TTABLE) {
    lua_pushnil(L);
    lua_setfield(L, -2, field);
  }
  lua_pop(L, 1);
}

void crescent_open_libraries(lua_State *L, int trusted, int allow) {
  if (trusted) { luaL_openlibs(L); return; }
  static const luaL_Reg allowed[] = {
    {LUA_GNAME, luaopen_base}, {LUA_STRLIBNAME, luaopen_string}, {LUA_TABLIBNAME, luaopen_table},
    {LUA_MATHLIBNAME, luaopen_math}, {LUA_UTF8LIBNAME, luaopen_utf8}, {LUA_COLIBNAME, luaopen_coroutine},
    {LUA_OSLIBNAME, luaopen_os}, {NULL, NULL}};
  for (const luaL_Reg *lib = allowed; lib->func; lib++) {
    luaL_requiref(L, lib->name, lib->func, 1);
    lua_pop(L, 1);
  }
  if (allow & CRESCENT_ALLOW_IO) { luaL_requiref(L, LUA_IOLIBNAME, luaopen_io, 1); lua_pop(L, 1); }
  if (allow & CRESCENT_ALLOW_DEBUG) { luaL_requiref(L, LUA_DBLIBNAME, luaopen_debug, 1); lua_pop(L, 1); }
  if (allow & CRESCENT_ALLOW_PACKAGE) { luaL_requiref(L, LUA_LOADLIBNAME, luaopen_package, 1); lua_pop(L, 1); }
  if (!(allow & CRESCENT_ALLOW_OS)) {
    /* os keeps only its clock and calendar functions. */
    static const char *os_removed[] = {"execute", "exit", "getenv", "remove", "rename", "setlocale", "tmpname", NULL};
    for (const char **f = os_removed; *f; f++) remove_field(L, "os", *f);
  }
  /* No files and no bytecode from scripts. */
  lua_pushnil(L); lua_setglobal(L, "dofile");
  lua_pushnil(L); lua_setglobal(L, "loadfile");
  lua_getglobal(L, "load");
  lua_pushcclosure(L, load_text_only, 1);
  lua_setglobal(L, "load");
}

/* ---- interruption ---- */

static volatile sig_atomic_t interrupt_flag = 0;
static crescent_limit_fn limit_check = NULL;

void crescent_set_limit_check(crescent_limit_fn fn) { limit_check = fn; }

double crescent_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void crescent_request_interrupt(void) { interrupt_flag = 1; }
void crescent_clear_interrupt(void) { interrupt_flag = 0; }
int crescent_interrupt_requested(void) { return interrupt_flag != 0; }

static void hook(lua_State *L, lua_Debug *ar) {
  (void)ar;
  /* The flag stays set, so a script that catches the error with pcall is stopped again at
     its next hook: an interrupt cannot be swallowed. */
  const char *stop = NULL;
  int limit = limit_check ? limit_check(L) : 0;
  if (interrupt_flag) stop = CRESCENT_INTERRUPT_MESSAGE;
  else if (limit == 1) stop = CRESCENT_TIMEOUT_MESSAGE;
  else if (limit == 2) stop = CRESCENT_MEMORY_MESSAGE;
  else if (limit == 3) stop = CRESCENT_PRUNED_MESSAGE;
  if (stop) {
    /* From now on check at every instruction: an error raised inside a pcall is caught, but
       the next instruction outside it raises again, so every level of pcall is escaped. */
    lua_sethook(L, hook, LUA_MASKCOUNT, 1);
    luaL_error(L, stop);
  }
}

void crescent_install_hook(lua_State *L) { lua_sethook(L, hook, LUA_MASKCOUNT, 10000); }

void crescent_stop_soon(lua_State *L) { lua_sethook(L, hook, LUA_MASKCOUNT, 1); }

static void on_sigint(int sig) {
  (void)sig;
  if (interrupt_flag) { signal(SIGINT, SIG_DFL); raise(SIGINT); return; }  /* second Ctrl-C: stop now */
  interrupt_flag = 1;
}

void crescent_install_sigint_handler(void) { signal(SIGINT, on_sigint); }

static void on_sigterm(int sig) {
  (void)sig;
  if (interrupt_flag) { signal(SIGTERM, SIG_DFL); raise(SIGTERM); return; }  /* second SIGTERM: stop now */
  interrupt_flag = 1;
}

void crescent_install_sigterm_handler(void) { signal(SIGTERM, on_sigterm); }

/* ---- memory limit ---- */

typedef struct {
  lua_Alloc f;
  void *ud;
  size_t used, limit;
} limited_allocator;

static void *limited_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  limited_allocator *a = ud;
  size_t old = ptr ? osize : 0;
  if (nsize > old && native_depth == 0 && a->used - old + nsize > a->limit) return NULL;
  void *p = a->f(a->ud, ptr, osize, nsize);
  if (nsize == 0) a->used -= old;
  else if (p) a->used = a->used - old + nsize;
  return p;
}

void crescent_set_memory_limit(lua_State *L, size_t limit) {
  void *ud;
  lua_Alloc f = lua_getallocf(L, &ud);
  if (f == limited_alloc) { ((limited_allocator *)ud)->limit = limit; return; }
  limited_allocator *a = malloc(sizeof *a);
  if (!a) return;
  a->f = f; a->ud = ud; a->limit = limit;
  a->used = (size_t)lua_gc(L, LUA_GCCOUNT) * 1024 + (size_t)lua_gc(L, LUA_GCCOUNTB);
  lua_setallocf(L, limited_alloc, a);
}

size_t crescent_memory_used(lua_State *L) {
  return (size_t)lua_gc(L, LUA_GCCOUNT) * 1024 + (size_t)lua_gc(L, LUA_GCCOUNTB);
}

void crescent_close(lua_State *L) {
  void *ud;
  lua_Alloc f = lua_getallocf(L, &ud);
  lua_close(L);
  if (f == limited_alloc) free(ud);
}

/* ---- xpcall's message handler under the limits ---- */

/* A message handler runs with hooks off when the error came from the hook (a deadline, an
   interrupt, the memory limit): a script's handler then could run forever. Past a limit it is
   not run at all; the message goes on unchanged and the hook stops the script again. */
static int guarded_handler(lua_State *L) {
  if (interrupt_flag || (limit_check && limit_check(L) != 0)) { lua_settop(L, 1); return 1; }
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
  return lua_gettop(L);
}

static int finish_xpcall(lua_State *L, int status, lua_KContext ctx) {
  (void)status; (void)ctx;
  return lua_gettop(L);
}

static int guarded_xpcall(lua_State *L) {
  int n = lua_gettop(L);
  luaL_checktype(L, 2, LUA_TFUNCTION);  /* named as xpcall's own check names it */
  {
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, guarded_handler, 1);
    lua_replace(L, 2);
  }
  lua_pushvalue(L, lua_upvalueindex(1));  /* the original xpcall */
  lua_insert(L, 1);
  lua_callk(L, n, LUA_MULTRET, 0, finish_xpcall);  /* a continuation: yields inside still work */
  return finish_xpcall(L, LUA_OK, 0);
}

void crescent_guard_xpcall(lua_State *L) {
  if (lua_getglobal(L, "xpcall") != LUA_TFUNCTION) { lua_pop(L, 1); return; }
  lua_pushcclosure(L, guarded_xpcall, 1);
  lua_setglobal(L, "xpcall");
}
