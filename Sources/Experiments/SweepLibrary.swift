import Catalog
import Sweeps

/// `sweep.uniform`, `sweep.loguniform`, `sweep.int` and `sweep.choice`: the distributions
/// `ex:sweep{...}` takes. Each is checked where it is written (an empty or inverted range, a
/// log range touching 0, a choice without options).
public enum SweepLibrary {
  public static let summary = "Sweeps: the distributions of a search space for `ex:sweep{lr = sweep.loguniform(1e-4, 1e-1), ...}`, which `crescent sweep` searches."

  static let whenDoc = "the condition under which the parameter is active: {optimizer = \"sgd\"}, or a list of values {optimizer = {\"sgd\", \"rmsprop\"}}; the parameter named must be a sweep.choice of the same sweep"

  /// A checked distribution with the condition `when` gives.
  static func make(_ d: Distribution, when: Value?) throws -> [Value] {
    // The parameter's key is not known here: the message says what is wrong with the range.
    do { try d.validate(name: "") } catch let e as SweepError {
      throw CatalogError(e.message.replacingOccurrences(of: "sweep parameter '': ", with: ""))
    }
    return [.object(SweepDistribution(d, condition: try condition(when)))]
  }

  /// `{key = value}` or `{key = {value, ...}}`: one parameter, the values it may take.
  static func condition(_ when: Value?) throws -> SweepParameter.Condition? {
    guard let when else { return nil }
    guard case .table(let pairs) = when, pairs.count == 1 else {
      throw CatalogError("option 'when' expects one parameter and its value, such as {optimizer = \"sgd\"}, got \(when.summary)")
    }
    let (key, value) = pairs[0]
    let values: [Value]
    if case .list(let items) = value { values = items } else { values = [value] }
    guard !values.isEmpty else { throw CatalogError("option 'when': '\(key)' is given no value") }
    return SweepParameter.Condition(key: key, values: try values.map { v in
      guard let s = SweepValue(v) else {
        throw CatalogError("option 'when': '\(key)' must be compared with a boolean, number or string (or a list of them), got \(v.summary)")
      }
      return s
    })
  }

  public static var entries: [Entry] {
    [
      Entry(module: "sweep", name: "uniform", summary: "Every number in [low, high] equally likely; with step, only low, low + step, ... up to high.",
            returns: [Returned(.object(SweepDistribution.typeName), "the distribution")]) { d in
        let low = d.parameter("low", Double.self, "the smallest value")
        let high = d.parameter("high", Double.self, "the largest value (above low)")
        let step = d.option("step", Double.self, "the spacing of the values (positive, at most high - low)")
        let when = d.option("when", Value.self, whenDoc, as: .record)
        return { a in try make(.uniform(low: try a[low], high: try a[high], step: try a[step]), when: try a[when]) }
      },
      Entry(module: "sweep", name: "loguniform", summary: "Numbers in [low, high], uniform in their logarithm (learning rates, weight decay); low must be above 0.",
            returns: [Returned(.object(SweepDistribution.typeName), "the distribution")]) { d in
        let low = d.parameter("low", Double.self, "the smallest value (above 0)")
        let high = d.parameter("high", Double.self, "the largest value (above low)")
        let when = d.option("when", Value.self, whenDoc, as: .record)
        return { a in try make(.logUniform(low: try a[low], high: try a[high]), when: try a[when]) }
      },
      Entry(module: "sweep", name: "int", summary: "Integers low, low + step, ... up to high; with log = true, uniform in the logarithm (widths, batch sizes; low at least 1, no step).",
            returns: [Returned(.object(SweepDistribution.typeName), "the distribution")]) { d in
        let low = d.parameter("low", Int.self, "the smallest value")
        let high = d.parameter("high", Int.self, "the largest value (not below low)")
        let step = d.option("step", Int.self, "the spacing of the values", as: .positiveInteger)
        let log = d.option("log", Bool.self, "uniform in the logarithm", default: false)
        let when = d.option("when", Value.self, whenDoc, as: .record)
        return { a in
          let s = try a[step]
          if try a[log], let s { throw CatalogError("option 'step' (\(s)) cannot go with log = true: a log range takes no step") }
          return try make(.integer(low: try a[low], high: try a[high], step: s ?? 1, log: try a[log]), when: try a[when])
        }
      },
      Entry(module: "sweep", name: "choice", summary: "One of the options, each equally likely: `sweep.choice{128, 256, 512}`; options are booleans, numbers, strings or lists of those.",
            returns: [Returned(.object(SweepDistribution.typeName), "the distribution")]) { d in
        let options = d.variadic("options", Value.self, "the options, in a table: {\"adam\", \"sgd\"}, {{512, 256}, {128}}", as: .any)
        let when = d.option("when", Value.self, whenDoc, as: .record)
        return { a in
          let values = try a[options].enumerated().map { i, v in
            guard let s = SweepValue(v) else {
              throw CatalogError("option \(i + 1) must be a boolean, number or string, or a list of them, got \(v.summary)")
            }
            return s
          }
          return try make(.choice(values), when: try a[when])
        }
      },
      Entry(module: "sweep", name: "tostring", summary: "`Distribution(loguniform(0.0001, 0.1))`.", returns: [Returned(.string, "text")],
            methodOf: SweepDistribution.typeName, metamethod: "__tostring") { d in
        let dist = d.object("distribution", SweepDistribution.self, "the distribution")
        return { a in [.string("Distribution(\(try a[dist].text))")] }
      },
    ]
  }
}
