import Foundation
import Tensors

/// Categorical cross-entropy for one class per sample (one-hot or soft targets), averaged
/// over samples. On logits it is log-softmax based (PyTorch's CrossEntropyLoss); a softmax
/// output layer is fused into that form. On probabilities they are clipped to [1e-7, 1].
/// Class weights (fit's class_weight) weigh each sample by its class's weight, Σ_j y_ij w_j,
/// times its sample weight, as Keras does.
public final class CategoricalCrossEntropy: Loss {
  public static let kind = "categorical_crossentropy"
  public var columnWeights: [Float]? = nil
  /// The option as given: whether the model's outputs are logits. Saved with the model.
  public let fromLogits: Bool

  public init(fromLogits: Bool = false) {
    self.fromLogits = fromLogits
  }

  public var fusesWith: Activation? { .softmax }

  public func compute(_ outputs: Tensor, _ targets: Tensor, sampleWeights: Tensor?,
                      gradient: UnsafeMutablePointer<Float>?, logits: Bool) throws -> Double {
    try check(outputs, targets, sampleWeights)
    let n = outputs.shape[0], l = outputs.shape[1]
    if let cw = columnWeights, cw.count != l { throw LayerError("\(Self.kind): \(cw.count) class weights for \(l) classes") }
    let cw = columnWeights
    let o = outputs.storage.pointer, t = targets.storage.pointer, w = sampleWeights?.storage.pointer
    var total = 0.0
    for i in 0..<n {
      let row = o + i * l, tr = t + i * l
      var wi = w.map { Double($0[i]) } ?? 1
      if let cw {
        // Keras's class_weight: each sample weighs its class's weight (Σ_j y_ij w_j for soft targets).
        var c = 0.0
        for j in 0..<l { c += Double(tr[j]) * Double(cw[j]) }
        wi *= c
      }
      var loss = 0.0
      if logits {
        var mx = -Double.infinity
        for j in 0..<l { mx = max(mx, Double(row[j])) }
        var s = 0.0
        for j in 0..<l { s += exp(Double(row[j]) - mx) }
        let lse = mx + log(s)
        var tsum = 0.0
        for j in 0..<l { loss -= Double(tr[j]) * (Double(row[j]) - lse); tsum += Double(tr[j]) }
        if let g = gradient {
          for j in 0..<l { g[i * l + j] = Float((exp(Double(row[j]) - lse) * tsum - Double(tr[j])) * wi / Double(n)) }
        }
      } else {
        for j in 0..<l {
          let p = min(max(Double(row[j]), probabilityEpsilon), 1)
          loss -= Double(tr[j]) * log(p)
          gradient?[i * l + j] = Float(Double(row[j]) < probabilityEpsilon ? 0 : -Double(tr[j]) / p * wi / Double(n))
        }
      }
      total += loss * wi
    }
    return total / Double(n)
  }

  public var config: [String: Any] { ["from_logits": fromLogits] }
}
