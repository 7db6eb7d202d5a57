/// `describe`, `it` and `assert.*` for `crescent test`: each `it` runs in a protected call and
/// records a pass or a failure with the failing line's file:line.
enum SpecPrelude {
  static let source = #"""
local results = { passed = 0, failed = 0, failures = {} }
__crescent_spec = results
local path = {}

local function fail(name, err)
  results.failed = results.failed + 1
  results.failures[#results.failures + 1] = { name = name, message = tostring(err) }
end

local function full(name)
  if #path == 0 then return name end
  return table.concat(path, " > ") .. " > " .. name
end

function describe(name, fn)
  path[#path + 1] = tostring(name)
  local ok, err = pcall(fn)
  if not ok then fail(table.concat(path, " > "), err) end
  path[#path] = nil
end

function it(name, fn)
  local ok, err = pcall(fn)
  if ok then results.passed = results.passed + 1 else fail(full(tostring(name)), err) end
end

local function show(v)
  if type(v) == "string" then return string.format("%q", v) end
  if type(v) == "table" and getmetatable(v) == nil then
    local parts = {}
    for i = 1, #v do parts[#parts + 1] = show(v[i]) end
    for k, x in pairs(v) do
      if not (math.type(k) == "integer" and k >= 1 and k <= #v) then parts[#parts + 1] = tostring(k) .. " = " .. show(x) end
    end
    return "{" .. table.concat(parts, ", ") .. "}"
  end
  return tostring(v)
end

local function same(a, b, depth)
  if a == b then return true end
  if type(a) ~= "table" or type(b) ~= "table" or depth > 32 then return false end
  for k, v in pairs(a) do if not same(v, b[k], depth + 1) then return false end end
  for k in pairs(b) do if a[k] == nil then return false end end
  return true
end

local function prefix(msg) return msg and (tostring(msg) .. ": ") or "" end

local base_assert = assert
assert = setmetatable({}, { __call = function(_, v, ...) return base_assert(v, ...) end })

function assert.equals(actual, expected, msg)
  if not same(actual, expected, 0) then
    error(prefix(msg) .. "expected " .. show(expected) .. ", got " .. show(actual), 2)
  end
end

function assert.near(actual, expected, tol, msg)
  tol = tol or 1e-6
  if type(actual) ~= "number" or type(expected) ~= "number" or math.abs(actual - expected) > tol then
    error(prefix(msg) .. "expected " .. show(expected) .. " within " .. show(tol) .. ", got " .. show(actual), 2)
  end
end

function assert.truthy(v, msg)
  if not v then error(prefix(msg) .. "expected a true value, got " .. show(v), 2) end
  return v
end

function assert.falsy(v, msg)
  if v then error(prefix(msg) .. "expected false or nil, got " .. show(v), 2) end
end

function assert.errors(fn, pattern, msg)
  local ok, err = pcall(fn)
  if ok then error(prefix(msg) .. "expected an error" .. (pattern and (" matching " .. show(pattern)) or "") .. ", got none", 2) end
  local text = tostring(err)
  if pattern and not text:find(pattern) and not text:find(pattern, 1, true) then
    error(prefix(msg) .. "expected an error matching " .. show(pattern) .. ", got " .. show(text), 2)
  end
  return text
end
"""#
}
