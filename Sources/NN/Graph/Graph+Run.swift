import Tensors

/// Running a built graph: forward over the steps in order, backward in reverse, summing the
/// gradients of a node that feeds several layers (a residual branch).
extension Graph {
  /// The outputs for `inputs` (one batch per model input, in order). Outputs whose index is in
  /// `logits` stop before their layer's activation (a fused output head).
  public func forward(_ inputs: [Tensor], training: Bool, logits: [Bool]? = nil) throws -> [Tensor] {
    guard isBuilt else { throw LayerError("the model is used before it is built") }
    guard inputs.count == self.inputs.count else {
      throw LayerError("the model takes \(self.inputs.count) inputs, got \(inputs.count)")
    }
    if values.count != nodes.count {
      values = Array(repeating: nil, count: nodes.count)
      masks = Array(repeating: nil, count: nodes.count)
    }
    let n = inputs.first?.shape.first ?? 0
    for (k, x) in inputs.enumerated() {
      guard x.rank >= 1, x.shape[0] == n, Array(x.shape.dropFirst()) == shapes[k] else {
        throw LayerError("the model's input '\(nodes[k].name)' takes \(describeSample(shapes[k])) per sample, got a batch of shape \(describeShape(x.shape))\(x.shape.first != n ? " (the first input has \(n) samples)" : "")")
      }
      values[k] = x
      masks[k] = nil
    }
    var fusedSteps: [Int: Bool] = [:]
    if let logits { for (k, fused) in logits.enumerated() where fused { if let s = outputStep(k) { fusedSteps[s] = true } } }
    for (s, step) in steps.enumerated() {
      let y: Tensor
      if let merge = step.merge {
        y = try merge.forward(step.inputs.map { values[$0]! }, training: training)  // cannot fail: inputs run before
        masks[step.output] = nil
      } else if fusedSteps[s] != nil, let fused = step.layer as? ActivationOutput {
        y = try fused.forwardLogits(values[step.inputs[0]]!, training: training)  // cannot fail: inputs run before
        masks[step.output] = nil
      } else {
        var mask = masks[step.inputs[0]]
        y = try step.layer.forward(values[step.inputs[0]]!, training: training, mask: &mask)  // cannot fail: inputs run before
        masks[step.output] = mask
      }
      values[step.output] = y
    }
    let out = outputs.map { values[index[ObjectIdentifier($0)]!]! }  // cannot fail: every output was computed
    for i in values.indices { values[i] = nil; masks[i] = nil }
    return out
  }

  /// Backward from the gradient of the loss with respect to each output (in order; what the
  /// loss read: logits where `logits` says so). Parameter gradients are overwritten by the
  /// first application of each layer reached (unless `accumulate`), added to by the others.
  public func backward(_ gradOutputs: [Tensor], accumulate: Bool, logits: [Bool]? = nil) throws {
    guard gradOutputs.count == outputs.count else {
      throw LayerError("the model has \(outputs.count) outputs, got \(gradOutputs.count) gradients")
    }
    if grads.count != nodes.count {
      grads = Array(repeating: nil, count: nodes.count)
      sums = Array(repeating: Tensor.released, count: nodes.count)
      summed = Array(repeating: false, count: nodes.count)
    }
    if groupSeen.count != layers.count { groupSeen = Array(repeating: false, count: layers.count) }
    for i in groupSeen.indices { groupSeen[i] = false }
    defer { for i in grads.indices { grads[i] = nil; summed[i] = false } }
    for (k, g) in gradOutputs.enumerated() { add(g, to: index[ObjectIdentifier(outputs[k])]!) }  // cannot fail: outputs are nodes
    var fusedSteps: [Int: Bool] = [:]
    if let logits { for (k, fused) in logits.enumerated() where fused { if let s = outputStep(k) { fusedSteps[s] = true } } }
    for s in steps.indices.reversed() {
      let step = steps[s]
      guard let g = grads[step.output] else { continue }
      grads[step.output] = nil
      let acc = accumulate || groupSeen[step.original]
      groupSeen[step.original] = true
      if let merge = step.merge {
        let gs = try merge.backward(g, accumulate: acc)
        for (i, gi) in zip(step.inputs, gs) where !nodes[i].isInput { add(gi, to: i) }
      } else {
        let gi: Tensor
        if fusedSteps[s] != nil, let fused = step.layer as? ActivationOutput {
          gi = try fused.backwardFromLogits(g, accumulate: acc)
        } else {
          gi = try step.layer.backward(g, accumulate: acc)
        }
        let i = step.inputs[0]
        if !nodes[i].isInput { add(gi, to: i) }
      }
    }
  }

  /// Adds a gradient into node `i`'s: the first is kept as it is, a second is summed into a
  /// buffer of the graph's own (layers' buffers are never written).
  private func add(_ g: Tensor, to i: Int) {
    guard let current = grads[i] else { grads[i] = g; return }
    if !summed[i] {
      grads[i] = nil
      Tensor.prepare(&sums[i], shape: current.shape)
      sums[i].storage.pointer.update(from: current.storage.pointer, count: current.count)
      summed[i] = true
    }
    let d = sums[i].storage.pointer, p = g.storage.pointer
    for j in 0..<min(g.count, sums[i].count) { d[j] += p[j] }
    grads[i] = sums[i]
  }
}
