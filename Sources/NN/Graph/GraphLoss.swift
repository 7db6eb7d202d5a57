import Tensors

/// The loss of a model with several outputs: each output's own loss on its columns of the
/// packed outputs and targets, summed with the loss weights (Keras's total `loss`). The last
/// computed value of each part is kept for the per-output logs (`labels_loss`).
public final class GraphLoss: Loss {
  public static let kind = "graph"
  public struct Part {
    public let output: String
    public let loss: Loss
    public let weight: Double
    /// Whether this output's loss reads logits (its layer's activation fused into the loss).
    public let logits: Bool
    let offset: Int
    let width: Int
  }
  public let parts: [Part]
  /// Each part's mean loss in the last `compute` (unweighted).
  public private(set) var lastParts: [Double]
  /// class_weight: with one output, that output's loss takes it (several refuse it).
  public var columnWeights: [Float]? = nil {
    didSet { if parts.count == 1 { parts[0].loss.columnWeights = columnWeights } }
  }
  private var outputBuffers: [Tensor]
  private var targetBuffers: [Tensor]
  private var gradientBuffers: [Tensor]

  init(parts: [Part]) {
    self.parts = parts
    lastParts = Array(repeating: 0, count: parts.count)
    outputBuffers = Array(repeating: Tensor.released, count: parts.count)
    targetBuffers = outputBuffers
    gradientBuffers = outputBuffers
  }

  /// The name a checkpoint compares: each output's loss and weight.
  public var entryName: String {
    parts.map { "\($0.output):\($0.loss.entryName)*\($0.weight)" }.joined(separator: ",")
  }

  public var config: [String: Any] { [:] }

  public func compute(_ outputs: Tensor, _ targets: Tensor, sampleWeights: Tensor?,
                      gradient: UnsafeMutablePointer<Float>?, logits: Bool) throws -> Double {
    if columnWeights != nil, parts.count > 1 { throw LayerError("class_weight is for models with one output; this one has \(parts.count)") }
    guard outputs.rank == 2, outputs.shape == targets.shape else {
      throw LayerError("predictions \(describeShape(outputs.shape)) and targets \(describeShape(targets.shape)) differ in shape")
    }
    if parts.count == 1 { return try computeOne(outputs, targets, sampleWeights: sampleWeights, gradient: gradient) }
    let n = outputs.shape[0], total = outputs.shape[1]
    let o = outputs.storage.pointer, t = targets.storage.pointer
    var sum = 0.0
    for (k, part) in parts.enumerated() {
      let w = part.width
      Tensor.prepare(&outputBuffers[k], shape: [n, w])
      Tensor.prepare(&targetBuffers[k], shape: [n, w])
      let ob = outputBuffers[k].storage.pointer, tb = targetBuffers[k].storage.pointer
      for r in 0..<n {
        (ob + r * w).update(from: o + r * total + part.offset, count: w)
        (tb + r * w).update(from: t + r * total + part.offset, count: w)
      }
      var g: UnsafeMutablePointer<Float>? = nil
      if gradient != nil {
        Tensor.prepare(&gradientBuffers[k], shape: [n, w])
        g = gradientBuffers[k].storage.pointer
      }
      let value: Double
      do {
        value = try part.loss.compute(outputBuffers[k], targetBuffers[k], sampleWeights: sampleWeights, gradient: g, logits: part.logits)
      } catch let e as LayerError {
        throw LayerError("output '\(part.output)': \(e.message)")
      }
      lastParts[k] = value
      sum += part.weight * value
      if let gradient, let g {
        let scale = Float(part.weight)
        for r in 0..<n {
          let dst = gradient + r * total + part.offset, src = g + r * w
          for j in 0..<w { dst[j] = src[j] * scale }
        }
      }
    }
    return sum
  }

  /// One output: its loss on the matrices as they are (no copies into per-output columns), its
  /// gradient scaled in place when the loss weight is not 1.
  private func computeOne(_ outputs: Tensor, _ targets: Tensor, sampleWeights: Tensor?, gradient: UnsafeMutablePointer<Float>?) throws -> Double {
    let part = parts[0]
    let value: Double
    do {
      value = try part.loss.compute(outputs, targets, sampleWeights: sampleWeights, gradient: gradient, logits: part.logits)
    } catch let e as LayerError {
      throw LayerError("output '\(part.output)': \(e.message)")
    }
    lastParts[0] = value
    if let gradient, part.weight != 1 {
      let scale = Float(part.weight)
      for i in 0..<outputs.count { gradient[i] *= scale }
    }
    return part.weight * value
  }
}
