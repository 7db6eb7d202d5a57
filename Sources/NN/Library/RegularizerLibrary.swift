import Catalog
import Tensors

/// A regularizer as scripts hold it (`regularizers.l2(0.01)`).
public final class RegularizerObject: CatalogObject {
  public static let typeName = "Regularizer"
  public let regularizer: Regularizer
  public init(_ regularizer: Regularizer) { self.regularizer = regularizer }
  public static var properties: [Property] {
    [Property("l1", .number, "the L1 factor"), Property("l2", .number, "the L2 factor")]
  }
  public func property(_ name: String) -> Value? {
    switch name {
    case "l1": return .number(regularizer.l1)
    case "l2": return .number(regularizer.l2)
    default: return nil
    }
  }
}

/// A constraint as scripts hold it (`constraints.max_norm(2)`).
public final class ConstraintObject: CatalogObject {
  public static let typeName = "Constraint"
  public let constraint: Constraint
  public init(_ constraint: Constraint) { self.constraint = constraint }
  public static var properties: [Property] { [Property("name", .string, "max_norm, unit_norm or non_neg")] }
  public func property(_ name: String) -> Value? { name == "name" ? .string(constraint.name) : nil }
}

/// The `regularizers` and `constraints` modules, and the options layers take them by.
enum RegularizerLibrary {
  static let keras = 0.01

  static var regularizerEntries: [Entry] {
    [
      Entry(module: "regularizers", name: "l1", summary: "The penalty l1 · Σ|w| (Keras's L1).",
            returns: [Returned(.object("Regularizer"), "the regularizer")]) { d in
        let l1 = d.parameter("l1", Double.self, "the factor", as: .numberAtLeast(0), default: keras)
        return { a in [.object(RegularizerObject(Regularizer(l1: try a[l1])))] }
      },
      Entry(module: "regularizers", name: "l2", summary: "The penalty l2 · Σw² (Keras's L2: no factor 1/2).",
            returns: [Returned(.object("Regularizer"), "the regularizer")]) { d in
        let l2 = d.parameter("l2", Double.self, "the factor", as: .numberAtLeast(0), default: keras)
        return { a in [.object(RegularizerObject(Regularizer(l2: try a[l2])))] }
      },
      Entry(module: "regularizers", name: "l1_l2", summary: "The penalty l1 · Σ|w| + l2 · Σw² (Keras 3's L1L2): `regularizers.l1_l2{l1 = 0.01, l2 = 0.01}`.",
            returns: [Returned(.object("Regularizer"), "the regularizer")]) { d in
        let l1 = d.option("l1", Double.self, "the L1 factor", as: .numberAtLeast(0), default: 0)
        let l2 = d.option("l2", Double.self, "the L2 factor", as: .numberAtLeast(0), default: 0)
        return { a in [.object(RegularizerObject(Regularizer(l1: try a[l1], l2: try a[l2])))] }
      },
    ]
  }

  static var constraintEntries: [Entry] {
    [
      Entry(module: "constraints", name: "max_norm", summary: "After each step, rescales each slice whose L2 norm over axis exceeds max_value (axis 0 on a Dense kernel: each unit's incoming weights).",
            returns: [Returned(.object("Constraint"), "the constraint")]) { d in
        let m = d.parameter("max_value", Double.self, "the largest norm", as: .numberAbove(0), default: 2)
        let axis = d.option("axis", Value.self, "the axis (or list of axes) the norm is taken over", as: .either(.nonNegativeInteger, .list(.nonNegativeInteger)), default: .integer(0))
        return { a in [.object(ConstraintObject(.maxNorm(try a[m], axes: try axes(a[axis]))))] }
      },
      Entry(module: "constraints", name: "unit_norm", summary: "After each step, divides each slice by its L2 norm over axis.",
            returns: [Returned(.object("Constraint"), "the constraint")]) { d in
        let axis = d.option("axis", Value.self, "the axis (or list of axes) the norm is taken over", as: .either(.nonNegativeInteger, .list(.nonNegativeInteger)), default: .integer(0))
        return { a in [.object(ConstraintObject(.unitNorm(axes: try axes(a[axis]))))] }
      },
      Entry(module: "constraints", name: "non_neg", summary: "After each step, sets negative weights to zero.",
            returns: [Returned(.object("Constraint"), "the constraint")]) { _ in
        { _ in [.object(ConstraintObject(.nonNeg))] }
      },
    ]
  }

  static func axes(_ v: Value) throws -> [Int] {
    switch v {
    case .integer(let i) where i >= 0: return [i]
    case .number(let d) where d >= 0 && d == d.rounded(): return [Int(d)]
    case .list(let items): return try items.flatMap { try axes($0) }
    default: throw CatalogError("option 'axis' expects a non-negative integer or a list of them, got \(v.summary)")
    }
  }

