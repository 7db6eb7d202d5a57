/// The small part of the scripting API that is Lua code: the experiment and ingredient
/// declarations (tables that hold the script's functions) and the read-only library tables.
/// It runs once per state and returns the hooks the host calls.
enum Prelude {
  static let source = #"""
local hooks, declared = {}, nil
local rawtype, setmetatable, getmetatable, error, ipairs, pairs = type, setmetatable, getmetatable, error, ipairs, pairs

local function check(cond, level, fmt, ...) if not cond then error(string.format(fmt, ...), level + 1) end end

local function add_config(self, what, t)
  if rawtype(t) == "function" then self._derive[#self._derive + 1] = t
  else
    check(rawtype(t) == "table", 2, "%s:config expects a table of settings or a function, got %s", what, rawtype(t))
    self._configs[#self._configs + 1] = t
  end
  return self
end

local Ingredient = { __name = "Ingredient" }
local ingredient_methods = {}
Ingredient.__index = ingredient_methods
Ingredient.__tostring = function(self) return "Ingredient(" .. self.name .. ")" end
function ingredient_methods:config(t) return add_config(self, "ingredient", t) end

function ingredient(name)
  check(rawtype(name) == "string" and name:match("^[%a_][%w_]*$"), 2, "ingredient expects a name (a word such as \"mlp\"), got %s", tostring(name))
  return setmetatable({ name = name, _configs = {}, _derive = {} }, Ingredient)
end

local Experiment = { __name = "Experiment" }
local experiment_methods = {}
Experiment.__index = experiment_methods
Experiment.__tostring = function(self) return "Experiment(" .. self.name .. ")" end
function experiment_methods:config(t) return add_config(self, "ex", t) end
function experiment_methods:named_config(name, t)
  check(rawtype(name) == "string", 2, "ex:named_config expects a name first, got %s", rawtype(name))
  check(rawtype(t) == "table", 2, "ex:named_config('%s', ...) expects a table of settings, got %s", name, rawtype(t))
  if self._named[name] == nil then self._named_order[#self._named_order + 1] = name end
  self._named[name] = t
  return self
end
-- The host's check of a declared search space: nil, or what is wrong with it.
local sweep_check
local pcall, next, tostring = pcall, next, tostring
function experiment_methods:sweep(t)
  check(self._sweep == nil, 2, "ex:sweep was already given: an experiment declares one search space")
  check(rawtype(t) == "table", 2, "ex:sweep expects a table: each config key to search = a distribution (lr = sweep.loguniform(1e-4, 1e-1)), with objective = \"...\" and direction = \"minimize\" or \"maximize\"; got %s", rawtype(t))
  -- A copy: changing the table afterwards changes nothing.
  local space = {}
  for k, v in next, t do
    check(rawtype(k) == "string", 2, "ex:sweep: every parameter is named by its config key (lr = ..., [\"optim.beta1\"] = ...), got the key %s", tostring(k))
    space[k] = v
  end
  local problem = sweep_check(space)
  check(problem == nil, 2, "%s", problem)
  local _, place = pcall(error, "", 3)  -- the script's file:line
  self._sweep, self._sweep_place = space, (place:gsub(": $", ""))
  return self
end
function hooks.sweep_checker(fn) sweep_check = fn end
function experiment_methods:main(fn)
  check(rawtype(fn) == "function", 2, "ex:main expects a function(cfg, run), got %s", rawtype(fn))
  check(self._main == nil, 2, "ex:main was already given")
  self._main = fn
  return self
end
-- Errors point at the caller of attach's caller (`level` 2), as `check`'s levels count.
local function attach(ex, ing, level)
  check(getmetatable(ing) == Ingredient, level + 1, "ex:add_ingredient expects an ingredient, got %s", rawtype(ing))
  for _, other in ipairs(ex._ingredients) do
    check(other.name ~= ing.name, level + 1, "ex:add_ingredient: an ingredient named '%s' is already part of the experiment", ing.name)
  end
  ex._ingredients[#ex._ingredients + 1] = ing
  return ex
end
function experiment_methods:add_ingredient(ing) attach(self, ing, 2); return self end

-- `experiment "name"` reaches declare through tail calls (the read-only proxy's __call, then
-- the table's): the script is declare's caller.
local function declare(spec)
  local name, ingredients = spec, {}
  if rawtype(spec) == "table" then name, ingredients = spec[1] or spec.name, spec.ingredients or {} end
  check(rawtype(name) == "string" and name ~= "", 2, "experiment expects a name: experiment \"name\" or experiment{\"name\", ingredients = {...}}")
  check(declared == nil, 2, "a script declares one experiment; '%s' was declared already", declared and declared.name or "")
  local ex = setmetatable({ name = name, _configs = {}, _derive = {}, _named = {}, _named_order = {}, _ingredients = {} }, Experiment)
  for _, ing in ipairs(ingredients) do attach(ex, ing, 2) end
  declared = ex
  return ex
end
if rawtype(experiment) ~= "table" then experiment = {} end
setmetatable(experiment, { __call = function(_, spec) return declare(spec) end })

-- What the host reads: plain data only.
function hooks.declaration()
  if declared == nil then return nil end
  local ings = {}
  for i, ing in ipairs(declared._ingredients) do ings[i] = { name = ing.name, configs = ing._configs } end
  return { name = declared.name, configs = declared._configs, named = declared._named,
           named_order = declared._named_order, ingredients = ings, has_main = declared._main ~= nil,
           sweep = declared._sweep, sweep_place = declared._sweep_place }
end

-- Derived values: ingredient functions on their part of the config, then the experiment's.
function hooks.derive(cfg)
  for _, ing in ipairs(declared._ingredients) do
    for _, f in ipairs(ing._derive) do
      local r = f(cfg[ing.name]); if rawtype(r) == "table" then cfg[ing.name] = r end
    end
  end
  for _, f in ipairs(declared._derive) do
    local r = f(cfg); if rawtype(r) == "table" then cfg = r end
  end
  return cfg
end

-- The result as plain data: objects (tensors, reports) become their text.
local function plain(v, depth)
  local t = rawtype(v)
  if t == "table" and depth < 16 and getmetatable(v) == nil then
    local out = {}
    for k, x in pairs(v) do out[k] = plain(x, depth + 1) end
    return out
  elseif t == "userdata" or t == "function" or t == "table" or t == "thread" then
    return tostring(v)
  end
  return v
end

function hooks.main(cfg, run) return plain(declared._main(cfg, run), 0) end

-- Library tables become read-only proxies: a script cannot replace nn.Dense or string.rep, not
-- even with rawset, and never reaches the tables behind them (pairs iterates without handing
-- them out).
local proxies = setmetatable({}, { __mode = "k" })
-- Crescent's own libraries also refuse to read a name they do not define (`optim.adam`):
-- `undefined` makes the message, with the nearest names.
local function readonly(name, real, undefined)
  local mt = {
    __index = real,
    __newindex = function() error("attempt to modify read-only table '" .. name .. "'", 2) end,
    __pairs = function(proxy) return function(_, k) return next(real, k) end, proxy, nil end,
    __len = function() return #real end,
    __metatable = false,
  }
  local rmt = getmetatable(real)
  if rmt and rmt.__call then mt.__call = function(_, ...) return real(...) end end
  if undefined then
    if rmt == nil then rmt = {}; setmetatable(real, rmt) end
    rmt.__index = function(_, key)
      local names = {}
      for k in next, real do if rawtype(k) == "string" then names[#names + 1] = k end end
      error(undefined(name, tostring(key), names), 2)
    end
  end
  local proxy = setmetatable({}, mt)
  proxies[proxy] = name
  return proxy
end

function hooks.freeze(names, strict, undefined)
  local checked = {}
  for _, name in ipairs(strict) do checked[name] = true end
  for _, name in ipairs(names) do
    local real = _G[name]
    if rawtype(real) == "table" then _G[name] = readonly(name, real, checked[name] and undefined or nil) end
  end
  local raw_set = rawset
  _G.rawset = function(t, k, v)
    if proxies[t] then error("attempt to modify read-only table '" .. proxies[t] .. "'", 2) end
    return raw_set(t, k, v)
  end
  local smt = getmetatable("")
  smt.__index = _G.string
  smt.__metatable = "read-only"
end

return hooks
"""#
}
