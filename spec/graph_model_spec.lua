-- Graph models from scripts: calling layers on nodes, merge layers, several inputs and
-- outputs, and the errors that name what does not fit.
describe("nn.Model", function()
  local x = tensor.randn(30, 4, {seed = 1})
  local m = tensor.randn(30, 2, {seed = 2})
  local y = x:matmul(tensor.randn(4, 3, {seed = 3})):gt(0)

  local function two_inputs()
    local a, b = nn.Input(4, {name = "features"}), nn.Input(2, {name = "meta"})
    local h = nn.Concatenate { nn.Dense(5)(a), nn.Dense(3)(b) }
    local model = nn.Model { inputs = {a, b}, outputs = nn.Dense(3, {activation = "sigmoid", name = "labels"})(h), seed = 1 }
    model:compile { optimizer = optim.Adam {}, loss = "binary_crossentropy" }
    return model
  end

  it("calls layers on nodes and merge layers on lists", function()
    local a = nn.Input(4)
    local h = nn.Dense(4)(a)
    local add = nn.Add()
    assert.equals(add.kind, "Add")
    local node = add { h, a }
    assert.equals(node.kind, "Add")
    local model = nn.Model { inputs = a, outputs = nn.Dense(2)(node) }
    assert.equals(table.concat(model.inputs, ","), "input_1")
    assert.equals(#model.layers, 3)
  end)

  it("takes x keyed by name or by position, and names a missing input", function()
    local model = two_inputs()
    model:fit({ features = x, meta = m }, y, { epochs = 1, verbose = 0 })
    model:fit({ x, m }, y, { epochs = 1, verbose = 0 })
    assert.errors(function() model:fit({ features = x }, y, { epochs = 1, verbose = 0 }) end, "input 'meta' is missing")
    assert.errors(function() model:predict({ features = x, metadata = m }) end, "no input named 'metadata'")
    assert.errors(function() model:fit({ features = x, meta = tensor.randn(30, 5) }, y, { verbose = 0 }) end, "'meta' takes (2) per sample")
  end)

  it("names the layer and both shapes when nodes do not fit", function()
    local a = nn.Input(4, {name = "features"})
    local h = nn.Dense(8, {name = "hidden"})(a)
    local err = assert.errors(function() return nn.Model { inputs = a, outputs = nn.Add({name = "res"}) { h, a } } end, "res (Add)")
    assert.truthy(err:find("(8)", 1, true) and err:find("(4)", 1, true), err)
  end)

  it("shares the weights of a layer called twice", function()
    local a, b = nn.Input(3, {name = "a"}), nn.Input(3, {name = "b"})
    local enc = nn.Dense(4)
    local model = nn.Model { inputs = {a, b}, outputs = nn.Subtract { enc(a), enc(b) } }
    assert.equals(#model:parameters(), 2)
    local p = model:predict({ a = x:columns(1, 3), b = x:columns(1, 3) })
    assert.equals(p:abs():max(), 0)
  end)

  it("refuses a layer that cannot be shared", function()
    local a = nn.Input(3)
    local custom = nn.Custom { forward = function(self, h) return h end }
    assert.errors(function() return nn.Model { inputs = a, outputs = nn.Add { custom(a), custom(a) } } end, "cannot be shared")
  end)

  it("logs per-output losses and metrics with Keras's names", function()
    local a = nn.Input(4, {name = "features"})
    local h = nn.Dense(6, {activation = "relu"})(a)
    local model = nn.Model { inputs = a, outputs = { nn.Dense(3, {activation = "sigmoid", name = "labels"})(h), nn.Dense(1, {name = "count"})(h) } }
    model:compile { loss = { labels = "binary_crossentropy", count = "mse" }, loss_weights = { count = 0.1 },
                    metrics = { labels = { "f1_micro" } } }
    local history = model:fit(x, { labels = y, count = y:sum(2) }, { epochs = 2, verbose = 0, validation_split = 0.2 })
    assert.equals(#history.labels_loss, 2)
    assert.equals(#history.val_labels_f1_micro, 2)
    assert.near(history.loss[2], history.labels_loss[2] + 0.1 * history.count_loss[2], 1e-5)
    assert.errors(function() model:compile { loss = { labels = "mse", counts = "mse" } } end, "no output named 'counts'")
  end)
end)
