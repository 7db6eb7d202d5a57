import Catalog
import Foundation
import CrescentMetrics
import Tensors

extension Sequential {
  /// Trains on `x`, `y` as `options` say; returns the per-epoch history.
  @discardableResult
  public func fit(x: Tensor, y: Tensor, options: FitOptions = FitOptions(), callbacks: [Callback] = []) throws -> History {
    guard let optimizer, let loss, let head else { throw LayerError("compile the model before fit") }
    try checkFeatures(x)
    try checkTargets(x, y)
    guard options.batchSize > 0 else { throw LayerError("batch_size must be positive") }
    let n = x.shape[0]
    var trainCount = n
    var validation = options.validation
    if options.validationSplit > 0 {
      guard options.validationSplit < 1 else { throw LayerError("validation_split must be in [0, 1), got \(options.validationSplit)") }
      trainCount = Int(Double(n) * (1 - options.validationSplit))
      guard trainCount > 0, trainCount < n else { throw LayerError("validation_split leaves no samples on one side") }
      if validation == nil { validation = (try x.rows(trainCount..<n), try y.rows(trainCount..<n)) }
    }
    if let (vx, vy) = validation { try checkFeatures(vx); try checkTargets(vx, vy) }
    if let w = options.sampleWeights, w.count != n {
      throw LayerError("sample_weight has \(w.count) values for \(n) samples")
    }
    try checkClassWeights(options.classWeights)
    try checkTrainingData(x: x, y: y, weights: options.sampleWeights, loss: loss)
    if let (vx, vy) = options.validation {
      try checkTrainingData(x: vx, y: vy, loss: loss, what: "validation ")
    }

    let logPrefix = try options.runLog?.beginFit(prefix: options.logPrefix) ?? ""
    let checkpointPolicy = options.checkpoint?.resolved(seriesPrefix: logPrefix)
    // A checkpoint to continue from is read and checked before anything changes.
    var resumed: (checkpoint: TrainingCheckpoint, path: String)? = nil
    switch options.resume {
    case .file(let path)?: resumed = (try TrainingCheckpoint.read(path), path)
    case .checkpointIfPresent?:
      guard let policy = checkpointPolicy else { throw LayerError("resume = true continues from the fit's checkpoint: give checkpoint too") }
      if FileManager.default.fileExists(atPath: policy.path) { resumed = (try TrainingCheckpoint.read(policy.path), policy.path) }
    case nil: break
    }
    let initialEpoch = resumed?.checkpoint.epoch ?? options.initialEpoch
    if let resumed, options.initialEpoch != 0, options.initialEpoch != initialEpoch {
      throw LayerError("initial_epoch = \(options.initialEpoch), but the checkpoint '\(resumed.path)' was taken after \(initialEpoch) epochs")
    }
    if let every = checkpointPolicy?.every, every < 1 { throw LayerError("checkpoint every must be at least 1, got \(every)") }

    loss.columnWeights = options.classWeights
    defer { loss.columnWeights = nil }
    let history = History()
    // Rounded up without `trainCount + batchSize - 1`, which overflows for a huge batch_size.
    let steps = trainCount / options.batchSize + (trainCount % options.batchSize == 0 ? 0 : 1)
    for (name, epochs) in [("epochs", options.epochs), ("initial_epoch", initialEpoch)]
    where epochs.multipliedReportingOverflow(by: steps).overflow {
      throw LayerError("\(name) = \(epochs) of \(steps) steps each is more steps than can be counted")
    }
    let progress = ProgressBar(options.progress, verbose: options.verbose, epochs: options.epochs, steps: steps)
    let partKeys = outputLossKeys
    var plannedKeys = ["loss"] + partKeys + metricNames
    if validation != nil { plannedKeys += plannedKeys.map { "val_\($0)" } }
    for c in callbacks { plannedKeys += c.addedLogKeys.filter { !plannedKeys.contains($0) } }
    // The rate goes in the logs before any callback sees them, whatever their order.
    let logsRate = callbacks.contains { $0.addedLogKeys.contains("lr") }
    let plan = FitPlan(initialEpoch: initialEpoch, epochs: options.epochs, stepsPerEpoch: steps,
                       logKeys: plannedKeys, openLogKeys: callbacks.contains { $0.addsUnknownLogKeys }, resumed: resumed != nil)
    let state = FitState(samples: n, trainingSamples: trainCount, batchSize: options.batchSize, shuffle: options.shuffle,
                         shuffleOrigin: random.derived("shuffle"), epoch: initialEpoch, history: history, callbacks: callbacks,
                         randomContext: options.randomContext,
                         data: [x, y] + (options.sampleWeights.map { [$0] } ?? []) + (options.validation.map { [$0.x, $0.y] } ?? [])
                           + (options.classWeights.map { [Tensor(shape: [$0.count], scalars: $0)] } ?? []))
    if let resumed { try check(resumed.checkpoint, path: resumed.path, state) }
    for c in callbacks { try c.willTrain(plan) }
    history.plan(keys: plannedKeys)
    // Made once per fit, reset before each epoch's validation.
    let validationMetrics = validation == nil ? [] : metricMakers.map { $0() }
    stopTraining = false
    if let resumed { try restoreTraining(from: resumed.checkpoint, state) }
    // The order is replayed from the stream's start: each epoch shuffles the last one's order.
    var shuffler = state.shuffleOrigin
    var order = Array(0..<trainCount)
    for _ in 0..<state.shuffles { shuffler.shuffle(&order) }
    fitState = state
    defer { fitState = nil }
    for c in callbacks { try c.onTrainBegin(self) }
    if let resumed {
      for (c, record) in zip(callbacks, resumed.checkpoint.callbacks) {
        if let s = record.state {
          do { try c.restore(s) } catch let e as LayerError { throw LayerError("\(resumed.path): callback \(Self.kind(of: c)): \(e.message)") }
        }
      }
    }
    var epoch = initialEpoch
    while epoch < options.epochs && !stopTraining {
      for c in callbacks { try c.onEpochBegin(epoch, model: self) }
      progress.beginEpoch(epoch)
      if options.shuffle { shuffler.shuffle(&order); state.shuffles += 1 }
      for m in trainingMetrics { m.reset() }
      var lossSum = 0.0, seen = 0
      var partSums = Array(repeating: 0.0, count: partKeys.count)
      for step in 0..<steps {
        let lo = step * options.batchSize, hi = min(trainCount, lo + options.batchSize)
        let rows = order[lo..<hi]
        try options.checkLimits()
        for c in callbacks { try c.onBatchBegin(step, model: self) }
        gather(x, rows, into: &batchX)
        gather(y, rows, into: &batchY)
        var weights: Tensor? = nil
        if let w = options.sampleWeights { gather(w.reshapedAsColumn, rows, into: &batchW); weights = batchW }
        let batchLoss = try trainStep(batchX, batchY, weights: weights, loss: loss, head: head, optimizer: optimizer)
        if !trainingMetrics.isEmpty { update(trainingMetrics, batchY, head: head) }
        lastOutput = nil  // release the output buffer so the next step reuses it
        lossSum += batchLoss * Double(rows.count)
        if !partKeys.isEmpty { for (k, v) in lastOutputLosses.enumerated() { partSums[k] += v * Double(rows.count) } }
        seen += rows.count
        progress.batch(step + 1, loss: lossSum / Double(seen))
        var batchLogs = Logs()
        batchLogs["loss"] = batchLoss
        for c in callbacks { try c.onBatchEnd(step, logs: batchLogs, model: self) }
        if stopTraining { break }
      }
      var logs = Logs()
      logs["loss"] = lossSum / Double(max(seen, 1))
      for (k, key) in partKeys.enumerated() { logs[key] = partSums[k] / Double(max(seen, 1)) }
      for (name, m) in zip(metricNames, trainingMetrics) { logs[name] = try m.result() }
      if let (vx, vy) = validation {
        let validated = try evaluate(x: vx, y: vy, batchSize: max(options.batchSize, 256), metrics: validationMetrics)
        for (k, v) in validated.items { logs["val_\(k)"] = v }
      }
      if logsRate { logs["lr"] = optimizer.learningRate }
      for c in callbacks { try c.onEpochEnd(epoch, logs: &logs, model: self) }
      history.record(epoch: epoch, logs)
      if let runLog = options.runLog { for (k, v) in logs.items { runLog.log(logPrefix + k, v, step: epoch + 1) } }
      progress.endEpoch(epoch, logs: logs)
      if let trial = options.trial { try TrialReporting.report(logs, epoch: epoch + 1, prefix: logPrefix, to: trial) }
      epoch += 1
      state.epoch = epoch
      var files = state.requested
      state.requested = []
      if let policy = checkpointPolicy, policy.due(completed: epoch, epochs: options.epochs, stopped: stopTraining),
         !files.contains(policy.path) {
        files.append(policy.path)
      }
      // The run's store holds the epochs a checkpoint holds: a resumed run's series have no gap.
      if !files.isEmpty { options.runLog?.flush() }
      for file in files { try writeCheckpoint(to: file, state) }
    }
    for c in callbacks { try c.onTrainEnd(self) }
    return history
  }

