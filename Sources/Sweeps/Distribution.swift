import Foundation

/// The values one parameter of a search space ranges over. Written and read as text
/// (`loguniform(0.0001, 0.1)`, `int(16, 512, 16)`, `choice("adam", "sgd")`): the form
/// `--space` takes on the command line and a study keeps in its store.
public enum Distribution: Hashable, Sendable, CustomStringConvertible {
  /// Every number in [low, high]; with a step, only low, low + step, ... up to high.
  case uniform(low: Double, high: Double, step: Double?)
  /// Numbers in [low, high] (low > 0), uniform in their logarithm.
  case logUniform(low: Double, high: Double)
  /// Integers low, low + step, ... up to high; with `log`, uniform in the logarithm (step 1).
  case integer(low: Int, high: Int, step: Int, log: Bool)
  /// One of the options.
  case choice([SweepValue])

  /// Checks the distribution can be sampled; the error names `name` and what was expected.
  public func validate(name: String) throws {
    func fail(_ what: String) -> SweepError { SweepError("sweep parameter '\(name)': \(what)") }
    switch self {
    case .uniform(let low, let high, let step):
      guard low.isFinite, high.isFinite else { throw fail("the range must be finite numbers, got [\(low), \(high)]") }
      guard low < high else { throw fail("the range [\(low), \(high)] is \(low == high ? "empty" : "inverted"): low must be below high") }
      if let step {
        guard step.isFinite, step > 0 else { throw fail("step must be a positive number, got \(step)") }
        guard step <= high - low else { throw fail("step \(step) is wider than the range [\(low), \(high)]") }
      }
    case .logUniform(let low, let high):
      guard low.isFinite, high.isFinite else { throw fail("the range must be finite numbers, got [\(low), \(high)]") }
      guard low > 0 else { throw fail("a log range must be above 0, got [\(low), \(high)]") }
      guard low < high else { throw fail("the range [\(low), \(high)] is \(low == high ? "empty" : "inverted"): low must be below high") }
    case .integer(let low, let high, let step, let log):
      guard low <= high else { throw fail("the range [\(low), \(high)] is inverted: low must not be above high") }
      guard step >= 1 else { throw fail("step must be a positive integer, got \(step)") }
      if log {
        guard low >= 1 else { throw fail("a log range must be above 0, got [\(low), \(high)]") }
        guard step == 1 else { throw fail("a log range takes no step, got step \(step)") }
      }
    case .choice(let options):
      guard !options.isEmpty else { throw fail("a choice needs at least one option") }
      var seen = Set<SweepValue>()
      for o in options where !seen.insert(o).inserted { throw fail("the option \(o) is listed twice") }
    }
  }

  /// The number of values, when finite (integers, stepped ranges, choices).
  public var count: Int? {
    switch self {
    case .uniform(let low, let high, let step?): return Int(((high - low) / step + 1e-9).rounded(.down)) + 1
    case .uniform, .logUniform: return nil
    case .integer(let low, let high, let step, _): return (high - low) / step + 1
    case .choice(let options): return options.count
    }
  }

  /// The value in internal form: the number itself, or the option's index; nil when the value
  /// is not one the distribution can take.
  public func `internal`(_ value: SweepValue) -> Double? {
    switch self {
    case .uniform(let low, let high, _), .logUniform(let low, let high):
      guard let d = value.double, d >= low, d <= high else { return nil }
      return d
    case .integer(let low, let high, _, _):
      guard case .integer(let i) = value, i >= low, i <= high else { return nil }
      return Double(i)
    case .choice(let options):
      return options.firstIndex(of: value).map(Double.init)
    }
  }

