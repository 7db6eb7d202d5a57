/// What a layer with a kernel and a bias is given beyond its shape: Keras's
/// `kernel_regularizer`, `bias_regularizer`, `activity_regularizer`, `kernel_constraint` and
/// `bias_constraint`. A layer that takes them conforms to ``Regularized``.
public struct WeightRules: Sendable, Equatable {
  public var kernelRegularizer: Regularizer?
  public var biasRegularizer: Regularizer?
  public var activityRegularizer: Regularizer?
  public var kernelConstraint: Constraint?
  public var biasConstraint: Constraint?

  public init(kernelRegularizer: Regularizer? = nil, biasRegularizer: Regularizer? = nil, activityRegularizer: Regularizer? = nil,
              kernelConstraint: Constraint? = nil, biasConstraint: Constraint? = nil) {
    self.kernelRegularizer = kernelRegularizer
    self.biasRegularizer = biasRegularizer
    self.activityRegularizer = activityRegularizer
    self.kernelConstraint = kernelConstraint
    self.biasConstraint = biasConstraint
  }

  public var isEmpty: Bool { self == WeightRules() }

  /// The options that rebuild them (only those given), for a layer's config.
  public var config: [String: Any] { config(weight: "kernel") }

  /// The same, with the kernel's options named after `weight` (an embedding's `embeddings`).
  public func config(weight: String) -> [String: Any] {
    var c: [String: Any] = [:]
    if let r = kernelRegularizer { c["\(weight)_regularizer"] = r.config }
    if let r = biasRegularizer { c["bias_regularizer"] = r.config }
    if let r = activityRegularizer { c["activity_regularizer"] = r.config }
    if let k = kernelConstraint { c["\(weight)_constraint"] = k.config }
    if let k = biasConstraint { c["bias_constraint"] = k.config }
    return c
  }
}

/// A layer whose kernel and bias take regularizers and constraints, and whose output may carry
/// an activity penalty. A layer opts in with its rules, its two weights and its activity penalty
/// (``ActivityPenalty``, recorded in forward and added to the gradient in backward).
public protocol Regularized: Layer {
  var rules: WeightRules { get }
  /// The weight the kernel rules apply to (nil until built).
  var ruledKernel: Weight? { get }
  /// The weight the bias rules apply to (nil until built, or without a bias).
  var ruledBias: Weight? { get }
  /// The activity penalty of the last forward pass (0 without an activity regularizer).
  var activityPenalty: Double { get }
}

extension Regularized {
  /// The weights with their regularizer and constraint.
  var ruledWeights: [(weight: Weight, regularizer: Regularizer?, constraint: Constraint?)] {
    var out: [(weight: Weight, regularizer: Regularizer?, constraint: Constraint?)] = []
    if let k = ruledKernel { out.append((k, rules.kernelRegularizer, rules.kernelConstraint)) }
    if let b = ruledBias { out.append((b, rules.biasRegularizer, rules.biasConstraint)) }
    return out
  }
}
