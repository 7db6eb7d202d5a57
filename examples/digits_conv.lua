-- A first convolution: the 8x8 handwritten digits as one-channel images [n, 8, 8, 1], two
-- Conv2D layers with max pooling, a softmax over the ten digits, categorical cross-entropy,
-- accuracy.
--   scripts/crescent run examples/digits_conv.lua
--   scripts/crescent run examples/digits_conv.lua with filters=32 epochs=20
-- The golden test runs it small:
-- with: epochs=3
local ex = experiment "digits-conv"

ex:config {
  filters = 16,
  batch_size = 32, epochs = 12, lr = 2e-3,
  test_rows = 397, seed = 42,
}

ex:main(function(cfg, run)
  local x, y = data.digits { images = true, one_hot = true }  -- x [1797, 8, 8, 1], y [1797, 10]
  x = x / 16                                                   -- pixels 0..16 to 0..1
  local n = x:size(1)
  local x_train, y_train = x:rows(1, n - cfg.test_rows), y:rows(1, n - cfg.test_rows)
  local x_test, y_test = x:rows(n - cfg.test_rows + 1, n), y:rows(n - cfg.test_rows + 1, n)

  local model = nn.Sequential {
    input_shape = { 8, 8, 1 }, seed = cfg.seed,
    nn.Conv2D(cfg.filters, 3, { padding = "same", activation = "relu" }),     -- [8, 8, filters]
    nn.MaxPooling2D(2),                                                         -- [4, 4, filters]
    nn.Conv2D(2 * cfg.filters, { 3, 3 }, { padding = "same", activation = "relu" }),  -- [4, 4, 2 filters]
    nn.Flatten(),                                                               -- each image as one row of values
    nn.Dense(10, { activation = "softmax" }),
  }
  model:compile { optimizer = optim.Adam { lr = cfg.lr }, loss = "categorical_crossentropy", metrics = { "accuracy" } }
  local history = model:fit(x_train, y_train, { batch_size = cfg.batch_size, epochs = cfg.epochs, verbose = 0,
                                                validation_data = { x_test, y_test } })
  print(string.format("%d epochs; last: loss %.4f, accuracy %.4f, val_accuracy %.4f", #history.loss,
    history.loss[#history.loss], history.accuracy[#history.accuracy], history.val_accuracy[#history.val_accuracy]))

  local p = model:predict(x_test)
  local accuracy = metrics.accuracy(y_test, p)
  print(string.format("test images: %d, accuracy: %.4f", x_test:size(1), accuracy))
  for i = 1, 5 do
    local row = p:row(i)
    print(string.format("  truth %d  predicted %d  (%.3f)", y_test:row(i):argmax() - 1, row:argmax() - 1, row:max()))
  end
  return { accuracy = accuracy }
end)
