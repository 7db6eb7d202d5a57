-- The search space a script declares: distributions checked where they are written, ex:sweep's
-- own checks at its line, and how the declared parameters read back.
local ex = experiment "sweep-spec"
ex:config { lr = 0.01, hidden = 256, optimizer = "adam", momentum = 0.9 }

describe("sweep distributions", function()
  it("show as the text --space takes", function()
    assert.equals(sweep.loguniform(1e-4, 0.1).text, "loguniform(0.0001, 0.1)")
    assert.equals(sweep.uniform(0, 0.5, { step = 0.1 }).text, "uniform(0.0, 0.5, 0.1)")
    assert.equals(sweep.int(16, 1024, { log = true }).text, "logint(16, 1024)")
    assert.equals(sweep.int(1, 9, { step = 2 }).text, "int(1, 9, 2)")
    assert.equals(sweep.choice { "sgd", "adam" }.text, "choice(\"sgd\", \"adam\")")
    assert.equals(sweep.choice { { 512, 256 }, { 128 } }.text, "choice({512, 256}, {128})")
  end)

  it("refuse bad ranges and options at their line", function()
    assert.errors(function() sweep.uniform(1, 0) end, "sweep_spec.lua:17: sweep.uniform: the range [1.0, 0.0] is inverted: low must be below high")
    assert.errors(function() sweep.uniform(1, 1) end, "sweep.uniform: the range [1.0, 1.0] is empty")
    assert.errors(function() sweep.uniform(0, 1, { step = 2 }) end, "sweep.uniform: step 2.0 is wider than the range [0.0, 1.0]")
    assert.errors(function() sweep.loguniform(0, 1) end, "sweep.loguniform: a log range must be above 0, got [0.0, 1.0]")
    assert.errors(function() sweep.loguniform(-1, 1) end, "a log range must be above 0")
    assert.errors(function() sweep.int(0, 8, { log = true }) end, "sweep.int: a log range must be above 0, got [0, 8]")
    assert.errors(function() sweep.int(1, 2.5) end, "sweep.int: argument 2 ('high')")
    assert.errors(function() sweep.choice {} end, "sweep.choice: a choice needs at least one option")
    assert.errors(function() sweep.choice { "a", "a" } end, "the option \"a\" is listed twice")
    assert.errors(function() sweep.choice { function() end } end, "option 1 must be a boolean, number or string, or a list of them, got a function")
    assert.errors(function() sweep.uniform(0, 1, { when = { a = 1, b = 2 } }) end, "option 'when' expects one parameter and its value")
    assert.errors(function() sweep.uniform(0, 1, { stp = 2 }) end, "stp")
  end)
end)

describe("ex:sweep", function()
  local function space(t) return function() ex:sweep(t) end end

  it("refuses what is not a search space at its line", function()
    assert.errors(space(5), "sweep_spec.lua:33: ex:sweep expects a table")
    assert.errors(space { lr = 0.1, objective = "loss", direction = "minimize" },
      "ex:sweep: parameter 'lr' must be a distribution (sweep.uniform, sweep.loguniform, sweep.int or sweep.choice), got a number")
    assert.errors(space { lr = sweep.uniform(0, 1), direction = "minimize" }, "ex:sweep has no objective")
    assert.errors(space { lr = sweep.uniform(0, 1), objective = "" }, "objective must be the name of the metric")
    assert.errors(space { lr = sweep.uniform(0, 1), objective = "loss" }, "give direction = \"minimize\" or \"maximize\"")
    assert.errors(space { lr = sweep.uniform(0, 1), objective = "loss", direction = "up" },
      "direction must be \"minimize\" or \"maximize\", got a string \"up\"")
    assert.errors(space { objective = "loss", direction = "minimize" }, "ex:sweep declares no parameters")
    assert.errors(space { sweep.uniform(0, 1), objective = "loss", direction = "minimize" }, "every parameter is named by its config key")
    assert.errors(space { momentum = sweep.uniform(0, 1, { when = { optimiser = "sgd" } }), optimizer = sweep.choice { "sgd" },
                          objective = "loss", direction = "minimize" },
      "sweep parameter 'momentum': its condition names 'optimiser', which is not a parameter of the sweep (did you mean 'optimizer'?)")
    assert.errors(space { momentum = sweep.uniform(0, 1, { when = { lr = 1 } }), lr = sweep.uniform(0, 1),
                          objective = "loss", direction = "minimize" },
      "its condition names 'lr', which is not a choice")
  end)

  it("is given once", function()
    ex:sweep { lr = sweep.loguniform(1e-4, 0.1), objective = "val_loss", direction = "minimize" }
    assert.errors(space { hidden = sweep.choice { 1 }, objective = "loss", direction = "minimize" },
      "ex:sweep was already given: an experiment declares one search space")
  end)
end)
