import Foundation
import Tensors

/// Binary cross-entropy per label, averaged over all cells: the multilabel loss.
///
/// On logits it is the stable form of PyTorch's BCEWithLogitsLoss (with `pos_weight` per
/// label); a sigmoid output layer followed by this loss is fused into that form
/// automatically. On probabilities they are clipped to [1e-7, 1 - 1e-7], as Keras does.
/// `label_smoothing` moves targets towards 0.5: t(1 - s) + s/2.
public final class BinaryCrossEntropy: ElementwiseLoss {
  public static let kind = "binary_crossentropy"
  public var columnWeights: [Float]? = nil
  /// The option as given: whether the model's outputs are logits. Saved with the model.
  public let fromLogits: Bool
  public let posWeight: [Float]?
  public let labelSmoothing: Float
  private var smoothed = Tensor.zeros([0])
  private var rowGrad = Tensor.zeros([0])

  public init(fromLogits: Bool = false, posWeight: [Float]? = nil, labelSmoothing: Float = 0) {
    self.fromLogits = fromLogits
    self.posWeight = posWeight
    self.labelSmoothing = labelSmoothing
  }

  public var fusesWith: Activation? { .sigmoid }

  public func compute(_ outputs: Tensor, _ targets: Tensor, sampleWeights: Tensor?,
                      gradient: UnsafeMutablePointer<Float>?, logits: Bool) throws -> Double {
    try evaluate(outputs, targets, sampleWeights: sampleWeights, gradient: gradient, logits: logits, probabilities: nil).loss
  }

  public func compute(_ outputs: Tensor, _ targets: Tensor, sampleWeights: Tensor?, gradient: UnsafeMutablePointer<Float>?,
                      logits: Bool, probabilities: UnsafeMutablePointer<Float>) throws -> (loss: Double, wrote: Bool) {
    try evaluate(outputs, targets, sampleWeights: sampleWeights, gradient: gradient, logits: logits, probabilities: probabilities)
  }

  /// The loss; on logits (without class weights) the sigmoid of each output goes to
  /// `probabilities` too, when given.
  private func evaluate(_ outputs: Tensor, _ targets: Tensor, sampleWeights: Tensor?, gradient: UnsafeMutablePointer<Float>?,
                        logits: Bool, probabilities: UnsafeMutablePointer<Float>?) throws -> (loss: Double, wrote: Bool) {
    try check(outputs, targets, sampleWeights)
    let n = outputs.shape[0], l = outputs.shape[1]
    if let pw = posWeight, pw.count != l {
      throw LayerError("\(Self.kind): pos_weight has \(pw.count) values for \(l) labels")
    }
    var t = targets
    if labelSmoothing > 0 {
      Tensor.prepare(&smoothed, shape: targets.shape)
      let s = labelSmoothing, src = targets.storage.pointer, dst = smoothed.storage.pointer
      for i in 0..<targets.count { dst[i] = src[i] * (1 - s) + 0.5 * s }
      t = smoothed
    }
    guard logits, columnWeights == nil else {
      return (try reduceCells(outputs, t, sampleWeights: sampleWeights, gradient: gradient, logits: logits), false)
    }
    let loss = posWeight.withOptionalPointer { pw in
      guard let w = sampleWeights else {
        return Elementwise.sigmoidBCE(logits: outputs.storage.pointer, targets: t.storage.pointer, posWeight: pw,
                                      grad: gradient, probabilities: probabilities, rows: n, cols: l)
      }
      // Weighted rows: each row's mean loss, scaled by its weight, over the batch.
      var total = 0.0
      for i in 0..<n {
        let wi = w.storage.pointer[i]
        let rowLoss = Elementwise.sigmoidBCE(logits: outputs.storage.pointer + i * l, targets: t.storage.pointer + i * l,
                                             posWeight: pw, grad: gradient.map { $0 + i * l },
                                             probabilities: probabilities.map { $0 + i * l }, rows: 1, cols: l)
        if let g = gradient { for j in 0..<l { g[i * l + j] *= wi / Float(n) } }
        total += rowLoss * Double(wi)
      }
      return total / Double(n)
    }
    return (loss, probabilities != nil)
  }

  func cell(_ o: Double, _ t: Double, column j: Int, logits: Bool) -> (loss: Double, grad: Double) {
    let pw = posWeight.map { Double($0[j]) } ?? 1
    if logits {
      // The stable logits form: (1 − t)·z + (1 + (pw − 1)·t)·(log(1 + e^−|z|) + max(−z, 0)).
      let z = o
      let loss = (1 - t) * z + (1 + (pw - 1) * t) * (log1p(exp(-abs(z))) + max(-z, 0))
      let s = z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
      return (loss, (1 - t) * s - pw * t * (1 - s))
    }
    let p = o
    let pc = min(max(p, probabilityEpsilon), 1 - probabilityEpsilon)
    let loss = -(pw * t * log(pc) + (1 - t) * log(1 - pc))
    let grad = p <= probabilityEpsilon || p >= 1 - probabilityEpsilon ? 0 : -(pw * t / pc) + (1 - t) / (1 - pc)
    return (loss, grad)
  }

  public var config: [String: Any] {
    var c: [String: Any] = ["from_logits": fromLogits, "label_smoothing": Double(labelSmoothing)]
    if let posWeight { c["pos_weight"] = posWeight.map(Double.init) }
    return c
  }
}

extension Optional where Wrapped == [Float] {
  func withOptionalPointer<R>(_ body: (UnsafePointer<Float>?) throws -> R) rethrows -> R {
    guard let a = self else { return try body(nil) }
    return try a.withUnsafeBufferPointer { try body($0.baseAddress) }
  }
}
