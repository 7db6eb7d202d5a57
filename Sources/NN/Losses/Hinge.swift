import Tensors

/// Hinge loss for ±1 targets, averaged over all cells: max(0, 1 − t·o), as Keras's `hinge`.
/// Targets of 0 stand for −1 (Keras converts 0/1 targets the same way), so a multilabel
/// 0/1 matrix trains a margin classifier per label on raw scores (a linear output layer).
public final class Hinge: ElementwiseLoss {
  public static let kind = "hinge"
  public var columnWeights: [Float]? = nil

  public init() {}

  /// The subgradient at the kink (t·o = 1) is 0, as TensorFlow's and PyTorch's.
  func cell(_ o: Double, _ t: Double, column j: Int, logits: Bool) -> (loss: Double, grad: Double) {
    let sign = t == 0 ? -1 : t
    let margin = 1 - sign * o
    return margin > 0 ? (margin, -sign) : (0, 0)
  }

  public var config: [String: Any] { [:] }

  static let declaration = LossDeclaration(
    Hinge.self, entry: "Hinge", "Hinge loss max(0, 1 − t·o) per cell, averaged (Keras's hinge); targets 0/1 or −1/1, outputs are raw scores.") { _ in { _ in Hinge() } }
}
