import Catalog
import Foundation
import Tensors

/// Training checkpoints: what a fit writes after its epochs, and how a fit resumes from one.
extension Sequential {
  /// Asks the running fit to write a training checkpoint to `path` once the current epoch has
  /// ended for every callback (ModelCheckpoint's `save_training_state`).
  public func requestCheckpoint(_ path: String) throws {
    guard let fitState else { throw LayerError("a training checkpoint is written during fit only") }
    if !fitState.requested.contains(path) { fitState.requested.append(path) }
  }

  /// The optimizer's settings other than its rate, as JSON text (what a checkpoint compares).
  static func settings(of o: Optimizer) throws -> String {
    var config = o.config
    config["lr"] = nil
    return String(decoding: try JSONSerialization.data(withJSONObject: config, options: [.sortedKeys]), as: UTF8.self)
  }

  /// The checkpoint of the running fit, as it stands at the end of `state.epoch` epochs.
  func checkpoint(_ state: FitState) throws -> TrainingCheckpoint {
    guard let optimizer, let loss else { throw LayerError("compile the model before a checkpoint") }
    let all = layers.flatMap { $0.parameters + $0.state }
    var slots: [String: [Tensor]] = [:]
    for w in parameters {
      let s = optimizer.slots(for: w)
      if !s.isEmpty { slots[w.name] = s }
    }
    return TrainingCheckpoint(
      epoch: state.epoch, stopTraining: stopTraining,
      layers: layers.enumerated().map { k, l in
        TrainingCheckpoint.LayerRecord(kind: type(of: l).kind, name: l.name, random: l.randomStream, uses: graph?.laterUseStreams(of: k) ?? [])
      },
      weights: all.map { ($0.name, $0.value) },
      optimizerKind: type(of: optimizer).kind, optimizerConfig: try Self.settings(of: optimizer),
      learningRate: optimizer.learningRate, initialLearningRate: optimizer.initialLearningRate, steps: optimizer.steps,
      slotNames: optimizer.slotNames, slots: slots, loss: loss.entryName, metrics: metricNames,
      samples: state.samples, trainingSamples: state.trainingSamples, batchSize: state.batchSize, shuffle: state.shuffle,
      dataDigest: state.dataDigest,
      shuffleOrigin: state.shuffleOrigin, shuffles: state.shuffles, sessionStreams: state.randomContext?.positions ?? [:],
      historyKeys: state.history.keys, historyEpochs: state.history.epochs, historyValues: state.history.values,
      callbacks: state.callbacks.map { .init(kind: Self.kind(of: $0), state: $0.checkpointState()) })
  }

  static func kind(of c: Callback) -> String { String(describing: type(of: c)) }