  /// The value an internal number stands for: clamped into the range, snapped to the step,
  /// rounded to an integer or an option's index.
  public func external(_ x: Double) -> SweepValue {
    switch self {
    case .uniform(let low, let high, let step):
      var v = min(max(x, low), high)
      if let step {
        let k = ((v - low) / step).rounded()
        v = min(low + k * step, high)
      }
      return .number(v)
    case .logUniform(let low, let high):
      return .number(min(max(x, low), high))
    case .integer(let low, let high, let step, _):
      let k = ((min(max(x, Double(low)), Double(high)) - Double(low)) / Double(step)).rounded()
      return .integer(min(low + Int(k) * step, high))
    case .choice(let options):
      let i = Int(min(max(x.rounded(), 0), Double(options.count - 1)))
      return options[i]
    }
  }

  public var description: String {
    func n(_ d: Double) -> String { SweepValue.number(d).description }
    switch self {
    case .uniform(let low, let high, nil): return "uniform(\(n(low)), \(n(high)))"
    case .uniform(let low, let high, let step?): return "uniform(\(n(low)), \(n(high)), \(n(step)))"
    case .logUniform(let low, let high): return "loguniform(\(n(low)), \(n(high)))"
    case .integer(let low, let high, _, true): return "logint(\(low), \(high))"
    case .integer(let low, let high, 1, false): return "int(\(low), \(high))"
    case .integer(let low, let high, let step, false): return "int(\(low), \(high), \(step))"
    case .choice(let options): return "choice(" + options.map(\.description).joined(separator: ", ") + ")"
    }
  }

  /// Reads the text form: `uniform(a, b[, step])`, `loguniform(a, b)`, `int(a, b[, step])`,
  /// `logint(a, b)`, `choice(v, ...)` with Lua literals as options. The error says what was
  /// expected; the distribution is not validated (call `validate`).
  public init(parsing text: String) throws {
    var reader = LiteralReader(text)
    let name = reader.word()
    guard reader.take("(") else {
      throw SweepError("'\(text)': expected a distribution such as uniform(0, 1), loguniform(1e-4, 0.1), int(16, 512), logint(8, 1024) or choice(\"adam\", \"sgd\")")
    }
    var args: [SweepValue] = []
    if !reader.take(")") {
      repeat { args.append(try reader.literal()) } while reader.take(",")
      guard reader.take(")") else { throw SweepError("'\(text)': expected ',' or ')' at position \(reader.position + 1)") }
    }
    guard reader.atEnd else { throw SweepError("'\(text)': unexpected text after ')' at position \(reader.position + 1)") }
    func numbers(_ allowed: ClosedRange<Int>) throws -> [Double] {
      guard allowed.contains(args.count) else {
        throw SweepError("'\(text)': \(name) takes \(allowed.lowerBound == allowed.upperBound ? "\(allowed.lowerBound)" : "\(allowed.lowerBound) or \(allowed.upperBound)") numbers, got \(args.count)")
      }
      return try args.map {
        guard let d = $0.double else { throw SweepError("'\(text)': \(name) takes numbers, got \($0)") }
        return d
      }
    }
    func integers(_ allowed: ClosedRange<Int>) throws -> [Int] {
      try numbers(allowed).map {
        guard $0 == $0.rounded(), abs($0) < 9e15 else { throw SweepError("'\(text)': \(name) takes integers, got \($0)") }
        return Int($0)
      }
    }
    switch name {
    case "uniform":
      let a = try numbers(2...3)
      self = .uniform(low: a[0], high: a[1], step: a.count == 3 ? a[2] : nil)
    case "loguniform":
      let a = try numbers(2...2)
      self = .logUniform(low: a[0], high: a[1])
    case "int":
      let a = try integers(2...3)
      self = .integer(low: a[0], high: a[1], step: a.count == 3 ? a[2] : 1, log: false)
    case "logint":
      let a = try integers(2...2)
      self = .integer(low: a[0], high: a[1], step: 1, log: true)
    case "choice":
      self = .choice(args)
    default:
      let names = ["uniform", "loguniform", "int", "logint", "choice"]
      let hint = names.first { $0.hasPrefix(name.lowercased()) || name.lowercased().hasPrefix($0) }.map { " (did you mean '\($0)'?)" } ?? ""
      throw SweepError("'\(text)': unknown distribution '\(name)'\(hint); distributions are: \(names.joined(separator: ", "))")
    }
  }
}
