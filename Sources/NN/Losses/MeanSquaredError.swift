import Tensors

/// Mean squared error over all cells.
public final class MeanSquaredError: ElementwiseLoss {
  public static let kind = "mean_squared_error"
  public var columnWeights: [Float]? = nil

  public init() {}

  func cell(_ o: Double, _ t: Double, column j: Int, logits: Bool) -> (loss: Double, grad: Double) {
    ((o - t) * (o - t), 2 * (o - t))
  }

  public var config: [String: Any] { [:] }
}
