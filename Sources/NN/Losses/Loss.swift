import Foundation
import Tensors

/// A training objective: the mean loss over a batch and its gradient.
///
/// `compute` gets the model's outputs and the targets, returns the mean loss, and writes
/// d(loss)/d(outputs) into `gradient` when given. The outputs are logits when `logits` says
/// so (the model's output head decides it at compile: the loss's `from_logits`, or a sigmoid
/// (softmax) output layer fused into this loss), probabilities otherwise. Per-sample weights
/// scale each row's loss (Keras's sum-over-batch-size reduction).
public protocol Loss: AnyObject, SendableMetatype {
  /// The name scripts use (`binary_crossentropy`).
  static var kind: String { get }
  /// What a model file stores the loss under: its kind for a built-in loss; for a loss added
  /// at run time, the name of the catalog entry that builds it (`SquaredHinge`), so that the
  /// file loads back wherever that entry is.
  var entryName: String { get }
  /// The option from_logits as given: whether the model's own outputs are logits.
  var fromLogits: Bool { get }
  /// The output activation this loss can absorb (`sigmoid` for BCE), if any.
  var fusesWith: Activation? { get }
  func compute(_ outputs: Tensor, _ targets: Tensor, sampleWeights: Tensor?,
               gradient: UnsafeMutablePointer<Float>?, logits: Bool) throws -> Double
  /// `compute` that also writes the fused activation of `outputs` into `probabilities` when
  /// it works them out on the way (on logits; the same bits as the activation layer);
  /// `wrote` says whether it did.
  func compute(_ outputs: Tensor, _ targets: Tensor, sampleWeights: Tensor?, gradient: UnsafeMutablePointer<Float>?,
               logits: Bool, probabilities: UnsafeMutablePointer<Float>) throws -> (loss: Double, wrote: Bool)
  var config: [String: Any] { get }
  /// Per-label weights scaling each column's cells (fit's class_weight), or nil.
  var columnWeights: [Float]? { get set }
}

extension Loss {
  public var entryName: String { Self.kind }
  public var fromLogits: Bool { false }
  public var fusesWith: Activation? { nil }

  /// The loss on the outputs as the loss's own from_logits describes them.
  public func compute(_ outputs: Tensor, _ targets: Tensor, sampleWeights: Tensor?,
                      gradient: UnsafeMutablePointer<Float>?) throws -> Double {
    try compute(outputs, targets, sampleWeights: sampleWeights, gradient: gradient, logits: fromLogits)
  }

  public func compute(_ outputs: Tensor, _ targets: Tensor, sampleWeights: Tensor?, gradient: UnsafeMutablePointer<Float>?,
                      logits: Bool, probabilities: UnsafeMutablePointer<Float>) throws -> (loss: Double, wrote: Bool) {
    (try compute(outputs, targets, sampleWeights: sampleWeights, gradient: gradient, logits: logits), false)
  }

  /// Checks shapes: outputs and targets n x L, weights n.
  func check(_ outputs: Tensor, _ targets: Tensor, _ weights: Tensor?) throws {
    guard outputs.rank == 2, outputs.shape == targets.shape else {
      throw LayerError("\(Self.kind): predictions \(describeShape(outputs.shape)) and targets \(describeShape(targets.shape)) differ in shape")
    }
    if let w = weights, w.count != outputs.shape[0] {
      throw LayerError("\(Self.kind): \(w.count) sample weights for \(outputs.shape[0]) samples")
    }
  }
}

/// Losses defined element by element: loss(o, t) and d loss / d o, averaged over all cells
/// (or over rows, for `perRow` losses), with optional sample weights.
protocol ElementwiseLoss: Loss {
  /// Loss and its derivative for one cell in column `j` (`o` a logit when `logits`).
  func cell(_ o: Double, _ t: Double, column j: Int, logits: Bool) -> (loss: Double, grad: Double)
}

extension ElementwiseLoss {
  /// The loss is its cells' mean: a type that needs nothing more inherits this.
  public func compute(_ outputs: Tensor, _ targets: Tensor, sampleWeights: Tensor?,
                      gradient: UnsafeMutablePointer<Float>?, logits: Bool) throws -> Double {
    try reduceCells(outputs, targets, sampleWeights: sampleWeights, gradient: gradient, logits: logits)
  }

  func reduceCells(_ outputs: Tensor, _ targets: Tensor, sampleWeights: Tensor?,
                   gradient: UnsafeMutablePointer<Float>?, logits: Bool) throws -> Double {
    try check(outputs, targets, sampleWeights)
    let n = outputs.shape[0], l = outputs.shape[1]
    let o = outputs.storage.pointer, t = targets.storage.pointer, w = sampleWeights?.storage.pointer
    if let cw = columnWeights, cw.count != l {
      throw LayerError("\(Self.kind): \(cw.count) class weights for \(l) labels")
    }
    let scale = 1 / Double(n * l)
    let cw = columnWeights.map { $0.map(Double.init) }
    var total = 0.0
    for i in 0..<n {
      let wi = w.map { Double($0[i]) } ?? 1
      var rowSum = 0.0
      for j in 0..<l {
        var (v, g) = cell(Double(o[i * l + j]), Double(t[i * l + j]), column: j, logits: logits)
        if let cw { v *= cw[j]; g *= cw[j] }
        rowSum += v
        gradient?[i * l + j] = Float(g * wi * scale)
      }
      total += rowSum * wi
    }
    return total * scale
  }
}

/// Clipping for losses on probabilities, as Keras does (epsilon 1e-7).
let probabilityEpsilon = 1e-7
