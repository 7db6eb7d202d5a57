import Sweeps

/// Reads a search space back from its text form (`SearchSpace.description`): one parameter a
/// line, `key=distribution` with an optional ` if key=value` or ` if key={value, ...}`, then a
/// last line `minimize objective` or `maximize objective`. The store keeps a study's space as
/// this text and compares specs by it.
enum SpaceText {
  static func parse(_ text: String) throws -> SearchSpace {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let last = lines.popLast(), let space = last.firstIndex(of: " "),
          let direction = Direction(rawValue: String(last[..<space])) else {
      throw SweepError("search space text: the last line must be 'minimize OBJECTIVE' or 'maximize OBJECTIVE', got '\(lines.isEmpty ? text : String(text.split(separator: "\n").last ?? ""))'")
    }
    let objective = String(last[last.index(after: space)...])
    let parameters = try lines.map(parameter)
    return SearchSpace(parameters: parameters, objective: objective, direction: direction)
  }

  static func parameter(_ line: String) throws -> SweepParameter {
    guard let equals = line.firstIndex(of: "=") else {
      throw SweepError("search space text: '\(line)' is not 'key=distribution'")
    }
    let key = String(line[..<equals])
    let rest = line[line.index(after: equals)...]
    let end = try distributionEnd(rest, line: line)
    let distribution = try Distribution(parsing: String(rest[..<end]))
    let tail = rest[end...]
    guard !tail.isEmpty else { return SweepParameter(key: key, distribution: distribution) }
    guard tail.hasPrefix(" if "), let conditionEquals = tail.firstIndex(of: "=") else {
      throw SweepError("search space text: '\(line)': expected ' if key=value' after the distribution")
    }
    let conditionKey = String(tail[tail.index(tail.startIndex, offsetBy: 4)..<conditionEquals])
    let valueText = String(tail[tail.index(after: conditionEquals)...])
    guard case .choice(let read) = try Distribution(parsing: "choice(" + valueText + ")"), read.count == 1 else {
      throw SweepError("search space text: '\(line)': the condition's value '\(valueText)' is not one value or a list of them")
    }
    let values: [SweepValue]
    if case .list(let items) = read[0] { values = items } else { values = read }
    return SweepParameter(key: key, distribution: distribution, condition: .init(key: conditionKey, values: values))
  }

  /// Where the distribution `name(...)` at the start of `text` ends: after the parenthesis that
  /// closes its arguments, quoted strings skipped.
  private static func distributionEnd(_ text: Substring, line: String) throws -> Substring.Index {
    var depth = 0
    var quote: Character?
    var escaped = false
    var i = text.startIndex
    while i < text.endIndex {
      let c = text[i]
      i = text.index(after: i)
      if let q = quote {
        if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == q { quote = nil }
        continue
      }
      switch c {
      case "\"", "'": quote = c
      case "(": depth += 1
      case ")":
        depth -= 1
        if depth == 0 { return i }
      default: break
      }
    }
    throw SweepError("search space text: '\(line)': the distribution's parentheses are not closed")
  }
}
