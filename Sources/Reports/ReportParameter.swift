import Charts

/// A parameter a study searched over: the config key and the values it ranged over.
public struct ReportParameter: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    /// Numbers in `low...high` on a linear axis (whole numbers, with `integer`).
    case numeric(low: Double, high: Double, integer: Bool)
    /// Positive numbers in `low...high`, searched and drawn in their logarithm.
    case log(low: Double, high: Double, integer: Bool)
    /// One of the options, as text (`"adam"`, `128`); a trial's value is the option's index.
    case categorical([String])
  }

  /// The config key (`mlp.lr`).
  public var name: String
  public var kind: Kind
  /// The distribution as the study writes it (`loguniform(0.0001, 0.1)`), for the search
  /// space's table; nil to describe it from `kind`.
  public var text: String?

  public init(name: String, kind: Kind, text: String? = nil) {
    self.name = name; self.kind = kind; self.text = text
  }

  /// The distribution in words, for the search space's table.
  public var summary: String {
    if let text { return text }
    func n(_ v: Double) -> String { NumberText.significant(v, digits: 6) }
    switch kind {
    case .numeric(let low, let high, let integer): return "\(integer ? "integers" : "numbers") in [\(n(low)), \(n(high))]"
    case .log(let low, let high, let integer): return "\(integer ? "integers" : "numbers") in [\(n(low)), \(n(high))], log scale"
    case .categorical(let options): return "one of " + options.joined(separator: ", ")
    }
  }

  /// A trial's value as text: the option, a whole number for integer parameters, else four
  /// significant digits (every digit, with `exact`: the value the trial ran with).
  public func text(of value: Double, exact: Bool = false) -> String {
    switch kind {
    case .categorical(let options):
      if let i = index(value, count: options.count) { return options[i] }
    case .numeric(_, _, true), .log(_, _, true):
      if value.isFinite, abs(value) < 9e15, value == value.rounded() { return String(Int(value)) }
    case .numeric, .log: break
    }
    return exact && value.isFinite ? "\(value)" : NumberText.significant(value, digits: 4)
  }

  /// The option index `value` stands for, when it is one.
  func index(_ value: Double, count: Int) -> Int? {
    value.isFinite && value >= 0 && value < Double(count) && value == value.rounded() ? Int(value) : nil
  }
}
