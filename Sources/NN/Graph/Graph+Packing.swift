import Tensors

/// A graph's inputs and outputs side by side in one matrix, one row per sample: the form the
/// training loop shuffles, batches, splits for validation and checkpoints, whatever the number
/// of inputs and outputs. Input k's values (flattened) take columns `inputOffsets[k]...`.
extension Graph {
  /// Columns of the packed inputs and outputs.
  public var packedInputWidth: Int { inputWidths.reduce(0, +) }
  public var packedOutputWidth: Int { outputWidths.reduce(0, +) }

  /// One matrix from one batch per input (each samples first, then the input's shape).
  public func packInputs(_ xs: [Tensor], what: String = "x") throws -> Tensor {
    try Graph.pack(xs, shapes: inputShapes, names: inputNames, what: what, role: "input")
  }

  /// One matrix from one target batch per output.
  public func packTargets(_ ys: [Tensor], what: String = "y") throws -> Tensor {
    try Graph.pack(ys, shapes: outputShapes, names: outputNames, what: what, role: "output")
  }

  static func pack(_ xs: [Tensor], shapes: [[Int]], names: [String], what: String, role: String) throws -> Tensor {
    guard xs.count == shapes.count else { throw LayerError("\(what): the model has \(shapes.count) \(role)s, got \(xs.count) tensors") }
    let n = xs.first?.shape.first ?? 0
    for (k, x) in xs.enumerated() {
      let sample = Array(x.shape.dropFirst())
      let fits = sample == shapes[k] || (shapes[k].count == 1 && sample.isEmpty && shapes[k][0] == 1)
      guard x.rank >= 1, fits else {
        throw LayerError("\(what): the \(role) '\(names[k])' takes \(describeSample(shapes[k])) per sample, got a tensor of shape \(describeShape(x.shape))")
      }
      guard x.shape[0] == n else {
        throw LayerError("\(what): the \(role) '\(names[k])' has \(x.shape[0]) samples, '\(names[0])' \(n)")
      }
    }
    let widths = shapes.map { $0.reduce(1, *) }
    if xs.count == 1 { return Tensor(shape: [n, widths[0]], storage: xs[0].storage) }
    let total = widths.reduce(0, +)
    let out = Tensor(uninitializedShape: [n, total])
    let o = out.storage.pointer
    var offset = 0
    for (x, w) in zip(xs, widths) {
      let p = x.storage.pointer
      for r in 0..<n { (o + r * total + offset).update(from: p + r * w, count: w) }
      offset += w
    }
    return out
  }

  /// Splits a packed matrix into one tensor per part, of the parts' shapes (a view when one).
  static func unpack(_ x: Tensor, shapes: [[Int]], into buffers: inout [Tensor]) -> [Tensor] {
    let n = x.shape.first ?? 0
    if shapes.count == 1 { return [Tensor(shape: [n] + shapes[0], storage: x.storage)] }
    if buffers.count != shapes.count { buffers = Array(repeating: Tensor.released, count: shapes.count) }
    let widths = shapes.map { $0.reduce(1, *) }, total = widths.reduce(0, +)
    let p = x.storage.pointer
    var offset = 0
    for k in shapes.indices {
      Tensor.prepare(&buffers[k], shape: [n] + shapes[k])
      let d = buffers[k].storage.pointer, w = widths[k]
      for r in 0..<n { (d + r * w).update(from: p + r * total + offset, count: w) }
      offset += w
    }
    return buffers
  }

  /// The packed inputs of a batch as the graph's inputs.
  func unpackInputs(_ x: Tensor) -> [Tensor] { Graph.unpack(x, shapes: inputShapes, into: &inputBuffers) }

  /// The packed gradient of the outputs as one gradient per output.
  func unpackOutputGradients(_ g: Tensor) -> [Tensor] { Graph.unpack(g, shapes: outputShapes, into: &gradientBuffers) }

  /// The outputs side by side (the output itself when there is one).
  func packOutputs(_ ys: [Tensor]) -> Tensor {
    let n = ys.first?.shape.first ?? 0
    let widths = outputWidths
    if ys.count == 1 { return Tensor(shape: [n, widths[0]], storage: ys[0].storage) }
    let total = widths.reduce(0, +)
    Tensor.prepare(&outputBuffer, shape: [n, total])
    let o = outputBuffer.storage.pointer
    var offset = 0
    for (y, w) in zip(ys, widths) {
      let p = y.storage.pointer
      for r in 0..<n { (o + r * total + offset).update(from: p + r * w, count: w) }
      offset += w
    }
    return outputBuffer
  }

  /// Forward on packed inputs to packed outputs.
  public func forwardPacked(_ x: Tensor, training: Bool, logits: [Bool]? = nil) throws -> Tensor {
    packOutputs(try forward(unpackInputs(x), training: training, logits: logits))
  }

  /// Backward from the packed gradient of the outputs.
  public func backwardPacked(_ g: Tensor, accumulate: Bool, logits: [Bool]? = nil) throws {
    try backward(unpackOutputGradients(g), accumulate: accumulate, logits: logits)
  }

  /// A packed output matrix as one tensor per output, of the outputs' shapes (copies).
  public func unpackOutputs(_ y: Tensor) -> [Tensor] {
    var buffers: [Tensor] = []
    let parts = Graph.unpack(y, shapes: outputShapes, into: &buffers)
    return parts.count == 1 ? [Tensor(shape: parts[0].shape, storage: TensorStorage(copying: parts[0].storage))] : parts
  }
}
