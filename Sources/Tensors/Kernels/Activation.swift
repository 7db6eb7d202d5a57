import CKernels

/// The activation functions of dense layers; raw values are the names users write.
///
/// Definitions follow PyTorch: `gelu` is the exact erf form `x * Φ(x)`; `elu` is
/// `x > 0 ? x : alpha * (exp(x) - 1)` (alpha 1 by default); `leaky_relu` has slope 0.01 by
/// default; `softplus` is `log(1 + exp(x))`, returning `x` above 20; `silu` is `x * sigmoid(x)`
/// (also called by its other name, `swish`); `selu` is `scale * elu(x, alpha)` with Klambauer et
/// al.'s constants (alpha 1.6732632, scale 1.0507010); `mish` is `x * tanh(softplus(x))`;
/// `hard_sigmoid` is Keras 3's (and PyTorch's `hardsigmoid`) `relu6(x + 3) / 6`, not Keras 2's
/// `clip(0.2 x + 0.5, 0, 1)`; `relu6` is `min(max(x, 0), 6)`; `exponential` is `exp(x)`.
/// `relu'(0) = 0`, and the clipped ones have gradient 0 at their corners (as PyTorch);
/// `softmax` is taken over each row.
///
/// What ``Elementwise/activationBackward(_:alpha:z:y:dy:dz:rows:cols:threads:isa:)`` needs:
/// - `z` (pre-activation) required: `gelu`, `silu`, `mish`, `hard_sigmoid`, and `softplus` (or
///   `y`, less accurately).
/// - `y` (output) required: `softmax`.
/// - either: `linear`, `relu`, `relu6`, `leaky_relu`, `elu` and `selu` (z preferred), `sigmoid`,
///   `tanh`, `exponential` (y preferred, cheaper).
public enum Activation: String, CaseIterable, Sendable {
  case linear, relu, leaky_relu = "leaky_relu", elu, gelu, sigmoid, tanh, softmax, softplus, silu
  case selu, mish, hard_sigmoid = "hard_sigmoid", relu6, exponential

  /// Other names scripts may write for an activation (Keras's aliases).
  public static let aliases: [String: Activation] = ["swish": .silu]

  /// The activation a script names, by its own name or an alias.
  public init?(name: String) {
    guard let a = Activation(rawValue: name) ?? Self.aliases[name] else { return nil }
    self = a
  }

  /// The default `alpha`: the negative slope of `leaky_relu` (0.01) and the scale of `elu` (1).
  public var defaultAlpha: Float {
    switch self {
    case .leaky_relu: return 0.01
    case .elu: return 1.0
    default: return 0
    }
  }

  /// What `alpha` is to it ("slope", "scale"); nil when it takes none.
  public var alphaRole: String? {
    switch self {
    case .leaky_relu: return "slope"
    case .elu: return "scale"
    default: return nil
    }
  }

  /// Whether the backward pass needs the pre-activation `z` (it cannot be derived from `y`).
  public var backwardNeedsZ: Bool { self == .gelu || self == .silu || self == .mish || self == .hard_sigmoid }
  /// Whether a layer keeps `z` for the backward pass: needed, or more accurate than `y`
  /// (elu, selu, softplus). The others run backward from `y` alone, exactly.
  public var backwardKeepsZ: Bool { backwardNeedsZ || self == .elu || self == .selu || self == .softplus }
  /// Whether the backward pass needs the output `y`.
  public var backwardNeedsY: Bool { self == .softmax }
  /// Whether the activation mixes a row's elements (only softmax).
  public var isRowwise: Bool { self == .softmax }

  /// Whether evaluating it costs a transcendental per element.
  var isTranscendental: Bool {
    switch self {
    case .linear, .relu, .leaky_relu, .relu6, .hard_sigmoid: return false
    default: return true
    }
  }

  var ck: ck_act {
    switch self {
    case .linear: return CK_ACT_LINEAR
    case .relu: return CK_ACT_RELU
    case .leaky_relu: return CK_ACT_LEAKY_RELU
    case .elu: return CK_ACT_ELU
    case .gelu: return CK_ACT_GELU
    case .sigmoid: return CK_ACT_SIGMOID
    case .tanh: return CK_ACT_TANH
    case .softmax: return CK_ACT_SOFTMAX
    case .softplus: return CK_ACT_SOFTPLUS
    case .silu: return CK_ACT_SWISH
    case .selu: return CK_ACT_SELU
    case .mish: return CK_ACT_MISH
    case .hard_sigmoid: return CK_ACT_HARD_SIGMOID
    case .relu6: return CK_ACT_RELU6
    case .exponential: return CK_ACT_EXPONENTIAL
    }
  }
}
