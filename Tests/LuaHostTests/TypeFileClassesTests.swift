import Catalog
import Foundation
import Testing
@testable import LuaHost
import StandardLibrary

/// Every class the editor type file names is defined in it, so an editor completes options
/// tables and callback hooks instead of reporting unknown types.
@Suite struct TypeFileClassesTests {
  static let builtins: Set<String> = ["nil", "any", "boolean", "string", "number", "integer", "table", "function", "userdata", "thread", "self", "fun"]

  func file() throws -> String {
    let c = Catalog.standard()
    try PreludeLibrary.register(into: c)
    return TypeFileRenderer(catalog: c).render()
  }

  /// The type expression at the start of `text`: up to a space outside parentheses that does
  /// not follow `:`, `,` or `|`.
  static func typeExpression(_ text: Substring) -> String {
    var depth = 0, out = ""
    for ch in text {
      if ch == "(" { depth += 1 }
      if ch == ")" { depth -= 1 }
      if ch == " " && depth == 0, let last = out.last, !":,|".contains(last) { break }
      out.append(ch)
    }
    return out
  }

  /// The class names a type expression mentions (string literals and parameter labels left out).
  static func names(in type: String) -> [String] {
    var t = type.replacingOccurrences(of: #""[^"]*""#, with: " ", options: .regularExpression)
    t = t.replacingOccurrences(of: #"[A-Za-z_][A-Za-z0-9_]*\??:"#, with: " ", options: .regularExpression)
    t = t.replacingOccurrences(of: #"\.\.\.:"#, with: " ", options: .regularExpression)
    let regex = try! NSRegularExpression(pattern: #"[A-Za-z_][A-Za-z0-9_.]*"#)
    return regex.matches(in: t, range: NSRange(t.startIndex..., in: t)).map { String(t[Range($0.range, in: t)!]) }
  }

  /// (line, referenced class) for every annotation in the file.
  static func references(_ file: String) -> [(String, String)] {
    var refs: [(String, String)] = []
    for line in file.split(separator: "\n") {
      var rest: Substring
      if line.hasPrefix("---@param ") || line.hasPrefix("---@field ") {
        let body = line.drop { $0 != " " }.dropFirst()
        rest = body.drop { $0 != " " }.dropFirst()
      } else if line.hasPrefix("---@return ") {
        rest = line.dropFirst("---@return ".count)
      } else if line.hasPrefix("---@overload ") {
        rest = line.dropFirst("---@overload ".count)
      } else { continue }
      for n in names(in: typeExpression(rest)) where !builtins.contains(n) { refs.append((String(line), n)) }
    }
    return refs
  }

  @Test func everyReferencedClassIsDefined() throws {
    let file = try file()
    let defined = Set(file.split(separator: "\n").filter { $0.hasPrefix("---@class ") }.map { String($0.dropFirst("---@class ".count)) })
    let refs = Self.references(file)
    #expect(refs.count > 100)
    let missing = Dictionary(grouping: refs.filter { !defined.contains($0.1) }, by: \.1)
    for (name, lines) in missing.sorted(by: { $0.key < $1.key }) {
      Issue.record("class '\(name)' is referenced but never defined, e.g. \(lines[0].0)")
    }
    for name in ["nn.fit.options", "nn.compile.options", "nn.evaluate.options", "nn.predict.options",
                 "data.split.options", "data.kfold.options", "data.shuffle.options"] {
      #expect(defined.contains(name), "\(name) is not defined")
    }
  }

  @Test func fitCallbacksAreTypedSoHooksComplete() throws {
    let file = try file()
    #expect(file.contains("---@field callbacks? (Callback|CallbackTable)[] "))
    #expect(file.contains("---@class CallbackTable\n"))
  }

  @Test func theParserReadsFunctionTypes() {
    #expect(Self.typeExpression("fun(epoch: integer, logs: table): boolean? Called after") == "fun(epoch: integer, logs: table): boolean?")
    #expect(Self.names(in: "fun(epoch: integer, model: Model): boolean?") == ["fun", "integer", "Model", "boolean"])
    #expect(Self.names(in: #""a"|"b"|nn.fit.options"#) == ["nn.fit.options"])
  }
}
