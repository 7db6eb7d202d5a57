import CrescentPluginABI
import NN
import Tensors

/// A plugin loss: the callback computes the mean loss over n x L cells and its gradient.
/// Sample and class weights are refused (the callback cannot see them).
final class PluginLoss: Loss {
  static let kind = "plugin"
  let name: String
  /// The catalog entry that builds this loss (`SquaredHinge` for `squared_hinge`).
  let entryName: String
  let compute: crescent_loss_fn
  let user: UnsafeMutableRawPointer?
  var columnWeights: [Float]? = nil

  init(name: String, entryName: String, compute: @escaping crescent_loss_fn, user: UnsafeMutableRawPointer?) {
    self.name = name
    self.entryName = entryName
    self.compute = compute
    self.user = user
  }

  func compute(_ outputs: Tensor, _ targets: Tensor, sampleWeights: Tensor?,
               gradient: UnsafeMutablePointer<Float>?, logits: Bool) throws -> Double {
    guard outputs.rank == 2, outputs.shape == targets.shape else {
      throw LayerError("\(name): predictions \(describeShape(outputs.shape)) and targets \(describeShape(targets.shape)) differ in shape")
    }
    guard sampleWeights == nil, columnWeights == nil else {
      throw LayerError("\(name): a plugin loss takes no sample or class weights")
    }
    var value = 0.0
    do {
      _ = try PluginCall.run { call in
        compute(call, outputs.storage.pointer, targets.storage.pointer, CLong(outputs.shape[0]), CLong(outputs.shape[1]),
                &value, gradient, user)
      }
    } catch let e as PluginFailure { throw LayerError("\(name): \(e.message)") }
    return value
  }

  var config: [String: Any] { ["name": name] }
}