  /// One optimisation step on the batch `x`, `y` (Keras's train_on_batch); returns its loss.
  @discardableResult
  public func trainOnBatch(x: Tensor, y: Tensor, sampleWeights: Tensor? = nil) throws -> Double {
    guard let optimizer, let loss, let head else { throw LayerError("compile the model before training") }
    try checkFeatures(x)
    try checkTargets(x, y)
    try checkTrainingData(x: x, y: y, weights: sampleWeights, loss: loss)
    defer { lastOutput = nil }
    return try trainStep(x, y, weights: sampleWeights, loss: loss, head: head, optimizer: optimizer)
  }

  /// One optimisation step on a batch; returns the batch's mean loss.
  func trainStep(_ xb: Tensor, _ yb: Tensor, weights: Tensor?, loss: Loss, head: OutputHead,
                 optimizer: Optimizer) throws -> Double {
    let out = try head.forward(layers, xb, training: true)
    Tensor.prepare(&lossGradient, shape: out.shape)
    var value: Double
    probabilitiesReady = false
    if !trainingMetrics.isEmpty {
      lastOutput = out
      // The metrics need the probabilities; a fused loss may work them out on the way.
      Tensor.prepare(&probabilities, shape: out.shape)
      (value, probabilitiesReady) = try loss.compute(out, yb, sampleWeights: weights, gradient: lossGradient.storage.pointer,
                                                     logits: head.lossReadsLogits, probabilities: probabilities.storage.pointer)
      probabilitiesReady = probabilitiesReady && head.fusedLayer != nil
    } else {
      value = try loss.compute(out, yb, sampleWeights: weights, gradient: lossGradient.storage.pointer,
                               logits: head.lossReadsLogits)
    }
    try head.backward(layers, lossGradient, accumulate: false)
    value += Regularization.apply(to: layers)
    optimizer.step(parameters)
    Regularization.constrain(layers)
    return value
  }

