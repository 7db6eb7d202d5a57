import Tensors

/// The arithmetic shared by batch and layer normalisation: normalise groups of values, scale
/// by gamma and shift by beta (per feature), and the matching backward pass.
enum Normalization {
  /// Normalises `count` values at `x + k*stride` (k < count) into xhat, returning (mean, invstd).
  static func normalize(_ x: UnsafePointer<Float>, _ xhat: UnsafeMutablePointer<Float>, count: Int, stride: Int,
                        epsilon: Double) -> (mean: Double, variance: Double, invstd: Double) {
    var sum = 0.0
    for k in 0..<count { sum += Double(x[k * stride]) }
    let mean = sum / Double(count)
    var sq = 0.0
    for k in 0..<count { let d = Double(x[k * stride]) - mean; sq += d * d }
    let variance = sq / Double(count)
    let invstd = 1 / (variance + epsilon).squareRoot()
    for k in 0..<count { xhat[k * stride] = Float((Double(x[k * stride]) - mean) * invstd) }
    return (mean, variance, invstd)
  }

  /// dx for one group, given dxhat (= dy·gamma) and xhat: (N·dxhat − Σdxhat − xhat·Σ(dxhat·xhat))·invstd/N.
  static func backward(dxhat: UnsafePointer<Float>, xhat: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>,
                       count: Int, stride: Int, invstd: Double) {
    var s1 = 0.0, s2 = 0.0
    for k in 0..<count { let d = Double(dxhat[k * stride]); s1 += d; s2 += d * Double(xhat[k * stride]) }
    let n = Double(count)
    for k in 0..<count {
      dx[k * stride] = Float((n * Double(dxhat[k * stride]) - s1 - Double(xhat[k * stride]) * s2) * invstd / n)
    }
  }
}

/// Shared state of the two normalisation layers: gamma and beta per feature.
public class NormalizationLayer {
  public var name: String
  public let epsilon: Float
  public let center: Bool
  public let scale: Bool
  public var needsInputGradient = true
  /// Features: the last axis, normalised over every other position (Keras's axis = -1).
  public private(set) var features = 0
  public private(set) var outputShape: [Int] = []
  public private(set) var gamma: Weight?
  public private(set) var beta: Weight?
  var xhat = Tensor.zeros([0])
  var output = Tensor.zeros([0])
  var dxhat = Tensor.zeros([0])
  var gradInput = Tensor.zeros([0])
  var invstd: [Double] = []

  init(epsilon: Float, center: Bool, scale: Bool, name: String) {
    self.epsilon = epsilon
    self.center = center
    self.scale = scale
    self.name = name
  }

  public var isBuilt: Bool { features > 0 }

  func buildAffine(_ inputShape: [Int]) throws -> [Int] {
    if features > 0 {
      guard inputShape == outputShape else {
        throw LayerError("\(name) was built for inputs of shape \(describeShape(outputShape)), got \(describeShape(inputShape))")
      }
      return outputShape
    }
    guard let d = inputShape.last, d > 0 else { throw LayerError("\(name) needs inputs with a features axis, got shape \(describeShape(inputShape))") }
    features = d
    outputShape = inputShape
    if scale { gamma = Weight(name: "\(name)/gamma", value: .ones([d])) }
    if center { beta = Weight(name: "\(name)/beta", value: .zeros([d])) }
    return outputShape
  }

  /// The rows of a batch: every position before the features axis.
  func rows(_ x: Tensor) -> Int { x.count / max(features, 1) }

  public var parameters: [Weight] { [gamma, beta].compactMap { $0 } }

  /// output = xhat·gamma + beta
  func affine(rows: Int) {
    let d = features, xh = xhat.storage.pointer, o = output.storage.pointer
    let g = gamma?.value.storage.pointer, b = beta?.value.storage.pointer
    for i in 0..<rows {
      for j in 0..<d { o[i * d + j] = xh[i * d + j] * (g?[j] ?? 1) + (b?[j] ?? 0) }
    }
  }

