/// A file name with placeholders in Python's `str.format` syntax, as Keras's ModelCheckpoint
/// fills them: `{epoch}` is the epoch number from 1, any other name is a key of the epoch's
/// logs (`{val_loss:.2f}`, `{loss:.4f}`); `{{` and `}}` stand for braces.
public struct PathTemplate {
  enum Part: Equatable {
    case text(String)
    case field(name: String, spec: FormatSpec)
  }

  public let text: String
  let parts: [Part]

  /// Reads the template; the error names the bad placeholder.
  public init(_ text: String) throws {
    self.text = text
    var parts: [Part] = []
    var literal = ""
    var i = text.startIndex
    while i < text.endIndex {
      let c = text[i]
      let next = text.index(after: i)
      if c == "{" || c == "}", next < text.endIndex, text[next] == c {
        literal.append(c); i = text.index(after: next); continue
      }
      if c == "}" { throw FormatError("a single '}' (write '}}' for a brace)") }
      guard c == "{" else { literal.append(c); i = next; continue }
      guard let close = text[next...].firstIndex(of: "}") else { throw FormatError("'{' is not closed (write '{{' for a brace)") }
      let inside = String(text[next..<close])
      let name: String, spec: String
      if let colon = inside.firstIndex(of: ":") {
        name = String(inside[..<colon]); spec = String(inside[inside.index(after: colon)...])
      } else {
        name = inside; spec = ""
      }
      guard !name.isEmpty, !name.contains("{"), !name.contains("!") else {
        throw FormatError("'{\(inside)}' does not name a quantity (write {epoch}, {loss:.4f}, ...)")
      }
      let parsed: FormatSpec
      do { parsed = try FormatSpec(spec) } catch let e as FormatError {
        throw FormatError("the format '\(spec)' of {\(name)}: \(e.message)")
      }
      if !literal.isEmpty { parts.append(.text(literal)); literal = "" }
      parts.append(.field(name: name, spec: parsed))
      i = text.index(after: close)
    }
    if !literal.isEmpty { parts.append(.text(literal)) }
    self.parts = parts
  }

  /// The placeholder names, in order.
  public var placeholders: [String] {
    parts.compactMap { if case .field(let n, _) = $0 { return n }; return nil }
  }

  /// Checks every placeholder against the names the logs will have (`epoch` is always there);
  /// with `open`, a name not among them may still be added during training (by a script's
  /// hook), and is looked for at the end of each epoch.
  func check(keys: [String], open: Bool = false) throws {
    for case .field(let name, let spec) in parts {
      if name == "epoch" { continue }
      guard keys.contains(name) || open else {
        throw FormatError("{\(name)} is not a logged quantity; available: \((["epoch"] + keys).joined(separator: ", "))")
      }
      guard spec.acceptsFloat else {
        throw FormatError("{\(name):d} formats an integer, but \(name) is a number (write {\(name):.0f})")
      }
    }
  }

  /// The file name for an epoch (counted from 0) and its logs.
  func render(epoch: Int, logs: Logs) throws -> String {
    var out = ""
    for part in parts {
      switch part {
      case .text(let s): out += s
      case .field(let name, let spec):
        if name == "epoch" { out += spec.format(epoch + 1); continue }
        guard let v = logs[name] else {
          throw FormatError("{\(name)} is not in this epoch's logs; available: \((["epoch"] + logs.items.map(\.key)).joined(separator: ", "))")
        }
        out += spec.format(v)
      }
    }
    return out
  }
}
