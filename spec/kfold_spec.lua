local kfold = require "recipes.kfold"

describe("kfold.summarize", function()
  it("gives mean and population std per number", function()
    local s = kfold.summarize { { f1 = 0.5, note = "a" }, { f1 = 0.7 } }
    assert.near(s.f1.mean, 0.6, 1e-12)
    assert.near(s.f1.std, 0.1, 1e-12)
    assert.equals(s.f1.n, 2)
    assert.equals(s.note, nil)
  end)

  it("renders a sorted table", function()
    local text = kfold.table { b = { mean = 1, std = 0.5 }, a = { mean = 0.25, std = 0 } }
    assert.equals(text, "a  0.2500 ± 0.0000\nb  1.0000 ± 0.5000")
  end)
end)

describe("kfold.run", function()
  local ds = data.make_multilabel { n_samples = 60, n_features = 4, n_classes = 3, seed = 3 }

  it("evaluates every fold once and covers every example", function()
    local seen = 0
    local r = kfold.run(ds, function(train, test, fold)
      seen = seen + test.n
      assert.equals(train.n + test.n, 60)
      return { n_test = test.n, fold = fold }
    end, { k = 3, seed = 1 })
    assert.equals(#r.folds, 3)
    assert.equals(seen, 60)
    assert.near(r.summary.n_test.mean, 20, 1)
  end)

  it("rejects an evaluation that returns no table", function()
    assert.errors(function() kfold.run(ds, function() return 1 end, { k = 2 }) end, "must return a table")
  end)
end)