  /// dgamma, dbeta, and dxhat = dy·gamma.
  func affineBackward(_ dy: Tensor, rows: Int, accumulate: Bool) {
    let d = features, xh = xhat.storage.pointer, g = dy.storage.pointer
    Tensor.prepare(&dxhat, shape: [rows, d])
    let dx = dxhat.storage.pointer
    if let gamma {
      gamma.grad.makeUnique()
      let gg = gamma.grad.storage.pointer, gv = gamma.value.storage.pointer
      for j in 0..<d {
        var s = 0.0
        for i in 0..<rows { s += Double(g[i * d + j] * xh[i * d + j]); dx[i * d + j] = g[i * d + j] * gv[j] }
        gg[j] = (accumulate ? gg[j] : 0) + Float(s)
      }
    } else {
      dx.update(from: g, count: rows * d)
    }
    if let beta {
      beta.grad.makeUnique()
      let bg = beta.grad.storage.pointer
      for j in 0..<d {
        var s = 0.0
        for i in 0..<rows { s += Double(g[i * d + j]) }
        bg[j] = (accumulate ? bg[j] : 0) + Float(s)
      }
    }
  }

  /// The backward pass of either layer: gamma/beta gradients, then each normalised group's
  /// input gradient — groups are features (down the batch) or samples (across the features).
  func normalizedBackward(_ gradOutput: Tensor, accumulate: Bool, perFeature: Bool) throws -> Tensor {
    let n = rows(xhat), d = features
    let groups = perFeature ? d : n
    guard gradOutput.shape == xhat.shape, invstd.count == groups else {
      throw LayerError("\(name): backward needs a training forward pass first")
    }
    affineBackward(gradOutput, rows: n, accumulate: accumulate)
    Tensor.prepare(&gradInput, shape: xhat.shape)
    let (count, stride, step) = perFeature ? (n, d, 1) : (d, 1, d)
    for g in 0..<groups {
      Normalization.backward(dxhat: dxhat.storage.pointer + g * step, xhat: xhat.storage.pointer + g * step,
                             dx: gradInput.storage.pointer + g * step, count: count, stride: stride, invstd: invstd[g])
    }
    return gradInput
  }

  func checkInput(_ x: Tensor) throws {
    guard x.rank == outputShape.count + 1, Array(x.shape.dropFirst()) == outputShape else {
      throw LayerError("\(name) expects inputs of shape \(describeShape(outputShape)) per sample, got a batch of shape \(describeShape(x.shape))")
    }
  }
}

/// Batch normalisation over the batch dimension, as Keras defines it (momentum 0.99,
/// epsilon 1e-3): batch statistics in training, moving averages at inference. Frozen
/// (`trainable = false`) it runs in inference mode in training too, as Keras 3's.
public final class BatchNormalization: NormalizationLayer, Layer, TrainableFlag {
  public static let kind = "BatchNormalization"
  public let momentum: Float
  public var trainableFlag = true
  /// Whether the last forward pass ran in inference mode (its backward is then a scaling).
  private var ranFrozen = false
  public private(set) var movingMean: Weight?
  public private(set) var movingVariance: Weight?

  public init(momentum: Float = 0.99, epsilon: Float = 1e-3, center: Bool = true, scale: Bool = true, name: String = "") {
    self.momentum = momentum
    super.init(epsilon: epsilon, center: center, scale: scale, name: name)
  }

  public func build(inputShape: [Int], random: inout RandomStream) throws -> [Int] {
    let shape = try buildAffine(inputShape)
    if movingMean == nil {
      movingMean = Weight(name: "\(name)/moving_mean", value: .zeros([features]))
      movingVariance = Weight(name: "\(name)/moving_variance", value: .ones([features]))
      movingMean?.trainable = false
      movingVariance?.trainable = false
    }
    for p in parameters { p.trainable = trainableFlag }
    return shape
  }

  public var state: [Weight] { [movingMean, movingVariance].compactMap { $0 } }

  public func forward(_ x: Tensor, training: Bool) throws -> Tensor {
    try checkInput(x)
    let n = rows(x), d = features
    Tensor.prepare(&xhat, shape: x.shape)
    Tensor.prepare(&output, shape: x.shape)
    let xp = x.storage.pointer, xh = xhat.storage.pointer
    guard let mm = movingMean, let mv = movingVariance else { throw LayerError("\(name) is used before it is built") }
    ranFrozen = !trainableFlag
    if training && trainableFlag {
      guard n > 1 else { throw LayerError("\(name) needs more than one sample per batch in training") }
      mm.value.makeUnique(); mv.value.makeUnique()
      let mean = mm.value.storage.pointer, variance = mv.value.storage.pointer
      invstd = [Double](repeating: 0, count: d)
      for j in 0..<d {
        let s = Normalization.normalize(xp + j, xh + j, count: n, stride: d, epsilon: Double(epsilon))
        invstd[j] = s.invstd
        mean[j] = momentum * mean[j] + (1 - momentum) * Float(s.mean)
        variance[j] = momentum * variance[j] + (1 - momentum) * Float(s.variance)
      }
    } else {
      let mean = mm.value.storage.pointer, variance = mv.value.storage.pointer
      for j in 0..<d {
        let inv = 1 / (Double(variance[j]) + Double(epsilon)).squareRoot()
        for i in 0..<n { xh[i * d + j] = Float((Double(xp[i * d + j]) - Double(mean[j])) * inv) }
      }
    }
    affine(rows: n)
    return output
  }