  /// The loss (and, once metrics are attached, each metric) over a whole data set.
  public func evaluate(x: Tensor, y: Tensor, batchSize: Int = 256) throws -> Logs {
    try evaluate(x: x, y: y, batchSize: batchSize, metrics: metricMakers.map { $0() })
  }

  /// `evaluate` into `metrics` (fresh or reused streams of the compiled metrics, reset here).
  func evaluate(x: Tensor, y: Tensor, batchSize: Int, metrics: [StreamingMetric]) throws -> Logs {
    guard let loss, let head else { throw LayerError("compile the model before evaluate") }
    try checkFeatures(x)
    try checkTargets(x, y)
    let classWeights = loss.columnWeights
    loss.columnWeights = nil  // validation and evaluation report the plain loss
    defer { loss.columnWeights = classWeights }
    let n = x.shape[0]
    for m in metrics { m.reset() }
    var total = 0.0, start = 0
    let partKeys = outputLossKeys
    var partSums = Array(repeating: 0.0, count: partKeys.count)
    while start < n {
      let end = min(n, start + max(batchSize, 1))
      let xb = try x.rows(start..<end), yb = try y.rows(start..<end)
      let out = try head.forward(layers, xb, training: false)
      total += try (loss.compute(out, yb, sampleWeights: nil, gradient: nil, logits: head.lossReadsLogits) + Regularization.penalty(of: layers)) * Double(end - start)
      if !partKeys.isEmpty { for (k, v) in lastOutputLosses.enumerated() { partSums[k] += v * Double(end - start) } }
      if !metrics.isEmpty { update(metrics, yb, head: head, outputs: out) }
      start = end
    }
    var logs = Logs()
    logs["loss"] = total / Double(max(n, 1))
    for (k, key) in partKeys.enumerated() { logs[key] = partSums[k] / Double(max(n, 1)) }
    for (name, m) in zip(metricNames, metrics) { logs[name] = try m.result() }
    return logs
  }

