extension SearchSpace {
  /// Reads the text form `description` writes: one parameter a line
  /// (`key=distribution[ if parent=value]` or `... if parent={value, ...}`), then
  /// `minimize <objective>` or `maximize <objective>`. Blank lines are skipped. The space is not
  /// validated (call `validate`); the error names the line and what was expected.
  ///
  /// A condition `if parent={a, b}` reads as the values a and b, unless the parent is a choice
  /// that has the list {a, b} among its options and not both a and b: then it is that one list.
  public init(parsing text: String) throws {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      .filter { !$0.allSatisfy(\.isWhitespace) }
    guard let last = lines.last else {
      throw SweepError("a search space's text is empty: expected parameter lines such as lr=loguniform(0.0001, 0.1), then 'minimize <objective>' or 'maximize <objective>'")
    }
    let words = last.trimmingSpaces.split(separator: " ", maxSplits: 1).map(String.init)
    guard words.count == 2, let direction = Direction(rawValue: words[0]) else {
      throw SweepError("search space line '\(last)': expected the objective last, as 'minimize <objective>' or 'maximize <objective>'")
    }
    var parameters: [SweepParameter] = []
    for line in lines.dropLast() {
      parameters.append(try SweepParameter(parsing: line, earlier: parameters))
    }
    self.init(parameters: parameters, objective: words[1].trimmingSpaces, direction: direction)
  }
}

extension SweepParameter {
  /// Reads one line of a space's text form; `earlier` are the parameters before it, which
  /// a condition may name.
  init(parsing line: String, earlier: [SweepParameter]) throws {
    func fail(_ what: String) -> SweepError { SweepError("search space line '\(line)': \(what)") }
    guard let eq = line.firstIndex(of: "=") else { throw fail("expected key=distribution, such as lr=loguniform(0.0001, 0.1)") }
    let key = String(line[..<eq]).trimmingSpaces
    guard !key.isEmpty else { throw fail("the parameter has no key before '='") }
    let rest = Array(line[line.index(after: eq)...].unicodeScalars)
    // The distribution ends at the ')' closing its '(', outside quotes.
    var depth = 0, i = 0, quote: Unicode.Scalar?, end: Int?
    while i < rest.count, end == nil {
      let c = rest[i]
      if let q = quote {
        if c == "\\" { i += 1 } else if c == q { quote = nil }
      } else if c == "\"" || c == "'" {
        quote = c
      } else if c == "(" {
        depth += 1
      } else if c == ")" {
        depth -= 1
        if depth == 0 { end = i + 1 }
      }
      i += 1
    }
    guard let end else { throw fail("expected a distribution such as uniform(0, 1) after '\(key)=', closed by ')'") }
    let distribution = try Distribution(parsing: String(String.UnicodeScalarView(rest[..<end])))
    let tail = String(String.UnicodeScalarView(rest[end...])).trimmingSpaces
    var condition: Condition?
    if !tail.isEmpty {
      guard tail.hasPrefix("if "), let ceq = tail.firstIndex(of: "=") else {
        throw fail("expected nothing, or 'if parent=value', after the distribution, got '\(tail)'")
      }
      let parent = String(tail[tail.index(tail.startIndex, offsetBy: 3)..<ceq]).trimmingSpaces
      guard !parent.isEmpty else { throw fail("the condition names no parameter before '='") }
      let valueText = String(tail[tail.index(after: ceq)...])
      var reader = LiteralReader(valueText)
      var values: [SweepValue]
      if reader.take("{") {
        var items: [SweepValue] = []
        if !reader.take("}") {
          repeat { items.append(try reader.literal()) } while reader.take(",")
          guard reader.take("}") else { throw fail("the condition's values: expected ',' or '}' at position \(reader.position + 1)") }
        }
        values = items
        // One list option rather than several values, when the parent's options say so.
        let options: [SweepValue]
        if let p = earlier.first(where: { $0.key == parent }), case .choice(let o) = p.distribution { options = o } else { options = [] }
        if options.contains(.list(items)), items.isEmpty || !items.allSatisfy({ options.contains($0) }) { values = [.list(items)] }
      } else {
        values = [try reader.literal()]
      }
      guard reader.atEnd else { throw fail("unexpected text after the condition's value at position \(reader.position + 1) of '\(valueText)'") }
      condition = Condition(key: parent, values: values)
    }
    self.init(key: key, distribution: distribution, condition: condition)
  }
}

extension String {
  fileprivate var trimmingSpaces: String {
    var s = Substring(self)
    while let f = s.first, f.isWhitespace { s = s.dropFirst() }
    while let l = s.last, l.isWhitespace { s = s.dropLast() }
    return String(s)
  }
}
