import Tensors

/// An activation on its own, as a layer (`nn.Activation("relu")`, `nn.ReLU()`...).
public final class ActivationLayer: Layer {
  public static let kind = "Activation"
  public var name: String
  public let activation: Activation
  public let alpha: Float?
  public var needsInputGradient = true
  public private(set) var outputShape: [Int] = []
  public private(set) var isBuilt = false
  private var input = Tensor.zeros([0])
  private var output = Tensor.zeros([0])
  private var gradInput = Tensor.zeros([0])

  public init(_ activation: Activation, alpha: Float? = nil, name: String = "") {
    self.activation = activation
    self.alpha = alpha
    self.name = name
  }

  public func build(inputShape: [Int], random: inout RandomStream) throws -> [Int] {
    outputShape = inputShape
    isBuilt = true
    return inputShape
  }

  /// The activation runs over the last axis of any batch: rows are everything before it.
  private static func rowsAndColumns(_ x: Tensor) -> (Int, Int) {
    let cols = x.shape.last ?? 1
    return (cols == 0 ? 0 : x.count / cols, cols)
  }

  public var parameters: [Weight] { [] }

  public func forward(_ x: Tensor, training: Bool) throws -> Tensor {
    guard x.rank >= 2 else { throw LayerError("\(name) expects a batch (samples first), got shape \(describeShape(x.shape))") }
    Tensor.prepare(&output, shape: x.shape)
    let (rows, cols) = Self.rowsAndColumns(x)
    Elementwise.biasActivation(activation, alpha: alpha, z: x.storage.pointer, bias: nil,
                               out: output.storage.pointer, rows: rows, cols: cols)
    input = training ? x : Tensor.released
    return output
  }

  public func backward(_ gradOutput: Tensor, accumulate: Bool) throws -> Tensor {
    guard gradOutput.shape == input.shape, input.rank >= 2 else {
      throw LayerError("\(name): backward needs a training forward pass first")
    }
    Tensor.prepare(&gradInput, shape: input.shape)
    let (rows, cols) = Self.rowsAndColumns(input)
    Elementwise.activationBackward(activation, alpha: alpha, z: input.storage.pointer, y: output.storage.pointer,
                                   dy: gradOutput.storage.pointer, dz: gradInput.storage.pointer,
                                   rows: rows, cols: cols)
    input = Tensor.released
    return gradInput
  }

  /// The input passed through unchanged: the logits a fused output head hands its loss.
  public func forwardLogits(_ x: Tensor, training: Bool) throws -> Tensor {
    guard x.rank >= 2 else { throw LayerError("\(name) expects a batch (samples first), got shape \(describeShape(x.shape))") }
    input = training ? x : Tensor.released
    return x
  }

  /// The gradient with respect to the logits is the input's gradient.
  public func backwardFromLogits(_ gradLogits: Tensor, accumulate: Bool) throws -> Tensor {
    guard gradLogits.shape == input.shape, input.rank >= 2 else {
      throw LayerError("\(name): backward needs a training forward pass first")
    }
    input = Tensor.released
    return gradLogits
  }

  public var config: [String: Any] {
    var c: [String: Any] = ["activation": activation.rawValue]
    if let alpha { c["alpha"] = Double(alpha) }
    return c
  }
}
