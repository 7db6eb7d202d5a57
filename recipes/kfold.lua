-- k-fold evaluation: runs a function on each fold of a dataset (ds:kfold, iteratively
-- stratified by default) and summarises the numbers it returns as mean ± std.
--   local kfold = require "recipes.kfold"
--   local r = kfold.run(ds, function(train, test, fold) return { f1 = ... } end, { k = 5, seed = 1 })
--   print(kfold.table(r.summary))
local kfold = {}

-- Returns { folds = { per-fold tables }, summary = { name = { mean, std, n } } }.
function kfold.run(ds, evaluate, opts)
  opts = opts or {}
  local folds = {}
  for fold, train, test in ds:kfold { k = opts.k or 5, seed = opts.seed, stratify = opts.stratify or "iterative" } do
    local scores = evaluate(train, test, fold)
    if type(scores) ~= "table" then error("kfold.run: the evaluation of fold " .. fold .. " must return a table of numbers", 2) end
    folds[#folds + 1] = scores
  end
  return { folds = folds, summary = kfold.summarize(folds) }
end

-- Mean and (population) standard deviation of each number the folds report.
function kfold.summarize(folds)
  local names, seen = {}, {}
  for _, f in ipairs(folds) do
    for name, v in pairs(f) do
      if type(v) == "number" and not seen[name] then seen[name] = true; names[#names + 1] = name end
    end
  end
  table.sort(names)
  local summary = {}
  for _, name in ipairs(names) do
    local sum, n = 0, 0
    for _, f in ipairs(folds) do if type(f[name]) == "number" then sum = sum + f[name]; n = n + 1 end end
    local mean, sq = sum / n, 0
    for _, f in ipairs(folds) do if type(f[name]) == "number" then sq = sq + (f[name] - mean) ^ 2 end end
    summary[name] = { mean = mean, std = math.sqrt(sq / n), n = n }
  end
  return summary
end

-- A table: one line per number, `name  mean ± std`, names sorted.
function kfold.table(summary, digits)
  local fmt = "%." .. (digits or 4) .. "f"
  local names, width = {}, 0
  for name in pairs(summary) do names[#names + 1] = name; width = math.max(width, #name) end
  table.sort(names)
  local lines = {}
  for _, name in ipairs(names) do
    local s = summary[name]
    lines[#lines + 1] = string.format("%-" .. width .. "s  " .. fmt .. " ± " .. fmt, name, s.mean, s.std)
  end
  return table.concat(lines, "\n")
end

return kfold
