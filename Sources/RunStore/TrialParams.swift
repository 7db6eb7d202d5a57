import Catalog
import Sweeps

/// A trial's parameters as stored: a JSON object of numbers in Swift's shortest round-trip text
/// (so every bit, -0.0 included, reads back), keys in order; a value JSON has no number for
/// (NaN, infinities) as the string "0x" + its bit pattern in hex.
enum TrialParams {
  static func json(_ params: [String: Double]) -> String {
    "{" + params.sorted { $0.key < $1.key }.map { key, value in
      Value.jsonString(key) + ":" + (value.isFinite ? "\(value)" : "\"0x" + String(value.bitPattern, radix: 16) + "\"")
    }.joined(separator: ",") + "}"
  }

  static func read(_ text: String, trial: Int) throws -> [String: Double] {
    var out: [String: Double] = [:]
    for (key, leaf) in FlatJSON.flatten(text) {
      switch leaf {
      case .number(let d): out[key] = d
      case .string(let s) where s.hasPrefix("0x") && UInt64(s.dropFirst(2), radix: 16) != nil:
        out[key] = Double(bitPattern: UInt64(s.dropFirst(2), radix: 16)!)
      default:
        throw SweepError("trial \(trial): its stored parameter '\(key)' is not a number (\(leaf.text))")
      }
    }
    return out
  }
}
