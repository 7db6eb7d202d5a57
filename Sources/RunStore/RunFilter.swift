import Foundation

/// A `--filter` expression over runs: comparisons joined by `and` / `or` (and binds tighter),
/// with parentheses: `status=COMPLETED and val_f1_micro>0.6`. A key is a run column (id,
/// experiment, status, started, duration, seed; study and trial for a sweep's runs),
/// `config.<key>` (dotted into nested tables), or a series name (its last value). Values
/// compare as numbers when both sides are numbers, else as text; a run without the key does
/// not match.
public indirect enum RunFilter {
  case compare(key: String, op: Op, value: String)
  case and(RunFilter, RunFilter)
  case or(RunFilter, RunFilter)

  public enum Op: String, CaseIterable { case eq = "=", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">=" }

  public static func parse(_ text: String) throws -> RunFilter {
    var p = FilterParser(text)
    let f = try p.expression()
    guard p.atEnd else { throw StoreError("--filter '\(text)': unexpected '\(p.rest)' (join comparisons with 'and' or 'or')") }
    return f
  }

  /// Whether `run` matches; `config` is its flattened config (read only when a key needs it).
  public func matches(_ run: RunRecord, config: () -> [(key: String, value: FlatJSON.Leaf)]) -> Bool {
    switch self {
    case .and(let a, let b): return a.matches(run, config: config) && b.matches(run, config: config)
    case .or(let a, let b): return a.matches(run, config: config) || b.matches(run, config: config)
    case .compare(let key, let op, let value):
      guard let actual = RunFilter.lookup(key, in: run, config: config) else { return false }
      return RunFilter.compare(actual, op, value)
    }
  }

  /// Whether any key of the filter reads the config.
  public var readsConfig: Bool {
    switch self {
    case .and(let a, let b), .or(let a, let b): return a.readsConfig || b.readsConfig
    case .compare(let key, _, _): return key.hasPrefix("config.")
    }
  }

  /// The value of `key` for a run, as text (numbers as their shortest text), or nil.
  public static func lookup(_ key: String, in run: RunRecord, config: () -> [(key: String, value: FlatJSON.Leaf)]) -> String? {
    switch key {
    case "id": return run.id
    case "experiment": return run.experiment
    case "status": return run.status.rawValue
    case "started", "start": return RunTable.timestamp(run.started)
    case "duration": return "\(run.duration)"
    case "seed": return run.seed.map { String($0) }
    case "study": return run.study
    case "trial": return run.trial.map { String($0) }
    default:
      if key.hasPrefix("config.") {
        let k = String(key.dropFirst("config.".count))
        return config().first { $0.key == k }?.value.text
      }
      return run.lastValue(key).map { "\($0)" }
    }
  }

  static func compare(_ actual: String, _ op: Op, _ expected: String) -> Bool {
    if let a = Double(actual), let b = Double(expected) {
      switch op {
      case .eq: return a == b
      case .ne: return a != b
      case .lt: return a < b
      case .le: return a <= b
      case .gt: return a > b
      case .ge: return a >= b
      }
    }
    switch op {
    case .eq: return actual == expected
    case .ne: return actual != expected
    case .lt: return actual < expected
    case .le: return actual <= expected
    case .gt: return actual > expected
    case .ge: return actual >= expected
    }
  }
}

struct FilterParser {
  let text: String
  var tokens: [String] = []
  var i = 0

  init(_ text: String) {
    self.text = text
    var out: [String] = []
    var cur = ""
    var quote: Character?
    func flush() { if !cur.isEmpty { out.append(cur); cur = "" } }
    var chars = Array(text)
    chars.append(" ")
    var k = 0
    while k < chars.count {
      let c = chars[k]
      if let q = quote {
        if c == q { quote = nil; out.append("\u{1}" + cur); cur = "" } else { cur.append(c) }
      } else if c == "'" || c == "\"" {
        flush(); quote = c
      } else if c.isWhitespace {
        flush()
      } else if c == "(" || c == ")" {
        flush(); out.append(String(c))
      } else if "=<>!".contains(c) {
        flush()
        if k + 1 < chars.count, chars[k + 1] == "=" { out.append(String(c) + "="); k += 1 } else { out.append(String(c)) }
      } else {
        cur.append(c)
      }
      k += 1
    }
    tokens = out
  }

  var atEnd: Bool { i >= tokens.count }
  var rest: String { tokens[i...].joined(separator: " ").replacingOccurrences(of: "\u{1}", with: "") }

  mutating func expression() throws -> RunFilter {
    var left = try conjunction()
    while !atEnd, tokens[i].lowercased() == "or" { i += 1; left = .or(left, try conjunction()) }
    return left
  }

  mutating func conjunction() throws -> RunFilter {
    var left = try comparison()
    while !atEnd, tokens[i].lowercased() == "and" { i += 1; left = .and(left, try comparison()) }
    return left
  }

  mutating func comparison() throws -> RunFilter {
    guard !atEnd else { throw StoreError("--filter '\(text)': a comparison is missing at the end (key=value, key>number, ...)") }
    if tokens[i] == "(" {
      i += 1
      let inner = try expression()
      guard !atEnd, tokens[i] == ")" else { throw StoreError("--filter '\(text)': a '(' is not closed") }
      i += 1
      return inner
    }
    let key = tokens[i]
    guard !key.hasPrefix("\u{1}"), RunFilter.Op(rawValue: key) == nil, key != ")" else {
      throw StoreError("--filter '\(text)': expected a key before '\(key.replacingOccurrences(of: "\u{1}", with: ""))'")
    }
    i += 1
    guard !atEnd, let op = RunFilter.Op(rawValue: tokens[i]) else {
      throw StoreError("--filter '\(text)': '\(key)' must be followed by one of = != < <= > >=")
    }
    i += 1
    guard !atEnd, tokens[i] != "(", tokens[i] != ")" else { throw StoreError("--filter '\(text)': '\(key)\(op.rawValue)' needs a value") }
    let value = tokens[i].hasPrefix("\u{1}") ? String(tokens[i].dropFirst()) : tokens[i]
    i += 1
    return .compare(key: key, op: op, value: value)
  }
}
