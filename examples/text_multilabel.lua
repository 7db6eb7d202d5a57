-- Text as token sequences: an Embedding (index 0 is padding, masked), the mean of the real
-- tokens (GlobalAveragePooling1D) and a sigmoid output per label, on a bag-of-tokens multilabel
-- set made here: each label owns a small vocabulary, a document mixes tokens of its labels with
-- noise tokens from the rest of the vocabulary.
--   scripts/crescent run examples/text_multilabel.lua
--   scripts/crescent run examples/text_multilabel.lua with dim=64 epochs=20
-- The golden test runs it small:
-- with: epochs=10
local ex = experiment "text-multilabel"

ex:config {
  n_docs = 1500, n_labels = 8, words_per_label = 30, vocab = 2000,
  min_len = 10, max_len = 60, signal = 0.35,
  dim = 32, batch_size = 32, epochs = 15, lr = 5e-3, test_size = 1/3, seed = 42,
}

-- A small linear congruential generator: the same documents everywhere for a seed.
local function generator(seed)
  local state = seed % 2147483647
  if state <= 0 then state = state + 2147483646 end
  return function(n)
    state = (state * 48271) % 2147483647
    return state % n + 1  -- 1..n
  end
end

-- Tokens 1..n_labels*words_per_label belong to the labels (label k owns a block of them);
-- the rest of 1..vocab-1 are noise; 0 is padding.
local function documents(cfg)
  local draw = generator(cfg.seed)
  local docs, labels = {}, {}
  local owned = cfg.n_labels * cfg.words_per_label
  for i = 1, cfg.n_docs do
    local row, active = {}, {}
    for k = 1, cfg.n_labels do row[k] = 0 end
    local n_active = draw(3)
    while #active < n_active do
      local k = draw(cfg.n_labels)
      if row[k] == 0 then row[k] = 1; active[#active + 1] = k end
    end
    local len = cfg.min_len + draw(cfg.max_len - cfg.min_len + 1) - 1
    local tokens = {}
    for t = 1, len do
      if draw(1000) <= cfg.signal * 1000 then
        local k = active[draw(#active)]
        tokens[t] = (k - 1) * cfg.words_per_label + draw(cfg.words_per_label)
      else
        tokens[t] = owned + draw(cfg.vocab - 1 - owned)
      end
    end
    docs[i], labels[i] = tokens, row
  end
  return docs, labels
end

ex:main(function(cfg, run)
  local docs, labels = documents(cfg)
  local x = data.pad_sequences(docs, { maxlen = cfg.max_len, padding = "post" })
  local y = tensor.from(labels)
  local n_test = math.floor(cfg.n_docs * cfg.test_size)
  local n_train = cfg.n_docs - n_test
  local x_train, y_train = x:rows(1, n_train), y:rows(1, n_train)
  local x_test, y_test = x:rows(n_train + 1, cfg.n_docs), y:rows(n_train + 1, cfg.n_docs)
  print(string.format("%d documents (%d train, %d test), %d labels, sequences of %d tokens over a vocabulary of %d",
    cfg.n_docs, n_train, n_test, cfg.n_labels, cfg.max_len, cfg.vocab))

  local model = nn.Sequential { input_shape = { cfg.max_len }, seed = cfg.seed }
  model:add(nn.Embedding(cfg.vocab, cfg.dim, { mask_zero = true }))
  model:add(nn.GlobalAveragePooling1D())
  model:add(nn.Dense(cfg.n_labels, { activation = "sigmoid" }))
  model:compile { optimizer = optim.Adam { lr = cfg.lr }, loss = "binary_crossentropy", metrics = { "f1_micro" } }
  print(model:summary())
  local history = model:fit(x_train, y_train, { batch_size = cfg.batch_size, epochs = cfg.epochs, verbose = 0,
    validation_data = { x_test, y_test } })
  print(string.format("%d epochs; last: loss %.4f, val_loss %.4f, val_f1_micro %.4f", #history.loss,
    history.loss[#history.loss], history.val_loss[#history.val_loss], history.val_f1_micro[#history.val_f1_micro]))

  local p = model:predict(x_test)
  local report = metrics.report(y_test, p)
  print(report)
  return { f1_micro = report.f1_micro, f1_macro = report.f1_macro, hamming_loss = report.hamming_loss }
end)
