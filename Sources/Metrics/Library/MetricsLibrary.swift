import Catalog
import Tensors

/// The `metrics` module: exact multilabel metrics, curves, reports and threshold tuning.
public enum MetricsLibrary {
  public static var entries: [Entry] {
    scoreEntries + thresholdEntries + singleLabelEntries + [BalancedAccuracy.entry] + rankingEntries + curveEntries + reportEntries + tuningEntries
  }

  public static let summary = "Exact multilabel metrics (scikit-learn 1.9's definitions), curves, reports and threshold tuning."

  static let module = "metrics"

  static func entry(_ name: String, _ summary: String, returns: [Returned] = [], methodOf: String? = nil,
                    metamethod: String? = nil, details: String? = nil,
                    declare: (Declarer) -> @Sendable (Arguments) throws -> [Value]) -> Entry {
    Entry(module: module, name: name, summary: summary, returns: returns, methodOf: methodOf, metamethod: metamethod,
          details: details, declare: declare)
  }

  /// The truths `y` and scores `s` most entries take first.
  struct TruthAndScores {
    let y: Arg<Value>, s: Arg<Value>
    init(_ d: Declarer) {
      y = d.parameter(truthParameter, Value.self)
      s = d.parameter(scoreParameter, Value.self)
    }
    /// Both, their shapes checked against each other.
    func read(_ a: Arguments) throws -> (Truths, Scores) { try truthAndScores(try a[y], try a[s]) }
  }

  /// The truths `y` and predictions `p` the threshold metrics take first.
  struct TruthAndPredictions {
    let y: Arg<Value>, p: Arg<Value>
    init(_ d: Declarer) {
      y = d.parameter(truthParameter, Value.self)
      p = d.parameter(predictionParameter, Value.self)
    }
    /// Both, the predictions thresholded at `threshold` (a number or one per label).
    func read(_ a: Arguments, threshold: Arg<Value>) throws -> (Truths, Truths) {
      try truthAndPredictions(try a[y], try a[p], threshold: try a[threshold])
    }
  }

  // MARK: - Shared parameters

  static let matrixType = ValueType.either(.tensor, .list(.list(.number)))
  static let truthParameter = Parameter("y", matrixType, "truths, rows x labels, each 0 or 1")
  static let scoreParameter = Parameter("s", matrixType, "scores, rows x labels (probabilities, or 0/1 predictions)")
  static let predictionParameter = Parameter("p", matrixType, "0/1 predictions or scores (thresholded), rows x labels")

  static func averageOption(default d: String = "macro", samples: Bool = true) -> Parameter {
    Parameter("average", .oneOf(["micro", "macro", "weighted", "samples", "none"]),
              "micro pools every cell; macro is the mean over labels; weighted weighs labels by support; samples is the mean over rows; none gives one value per label",
              default: .string(d))
  }
  static let thresholdOption = Parameter("threshold", .either(.number, .list(.number)),
                                         "scores at or above it are predicted positive: one number, or one per label",
                                         default: .number(0.5))
  static let zeroDivisionOption = Parameter("zero_division", .numberIn(0, 1), "the value of 0/0 (a label or row with nothing predicted or nothing true)", default: .number(0))

  static let returnsNumberOrList = [Returned(.either(.number, .list(.number)), "the metric, or one value per label with average = \"none\" (NaN where scikit-learn gives NaN)")]

  // MARK: - Conversions

  /// A rows x labels matrix in float64 from a tensor (a vector is one label) or a table of rows.
  static func matrix(_ v: Value, _ name: String) throws -> Scores {
    switch v {
    case .tensor(let t):
      switch t.rank {
      case 2: return Scores(rows: t.shape[0], labels: t.shape[1], values: t.scalars.map(Double.init))
      case 1: return Scores(rows: t.shape[0], labels: 1, values: t.scalars.map(Double.init))
      default: throw CatalogError("argument '\(name)' must be a rows x labels matrix, got a \(describeShape(t.shape)) tensor")
      }
    case .list(let rows):
      let width = rows.first.map { row -> Int in if case .list(let r) = row { return r.count }; return 0 } ?? 0
      var values: [Double] = []
      values.reserveCapacity(rows.count * width)
      for (i, row) in rows.enumerated() {
        guard case .list(let cells) = row, cells.count == width else {
          throw CatalogError("argument '\(name)': row \(i + 1) has \(row.summary.replacingOccurrences(of: "a list of ", with: "")) values, row 1 has \(width)")
        }
        for c in cells {
          switch c {
          case .number(let d): values.append(d)
          case .integer(let k): values.append(Double(k))
          default: throw CatalogError("argument '\(name)': row \(i + 1) holds \(c.summary)")
          }
        }
      }
      return Scores(rows: rows.count, labels: width, values: values)
    default:
      throw CatalogError("argument '\(name)' expects \(matrixType.description)")
    }
  }

  static func truths(_ v: Value, _ name: String = "y") throws -> Truths {
    try Truths(checking: try matrix(v, name), name: "argument '\(name)'")
  }

  static func scores(_ v: Value, _ name: String = "s") throws -> Scores {
    let s = try matrix(v, name)
    try s.checkNoNaN(name: "argument '\(name)'")
    return s
  }

  /// A threshold option (one number, or one per label) as one value per label.
  static func thresholds(_ v: Value, labels: Int, option: String = "threshold") throws -> [Double] {
    switch v {
    case .number(let t): return Array(repeating: t, count: labels)
    case .list(let items):
      let ts = items.map { v -> Double in if case .number(let d) = v { return d }; return .nan }
      guard ts.count == labels else {
        throw CatalogError("'\(option)' has \(ts.count) thresholds for \(labels) labels")
      }
      return ts
    default: return Array(repeating: 0.5, count: labels)
    }
  }

  /// Truths and thresholded predictions, shapes checked.
  static func truthAndPredictions(_ yValue: Value, _ pValue: Value, threshold: Value) throws -> (Truths, Truths) {
    let y = try truths(yValue), p = try scores(pValue, "p")
    try checkPair(y, p, otherName: "p")
    return (y, p.thresholded(try thresholds(threshold, labels: y.labels)))
  }

  static func truthAndScores(_ yValue: Value, _ sValue: Value) throws -> (Truths, Scores) {
    let y = try truths(yValue), s = try scores(sValue)
    try checkPair(y, s, otherName: "s")
    return (y, s)
  }

  static func value(_ m: MetricValue) -> Value {
    switch m {
    case .scalar(let d): return .number(d)
    case .perLabel(let ds): return .list(ds.map { .number($0) })
    }
  }

  static func numbers(_ ds: [Double]) -> Value { .list(ds.map { .number($0) }) }
}

extension Average: ScriptEnum {}
extension ThresholdMetric: ScriptEnum {}
