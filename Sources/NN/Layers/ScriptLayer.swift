import Catalog
import Tensors

/// A layer written in the script: a `forward(self, x)` function built from tensor
/// operations, and the tensors it trains (`parameters`, made with `:requires_grad()`). Its
/// backward pass comes from the autodiff tape.
public final class ScriptLayer: Layer {
  public static let kind = "Custom"
  public var name: String
  public var needsInputGradient = true
  public private(set) var outputShape: [Int] = []
  private var inputShape: [Int] = []
  public private(set) var isBuilt = false
  let forwardFunction: HostFunction
  /// The layer's table as the script wrote it, passed back as `self`.
  let table: Value
  public let weights: [Weight]
  private var input: Tensor?
  private var output: Tensor?

  public init(forward: HostFunction, table: Value, parameters: [(String, Tensor)], name: String = "") throws {
    self.forwardFunction = forward
    self.table = table
    self.name = name
    weights = try parameters.map { key, t in
      guard t.requiresGrad, t.autograd?.isLeaf == true else {
        throw LayerError("parameter '\(key)' of a custom layer must be a tensor made with :requires_grad()")
      }
      let w = Weight(name: key, value: t)
      return w
    }
  }

  public var parameters: [Weight] { weights }

  public func build(inputShape: [Int], random: inout RandomStream) throws -> [Int] {
    if isBuilt {
      guard inputShape == self.inputShape else {
        throw LayerError("\(name) was built for inputs of shape \(describeShape(self.inputShape)), got \(describeShape(inputShape))")
      }
      return outputShape
    }
    for w in weights where !w.name.hasPrefix("\(name)/") { w.name = "\(name)/\(w.name)" }
    // The output shape is whatever forward makes of one sample.
    let probe = try Autograd.withoutGradients { try run(Tensor.zeros([1] + inputShape)) }
    guard probe.rank >= 2, probe.shape[0] == 1 else {
      throw LayerError("\(name): forward must return one row per input row, got shape \(describeShape(probe.shape)) for 1 row")
    }
    self.inputShape = inputShape
    outputShape = Array(probe.shape.dropFirst())
    isBuilt = true
    return outputShape
  }

  private func run(_ x: Tensor) throws -> Tensor {
    guard case .tensor(let y)? = try forwardFunction.call([table, .tensor(x)]).first else {
      throw LayerError("\(name): forward must return a tensor")
    }
    return y
  }

  public func forward(_ x: Tensor, training: Bool) throws -> Tensor {
    guard training else { return try Autograd.withoutGradients { try run(x) }.detached() }
    let leaf = x.detached().requiringGradient()
    let y = try run(leaf)
    guard y.shape == [x.shape[0]] + outputShape else {
      throw LayerError("\(name): forward returned shape \(describeShape(y.shape)), expected \(describeShape([x.shape[0]] + outputShape))")
    }
    input = leaf
    output = y
    return y.detached()
  }

  public func backward(_ gradOutput: Tensor, accumulate: Bool) throws -> Tensor {
    guard let input, let output else { throw LayerError("\(name): backward needs a training forward pass first") }
    defer { self.input = nil; self.output = nil }
    for w in weights { w.value.autograd?.grad = nil }
    if output.requiresGrad { try output.backward(gradOutput) }
    for w in weights {
      let g = w.value.autograd?.grad ?? Tensor.zeros(w.value.shape)
      w.grad = accumulate ? try w.grad.applying(.add, g) : g
    }
    return input.grad ?? Tensor.zeros(input.shape)
  }

  public var config: [String: Any] { [:] }
}