  /// A regularizer option's value: a name ("l1", "l2": factor 0.01; "l1_l2": both 0), an object
  /// from `regularizers`, or a table `{l1 =, l2 =}` (how a model file keeps it).
  static func regularizer(_ v: Value?, _ option: String) throws -> Regularizer? {
    guard let v else { return nil }
    switch v {
    case .none: return nil
    case .string("l1"): return Regularizer(l1: keras)
    case .string("l2"): return Regularizer(l2: keras)
    case .string("l1_l2"): return Regularizer()
    case .object(let o as RegularizerObject): return o.regularizer
    case .table(let fields):
      var r = Regularizer()
      for (k, value) in fields {
        guard let x = Double(scriptValue: value), x >= 0 else {
          throw CatalogError("option '\(option)': field '\(k)' expects a number >= 0, got \(value.summary)")
        }
        switch k {
        case "l1": r.l1 = x
        case "l2": r.l2 = x
        default: throw CatalogError("option '\(option)': unknown field '\(k)' (expected l1, l2)")
        }
      }
      return r
    default:
      throw CatalogError("option '\(option)' expects \"l1\", \"l2\", \"l1_l2\", regularizers.l1(...)/l2(...)/l1_l2{...} or {l1 =, l2 =}, got \(v.summary)")
    }
  }

  /// A constraint option's value: a name ("max_norm": 2 over axis 0, "unit_norm", "non_neg"),
  /// an object from `constraints`, or a table `{name =, max_value =, axis =}` (a model file's).
  static func constraint(_ v: Value?, _ option: String) throws -> Constraint? {
    guard let v else { return nil }
    switch v {
    case .none: return nil
    case .string("max_norm"): return .maxNorm(2, axes: [0])
    case .string("unit_norm"): return .unitNorm(axes: [0])
    case .string("non_neg"): return .nonNeg
    case .object(let o as ConstraintObject): return o.constraint
    case .table:
      let known = ["name", "max_value", "axis"]
      if case .table(let fields) = v, let bad = fields.first(where: { !known.contains($0.key) }) {
        throw CatalogError("option '\(option)': unknown field '\(bad.key)' (expected \(known.joined(separator: ", ")))")
      }
      let axesValue = v["axis"].map { try? axes($0) } ?? [0]
      guard let ax = axesValue else { throw CatalogError("option '\(option)': field 'axis' expects a non-negative integer or a list of them") }
      switch v["name"] {
      case .string("max_norm")?:
        guard let m = v["max_value"].flatMap({ Double(scriptValue: $0) }) ?? .some(2), m > 0 else {
          throw CatalogError("option '\(option)': field 'max_value' expects a number > 0")
        }
        return .maxNorm(m, axes: ax)
      case .string("unit_norm")?: return .unitNorm(axes: ax)
      case .string("non_neg")?: return .nonNeg
      default: throw CatalogError("option '\(option)': field 'name' expects \"max_norm\", \"unit_norm\" or \"non_neg\"")
      }
    default:
      throw CatalogError("option '\(option)' expects \"max_norm\", \"unit_norm\", \"non_neg\", a constraints.* object or {name =, ...}, got \(v.summary)")
    }
  }
}

/// The regularizer and constraint options a layer with a kernel and a bias declares: one line
/// in its entry's declaration (`let rules = WeightRuleOptions(d)`) and one in its body
/// (`try rules.read(a)`). A layer with one weight of another name (an embedding's table) names
/// it and declares no bias options: `WeightRuleOptions(d, weight: "embeddings", bias: false)`.
struct WeightRuleOptions {
  static let regularizerType = ValueType.either(.oneOf(["l1", "l2", "l1_l2"]), .either(.object("Regularizer"), .record))
  static let constraintType = ValueType.either(.oneOf(["max_norm", "unit_norm", "non_neg"]), .either(.object("Constraint"), .record))
  let weight: String
  let kernelRegularizer, activityRegularizer, kernelConstraint: Arg<Value?>
  let biasRegularizer, biasConstraint: Arg<Value?>?

  init(_ d: Declarer, weight: String = "kernel", bias: Bool = true) {
    self.weight = weight
    kernelRegularizer = d.option("\(weight)_regularizer", Value.self, "penalty on the \(weight) added to the loss: \"l1\", \"l2\" (0.01), regularizers.l1_l2{...}", as: Self.regularizerType)
    biasRegularizer = bias ? d.option("bias_regularizer", Value.self, "penalty on the bias", as: Self.regularizerType) : nil
    activityRegularizer = d.option("activity_regularizer", Value.self, "penalty on the layer's output, summed over the batch (Keras 3)", as: Self.regularizerType)
    kernelConstraint = d.option("\(weight)_constraint", Value.self, "projection of the \(weight) after each step: constraints.max_norm(2), \"non_neg\", \"unit_norm\"", as: Self.constraintType)
    biasConstraint = bias ? d.option("bias_constraint", Value.self, "projection of the bias after each step", as: Self.constraintType) : nil
  }

  func read(_ a: Arguments) throws -> WeightRules {
    WeightRules(kernelRegularizer: try RegularizerLibrary.regularizer(a[kernelRegularizer], "\(weight)_regularizer"),
                biasRegularizer: try biasRegularizer.map { try RegularizerLibrary.regularizer(a[$0], "bias_regularizer") } ?? nil,
                activityRegularizer: try RegularizerLibrary.regularizer(a[activityRegularizer], "activity_regularizer"),
                kernelConstraint: try RegularizerLibrary.constraint(a[kernelConstraint], "\(weight)_constraint"),
                biasConstraint: try biasConstraint.map { try RegularizerLibrary.constraint(a[$0], "bias_constraint") } ?? nil)
  }
}
