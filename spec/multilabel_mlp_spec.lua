local mlp = require "recipes.multilabel_mlp"

describe("multilabel_mlp", function()
  it("is an ingredient named mlp", function()
    assert.equals(mlp.name, "mlp")
    assert.equals(tostring(mlp), "Ingredient(mlp)")
  end)

  it("is cached by require", function()
    assert.truthy(require "recipes.multilabel_mlp" == mlp)
  end)

  it("builds a model with the configured layers", function()
    local model = mlp.build({ units = { 8, 4 }, activation = "relu", dropout = 0, lr = 0.01 }, 5, 3, 1)
    assert.truthy(tostring(model):find("dense"))
    local p = model:predict(tensor.zeros(2, 5))
    assert.equals({ p:shape() }, { 2, 3 })
  end)

  it("fits and tunes one threshold per label", function()
    local ds = data.make_multilabel { n_samples = 200, n_features = 6, n_classes = 3, seed = 2 }
    local train, valid = ds:split { test_size = 0.3, seed = 1 }
    local cfg = { units = { 16 }, activation = "relu", dropout = 0, lr = 0.01, batch_size = 32,
                  epochs = 3, patience = 2, threshold_metric = "f1" }
    local fitted = mlp.fit(cfg, train, valid, 1)
    assert.equals(#fitted.thresholds, 3)
    local predicted, scores = mlp.predict(fitted, valid.x)
    assert.equals({ predicted:shape() }, { valid.n, 3 })
    assert.truthy(predicted:max() <= 1 and predicted:min() >= 0)
    assert.equals({ scores:shape() }, { valid.n, 3 })
  end)
end)
