import Tensors

/// An activation on its own, as a layer (`nn.Activation("relu")`, `nn.ReLU()`...).
public final class ActivationLayer: Layer {
  public static let kind = "Activation"
  public var name: String
  public let activation: Activation
  public let alpha: Float?
  public var needsInputGradient = true
  public private(set) var outputSize = 0
  public private(set) var isBuilt = false
  private var input = Tensor.zeros([0])
  private var output = Tensor.zeros([0])
  private var gradInput = Tensor.zeros([0])

  public init(_ activation: Activation, alpha: Float? = nil, name: String = "") {
    self.activation = activation
    self.alpha = alpha
    self.name = name
  }

  public func build(inputSize: Int, random: inout RandomStream) throws -> Int {
    outputSize = inputSize
    isBuilt = true
    return inputSize
  }

  public var parameters: [Weight] { [] }

  public func forward(_ x: Tensor, training: Bool) throws -> Tensor {
    guard x.rank == 2 else { throw LayerError("\(name) expects a matrix, got shape \(describeShape(x.shape))") }
    Tensor.prepare(&output, shape: x.shape)
    Elementwise.biasActivation(activation, alpha: alpha, z: x.storage.pointer, bias: nil,
                               out: output.storage.pointer, rows: x.shape[0], cols: x.shape[1])
    input = training ? x : Tensor.released
    return output
  }

  public func backward(_ gradOutput: Tensor, accumulate: Bool) throws -> Tensor {
    guard gradOutput.shape == input.shape, input.rank == 2 else {
      throw LayerError("\(name): backward needs a training forward pass first")
    }
    Tensor.prepare(&gradInput, shape: input.shape)
    Elementwise.activationBackward(activation, alpha: alpha, z: input.storage.pointer, y: output.storage.pointer,
                                   dy: gradOutput.storage.pointer, dz: gradInput.storage.pointer,
                                   rows: input.shape[0], cols: input.shape[1])
    input = Tensor.released
    return gradInput
  }

  /// The input passed through unchanged: the logits a fused output head hands its loss.
  public func forwardLogits(_ x: Tensor, training: Bool) throws -> Tensor {
    guard x.rank == 2 else { throw LayerError("\(name) expects a matrix, got shape \(describeShape(x.shape))") }
    input = training ? x : Tensor.released
    return x
  }

  /// The gradient with respect to the logits is the input's gradient.
  public func backwardFromLogits(_ gradLogits: Tensor, accumulate: Bool) throws -> Tensor {
    guard gradLogits.shape == input.shape, input.rank == 2 else {
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