  /// The loss on one batch and the gradient of every parameter, without updating anything: the
  /// low-level loop `loss, grads = model:gradients(x, y); opt:step(params, grads)`. The
  /// gradients are the parameters' own buffers, not copies; tensors are values, so the next
  /// backward pass writes new buffers while the caller still holds these, and reuses them once
  /// it has let them go.
  public func gradients(x: Tensor, y: Tensor) throws -> (loss: Double, gradients: [Tensor]) {
    guard let loss, let head else { throw LayerError("compile the model before gradients") }
    try checkFeatures(x)
    try checkTargets(x, y)
    let out = try head.forward(layers, x, training: true)
    Tensor.prepare(&lossGradient, shape: out.shape)
    var value = try loss.compute(out, y, sampleWeights: nil, gradient: lossGradient.storage.pointer, logits: head.lossReadsLogits)
    try head.backward(layers, lossGradient, accumulate: false)
    value += Regularization.apply(to: layers)
    return (value, parameters.map(\.grad))
  }

  /// Feeds a batch to streaming metrics: they see probabilities, so fused logits are passed
  /// through the output activation first (unless the loss worked them out already).
  func update(_ metrics: [StreamingMetric], _ yb: Tensor, head: OutputHead, outputs: Tensor? = nil) {
    guard let out = outputs ?? lastOutput else { return }
    let scores = outputs == nil && probabilitiesReady ? probabilities : head.probabilities(of: out, into: &probabilities)
    StreamingMetrics.update(metrics, truth: yb.storage.pointer, scores: scores.storage.pointer,
                            rows: yb.shape[0], labels: yb.shape[1])
  }

  func checkTargets(_ x: Tensor, _ y: Tensor) throws {
    if let shape = outputShape, shape.count != 1 {
      throw LayerError("the model's output has shape \(describeShape(shape)) per sample; end it with a layer giving vectors (nn.Flatten(), a global pooling or Dense) to train it against targets")
    }
    guard y.rank == 2, y.shape[0] == x.shape[0] else {
      throw LayerError("targets of shape \(describeShape(y.shape)) do not match \(x.shape[0]) samples")
    }
    if let out = outputSize, y.shape[1] != out {
      throw LayerError("the model outputs \(out) values per sample, the targets have \(y.shape[1])")
    }
  }

  /// Copies the rows at `indices` into `buffer` (reused when it already has the right shape),
  /// keeping each sample's shape (`[n, h, w, c]` images stay images).
  func gather(_ source: Tensor, _ indices: ArraySlice<Int>, into buffer: inout Tensor) {
    let width = source.count / max(source.shape[0], 1)
    Tensor.prepare(&buffer, shape: [indices.count] + source.shape.dropFirst())
    let src = source.storage.pointer, dst = buffer.storage.pointer
    for (k, i) in indices.enumerated() { (dst + k * width).update(from: src + i * width, count: width) }
  }
}

extension Tensor {
  var reshapedAsColumn: Tensor { Tensor(shape: [count, 1], storage: storage) }
}
