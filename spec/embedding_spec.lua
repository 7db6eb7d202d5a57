describe("token sequences", function()
  it("pads token lists as Keras's pad_sequences", function()
    local x = data.pad_sequences({ { 1, 2, 3 }, { 4, 5 }, { 6 } }, { maxlen = 2 })
    assert.equals(x:size(1), 3)
    assert.equals(x:size(2), 2)
    assert.equals(x:get(1, 1), 2)
    assert.equals(x:get(3, 1), 0)
    local post = data.pad_sequences({ { 1, 2, 3 }, { 6 } }, { padding = "post", value = 9 })
    assert.equals(post:get(2, 2), 9)
  end)

  it("feeds an Embedding from a Lua table of tokens", function()
    local model = nn.Sequential { input_shape = { 3 }, seed = 1,
      nn.Embedding(5, 2, { mask_zero = true }), nn.GlobalAveragePooling1D() }
    local p = model:predict(tensor.from { { 1, 2, 0 }, { 0, 0, 0 } })
    assert.equals(p:size(2), 2)
    assert.equals(p:get(2, 1), 0)
    assert.errors(function() model:predict(tensor.from { { 1, 2.5, 0 } }) end,
      "embedding_1: index 2.5 at sample 1, step 2 is not an integer")
    assert.errors(function() model:predict(tensor.from { { 1, 5, 0 } }) end,
      "embedding_1: index 5 at sample 1, step 2 is outside 0..4 (input_dim 5)")
  end)
end)
