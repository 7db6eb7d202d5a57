/// Recording operations and running the tape backward.
extension Tensor {
  /// This tensor as a leaf that requires a gradient (shares the values).
  public func requiringGradient() -> Tensor {
    var t = self
    t.autograd = Autograd()
    return t
  }

  /// The same values, cut off from the tape.
  public func detached() -> Tensor {
    var t = self
    t.autograd = nil
    return t
  }

  public var requiresGrad: Bool { autograd?.requiresGrad ?? false }

  /// The gradient accumulated in this leaf by `backward`.
  public var grad: Tensor? { autograd?.grad }

  /// Marks `self` (an operation's result) as recorded when any input requires a gradient.
  /// `backward` maps the gradient of the result to one gradient per input (same order).
  mutating func record(_ operation: String, _ inputs: [Tensor], _ backward: @escaping (Tensor) throws -> [Tensor?]) {
    guard Autograd.isRecording, inputs.contains(where: \.requiresGrad) else { return }
    autograd = Autograd(operation: operation, inputs: inputs.map { $0.requiresGrad ? $0.autograd : nil }, backward: backward)
  }

  /// Back-propagates from this tensor. A scalar (one-element) result needs no seed; otherwise
  /// `seed` is the gradient of some final value with respect to this tensor.
  public func backward(_ seed: Tensor? = nil) throws {
    guard let root = autograd else {
      throw TensorError("backward needs a tensor computed from one that requires a gradient (see requires_grad)")
    }
    let start: Tensor
    if let seed {
      guard seed.shape == shape else { throw TensorError("backward's seed has shape \(describeShape(seed.shape)), expected \(describeShape(shape))") }
      start = seed
    } else {
      guard count == 1 else { throw TensorError("backward without a seed needs a one-element result, got shape \(describeShape(shape))") }
      start = Tensor.ones(shape)
    }
    // Depth-first topological order of the records reachable from the root.
    var order: [Autograd] = []
    var seen = Set<ObjectIdentifier>()
    var stack: [(Autograd, Bool)] = [(root, false)]
    while let (node, expanded) = stack.popLast() {
      if expanded { order.append(node); continue }
      if !seen.insert(ObjectIdentifier(node)).inserted { continue }
      stack.append((node, true))
      for case let input? in node.inputs where !seen.contains(ObjectIdentifier(input)) { stack.append((input, false)) }
    }
    var grads: [ObjectIdentifier: Tensor] = [ObjectIdentifier(root): start.detached()]
    try Autograd.withoutGradients {
      for node in order.reversed() {
        guard let g = grads.removeValue(forKey: ObjectIdentifier(node)) else { continue }
        guard let backward = node.backward else {
          node.grad = try node.grad.map { try $0.applying(.add, g) } ?? g
          continue
        }
        let inputGrads = try backward(g)
        for (input, ig) in zip(node.inputs, inputGrads) {
          guard let input, let ig else { continue }
          let id = ObjectIdentifier(input)
          grads[id] = try grads[id].map { try $0.applying(.add, ig) } ?? ig
        }
      }
    }
  }

  /// Sums `self` down to `shape` (undoing broadcasting), for gradients of broadcast inputs.
  func summed(to target: [Int]) throws -> Tensor {
    if shape == target { return self }
    var g = self
    while g.rank > target.count { g = try g.reduced(.sum, axis: 0) }
    for (d, size) in target.enumerated() where size == 1 && g.shape[d] != 1 {
      g = try g.reduced(.sum, axis: d, keepDims: true)
    }
    return try g.reshaped(target)
  }
}
