import ArgumentParser
import Catalog

/// The words after a command's positional argument, sorted into the command's own options,
/// the other words (in order) and what follows `--` (handed on untouched).
///
/// An option-looking word (`--name`, `--name=value`, or `-` and a letter) must be one of the
/// command's: anything else is an error, so nothing is dropped or passed on by mistake.
/// Words such as `-3`, `-0.5` or `-` are ordinary words.
struct OptionWords {
  /// The command's options, in order, each one word (`--seed=7`, `--trust`).
  var options: [String] = []
  /// The other words before `--`.
  var words: [String] = []
  /// The words after `--`.
  var passthrough: [String] = []
  /// `--` was among the words.
  var terminated = false
  /// `-h` or `--help` was among the words.
  var helpRequested = false

  init(_ input: [String], valued: Set<String>, flags: Set<String>) throws {
    var i = 0
    while i < input.count {
      let w = input[i]
      i += 1
      if w == "--" {
        terminated = true
        passthrough = Array(input[i...])
        return
      }
      guard OptionWords.looksLikeOption(w) else { words.append(w); continue }
      if w == "-h" || w == "--help" { helpRequested = true; continue }
      let name = w.split(separator: "=", maxSplits: 1).first.map(String.init) ?? w
      if valued.contains(name) {
        if w.contains("=") {
          options.append(w)
        } else {
          // Joined, so that a value such as -1 is not taken for an option.
          guard i < input.count else { throw ValidationError("Missing value for '\(name)'") }
          options.append(w + "=" + input[i])
          i += 1
        }
      } else if flags.contains(name) {
        options.append(w)
      } else {
        let hint = Suggest.closest(to: name, among: Array(valued.union(flags)).sorted()).map { " Did you mean '\($0)'?" } ?? ""
        throw ValidationError("Unknown option '\(name)'.\(hint) Words meant for the script go after '--'.")
      }
    }
  }

  /// `--name`, or `-` followed by a letter; not `-`, `--` or a negative number.
  static func looksLikeOption(_ w: String) -> Bool {
    if w.hasPrefix("--") { return w.count > 2 }
    guard w.hasPrefix("-"), let second = w.dropFirst().first else { return false }
    return second.isLetter
  }
}