  /// Refuses, before anything is changed, a checkpoint that does not fit this model, its
  /// compile settings, this fit's data or its callbacks; each complaint names the file.
  func check(_ c: TrainingCheckpoint, path: String, _ state: FitState) throws {
    func fail(_ what: String) -> LayerError { LayerError("\(path): \(what)") }
    guard let optimizer, let loss else { throw LayerError("compile the model before resuming") }
    guard c.layers.count == layers.count else {
      throw fail("the checkpoint's model has \(c.layers.count) layers (\(c.layers.map(\.name).joined(separator: ", "))), this one \(layers.count) (\(layers.map(\.name).joined(separator: ", ")))")
    }
    for (k, (saved, layer)) in zip(c.layers, layers).enumerated() {
      let kind = type(of: layer).kind
      guard saved.kind == kind, saved.name == layer.name else {
        throw fail("layer \(k + 1) is \(saved.kind) '\(saved.name)' in the checkpoint, \(kind) '\(layer.name)' in the model")
      }
      guard (saved.random == nil) == (layer.randomStream == nil) else {
        throw fail("layer '\(layer.name)' \(saved.random == nil ? "has no" : "has a") random stream in the checkpoint, \(layer.randomStream == nil ? "none" : "one") in the model")
      }
      let uses = graph?.laterUseStreams(of: k).count ?? 0
      guard saved.uses.count == uses else {
        throw fail("layer '\(layer.name)' has random streams for \(saved.uses.count) later uses in the checkpoint, \(uses) in the model")
      }
    }
    let all = layers.flatMap { $0.parameters + $0.state }
    guard c.weights.map(\.name) == all.map(\.name) else {
      throw fail("the checkpoint's weights (\(c.weights.map(\.name).joined(separator: ", "))) are not the model's (\(all.map(\.name).joined(separator: ", ")))")
    }
    for ((name, t), w) in zip(c.weights, all) where t.shape != w.value.shape {
      throw fail("weight '\(name)' has shape \(describeShape(t.shape)) in the checkpoint, \(describeShape(w.value.shape)) in the model")
    }
    let kind = type(of: optimizer).kind
    guard c.optimizerKind == kind else { throw fail("the checkpoint's optimizer is \(c.optimizerKind), the model is compiled with \(kind)") }
    let settings = try Self.settings(of: optimizer)
    guard c.optimizerConfig == settings else { throw fail("the checkpoint's \(kind) settings \(c.optimizerConfig) differ from the model's \(settings)") }
    guard c.slotNames == optimizer.slotNames else {
      throw fail("the checkpoint's \(kind) keeps state \(c.slotNames), this one \(optimizer.slotNames)")
    }
    let trainable = Dictionary(parameters.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    for (name, tensors) in c.slots {
      guard let w = trainable[name] else { throw fail("the optimizer's state for '\(name)' belongs to no trainable weight") }
      for (slot, t) in zip(c.slotNames, tensors) where t.shape != w.value.shape {
        throw fail("the optimizer's '\(slot)' of '\(name)' has shape \(describeShape(t.shape)), the weight \(describeShape(w.value.shape))")
      }
    }
    guard c.loss == loss.entryName else { throw fail("the checkpoint's loss is \(c.loss), the model is compiled with \(loss.entryName)") }
    guard c.metrics == metricNames else {
      throw fail("the checkpoint's metrics are [\(c.metrics.joined(separator: ", "))], the model's [\(metricNames.joined(separator: ", "))]")
    }
    for (what, saved, now) in [("samples", c.samples, state.samples), ("training samples (after validation_split)", c.trainingSamples, state.trainingSamples),
                               ("batch_size", c.batchSize, state.batchSize)] where saved != now {
      throw fail("the checkpoint was taken with \(saved) \(what), this fit has \(now)")
    }
    guard c.shuffle == state.shuffle else { throw fail("the checkpoint was taken with shuffle = \(c.shuffle), this fit has shuffle = \(state.shuffle)") }
    guard c.dataDigest == state.dataDigest else {
      throw fail("the checkpoint was taken on other data (the same sizes, other values, weights or validation data)")
    }
    for (k, v) in c.historyValues where v.count > c.historyEpochs.count {
      throw fail("the history's series '\(k)' has \(v.count) values for \(c.historyEpochs.count) epochs")
    }
    guard c.callbacks.map(\.kind) == state.callbacks.map(Self.kind) else {
      throw fail("the checkpoint's callbacks are [\(c.callbacks.map(\.kind).joined(separator: ", "))], this fit's [\(state.callbacks.map(Self.kind).joined(separator: ", "))]")
    }
    for (i, (record, callback)) in zip(c.callbacks, state.callbacks).enumerated() {
      guard let s = record.state else { continue }
      if callback is EarlyStopping, !s.tensors.isEmpty, s.tensors.map(\.shape) != all.map(\.value.shape) {
        throw fail("callback \(i + 1) (EarlyStopping) keeps best weights that do not fit the model")
      }
    }
  }

  /// Puts the model, its optimizer and the fit's state where the checkpoint left them
  /// (`check` has accepted it). The callbacks' state comes after their `onTrainBegin`.
  func restoreTraining(from c: TrainingCheckpoint, _ state: FitState) throws {
    guard let optimizer else { return }
    for ((_, t), w) in zip(c.weights, layers.flatMap({ $0.parameters + $0.state })) { try w.assign(t) }
    for (saved, layer) in zip(c.layers, layers) { if let r = saved.random { layer.restoreRandomStream(r) } }
    for (k, saved) in c.layers.enumerated() where !saved.uses.isEmpty { graph?.restoreLaterUseStreams(of: k, saved.uses) }
    optimizer.initialLearningRate = c.initialLearningRate
    optimizer.learningRate = c.learningRate
    optimizer.steps = c.steps
    for w in parameters { if let s = c.slots[w.name] { try optimizer.restoreSlots(s, for: w) } }
    state.shuffleOrigin = c.shuffleOrigin
    state.shuffles = c.shuffles
    state.epoch = c.epoch
    state.history.restore(keys: c.historyKeys, epochs: c.historyEpochs, values: c.historyValues)
    state.randomContext?.advance(to: c.sessionStreams)
    stopTraining = c.stopTraining
  }

  /// Writes the running fit's checkpoint to `path`.
  func writeCheckpoint(to path: String, _ state: FitState) throws {
    try checkpoint(state).write(to: path)
  }
}