  public func backward(_ gradOutput: Tensor, accumulate: Bool) throws -> Tensor {
    if ranFrozen { return try frozenBackward(gradOutput, accumulate: accumulate) }
    return try normalizedBackward(gradOutput, accumulate: accumulate, perFeature: true)
  }

  /// Backward through the inference-mode transform `gamma (x - mean) / sqrt(var + eps) + beta`
  /// with the moving statistics as constants: dx = dy gamma / sqrt(var + eps).
  private func frozenBackward(_ gradOutput: Tensor, accumulate: Bool) throws -> Tensor {
    guard gradOutput.shape == xhat.shape, let mv = movingVariance else { throw LayerError("\(name): backward needs a training forward pass first") }
    let n = rows(xhat), d = features
    affineBackward(gradOutput, rows: n, accumulate: accumulate)
    Tensor.prepare(&gradInput, shape: xhat.shape)
    let dx = gradInput.storage.pointer, dxh = dxhat.storage.pointer, v = mv.value.storage.pointer
    for j in 0..<d {
      let inv = Float(1 / (Double(v[j]) + Double(epsilon)).squareRoot())
      for i in 0..<n { dx[i * d + j] = dxh[i * d + j] * inv }
    }
    return gradInput
  }

  public var config: [String: Any] {
    ["momentum": Double(momentum), "epsilon": Double(epsilon), "center": center, "scale": scale]
  }
}

/// Layer normalisation over each sample's features (epsilon 1e-3, as Keras).
public final class LayerNormalization: NormalizationLayer, Layer {
  public static let kind = "LayerNormalization"

  public override init(epsilon: Float = 1e-3, center: Bool = true, scale: Bool = true, name: String = "") {
    super.init(epsilon: epsilon, center: center, scale: scale, name: name)
  }

  public func build(inputShape: [Int], random: inout RandomStream) throws -> [Int] { try buildAffine(inputShape) }

  public func forward(_ x: Tensor, training: Bool) throws -> Tensor {
    try checkInput(x)
    let n = rows(x), d = features
    Tensor.prepare(&xhat, shape: x.shape)
    Tensor.prepare(&output, shape: x.shape)
    invstd = [Double](repeating: 0, count: n)
    for i in 0..<n {
      invstd[i] = Normalization.normalize(x.storage.pointer + i * d, xhat.storage.pointer + i * d,
                                          count: d, stride: 1, epsilon: Double(epsilon)).invstd
    }
    affine(rows: n)
    return output
  }

  public func backward(_ gradOutput: Tensor, accumulate: Bool) throws -> Tensor {
    try normalizedBackward(gradOutput, accumulate: accumulate, perFeature: false)
  }

  public var config: [String: Any] { ["epsilon": Double(epsilon), "center": center, "scale": scale] }
}

extension NormalizationLayer {
  /// Takes `other`'s scale and shift (the same weight objects), for a shared layer.
  func shareAffine(of other: NormalizationLayer) {
    features = other.features
    outputShape = other.outputShape
    gamma = other.gamma
    beta = other.beta
  }
}

extension BatchNormalization {
  /// The same normalisation on the same weights and moving statistics, with buffers of its own.
  public func twin() throws -> Layer {
    let t = BatchNormalization(momentum: momentum, epsilon: epsilon, center: center, scale: scale, name: name)
    t.shareAffine(of: self)
    t.movingMean = movingMean
    t.movingVariance = movingVariance
    return t
  }
}

extension LayerNormalization {
  /// The same normalisation on the same weights, with buffers of its own.
  public func twin() throws -> Layer {
    let t = LayerNormalization(epsilon: epsilon, center: center, scale: scale, name: name)
    t.shareAffine(of: self)
    return t
  }
}
