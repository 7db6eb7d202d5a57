import Catalog
import Tensors

/// A loss written in the script from tensor operations (`function(p, y) return (p - y):pow(2):mean() end`):
/// its gradient comes from the autodiff tape, so no one writes a backward.
public final class ScriptLoss: Loss {
  public static let kind = "script"
  public var columnWeights: [Float]? = nil
  let function: HostFunction

  public init(_ function: HostFunction) { self.function = function }

  public func compute(_ outputs: Tensor, _ targets: Tensor, sampleWeights: Tensor?,
                      gradient: UnsafeMutablePointer<Float>?, logits: Bool) throws -> Double {
    try check(outputs, targets, sampleWeights)
    guard columnWeights == nil else { throw LayerError("class_weight is not supported with a loss function; weight inside the function") }
    // The predictions as a leaf of a fresh tape (a copy: the layer reuses its buffer).
    let p = Tensor(shape: outputs.shape, storage: TensorStorage(copying: outputs.storage)).requiringGradient()
    var args: [Value] = [.tensor(p), .tensor(targets)]
    if let w = sampleWeights { args.append(.tensor(w)) }
    let result = try function.call(args).first
    if case .number? = result {
      throw LayerError("a loss function must return a tensor computed from the predictions, got a number (:item() and tonumber drop the gradient; return the reduction itself)")
    }
    guard case .tensor(let loss)? = result else {
      throw LayerError("a loss function must return a tensor (keep the result a tensor: use :mean() or :sum() on tensors), got \(result?.summary ?? "nothing")")
    }
    guard let scalar = loss.scalar else { throw LayerError("a loss function must return one value, got shape \(describeShape(loss.shape))") }
    let value = Double(scalar)
    guard let gradient else { return value }
    guard loss.requiresGrad else {
      throw LayerError("the loss function's result does not depend on the predictions, so it has no gradient")
    }
    try loss.backward()
    guard let g = p.grad else { throw LayerError("the loss function's result does not depend on the predictions") }
    gradient.update(from: g.storage.pointer, count: g.count)
    return value
  }

  public var config: [String: Any] { [:] }
}
