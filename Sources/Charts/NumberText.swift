import Foundation

/// Numbers as text, the same bytes on every machine and locale: coordinates, tick labels and
/// table cells.
public enum NumberText {
  /// `value` rounded to `decimals` places (0...9), trailing zeros kept; non-finite values as
  /// `NaN`, `inf`, `-inf`. Values too large for exact rounding use the shortest round-trip form.
  public static func fixed(_ value: Double, decimals: Int) -> String {
    if let special = nonFinite(value) { return special }
    let d = min(max(decimals, 0), 9)
    var power: Double = 1
    for _ in 0..<d { power *= 10 }
    let scaled = (abs(value) * power).rounded()
    guard scaled < 9.0e15 else { return value.description }
    let units = Int64(scaled)
    let p = Int64(power)
    let whole = units / p, fraction = units % p
    let sign = value < 0 && units != 0 ? "-" : ""
    guard d > 0 else { return "\(sign)\(whole)" }
    var digits = String(fraction)
    digits = String(repeating: "0", count: d - digits.count) + digits
    return "\(sign)\(whole).\(digits)"
  }

  /// `fixed` without trailing zeros (and without a trailing point).
  public static func trimmed(_ value: Double, decimals: Int) -> String {
    var text = fixed(value, decimals: decimals)
    guard text.contains("."), value.isFinite else { return text }
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }

  /// An SVG coordinate: two decimals at most.
  public static func coordinate(_ value: Double) -> String { trimmed(value, decimals: 2) }

  /// A tick label for a value on a grid of `step`: as many decimals as the step needs; very
  /// large or small magnitudes in exponent form (`2e-5`, `1.5e+06`).
  public static func tick(_ value: Double, step: Double) -> String {
    if let special = nonFinite(value) { return special }
    if value == 0 { return "0" }
    let magnitude = abs(value)
    if magnitude >= 1e6 || magnitude < 1e-4 { return exponent(value, digits: 2) }
    let decimals = step > 0 ? max(0, Int((-log10(step) + 1e-9).rounded(.up))) : 3
    return trimmed(value, decimals: min(decimals, 9))
  }

  /// A table cell or a short summary: a whole number as it is, else three decimals between
  /// 0.001 and a million, else exponent form with three significant digits.
  public static func cell(_ value: Double) -> String {
    if let special = nonFinite(value) { return special }
    if value == 0 { return "0" }
    let magnitude = abs(value)
    if magnitude < 1e6, value == value.rounded() { return fixed(value, decimals: 0) }
    if magnitude >= 1e6 || magnitude < 1e-3 { return exponent(value, digits: 2) }
    return fixed(value, decimals: 3)
  }

  /// `value` to `digits` significant digits (1...9), trailing zeros dropped: `0.003162`,
  /// `256`; exponent form below 0.0001 and from a million (`3.16e-05`).
  public static func significant(_ value: Double, digits: Int) -> String {
    if let special = nonFinite(value) { return special }
    if value == 0 { return "0" }
    let d = min(max(digits, 1), 9)
    let magnitude = abs(value)
    if magnitude >= 1e6 || magnitude < 1e-4 { return exponent(value, digits: d - 1) }
    let order = Int(log10(magnitude).rounded(.down))
    return trimmed(value, decimals: min(max(d - 1 - order, 0), 9))
  }

  /// `m e±x` with `digits` decimals in the mantissa, trailing zeros dropped.
  public static func exponent(_ value: Double, digits: Int) -> String {
    if let special = nonFinite(value) { return special }
    if value == 0 { return "0" }
    var e = Int(log10(abs(value)).rounded(.down))
    var mantissa = value / pow10(e)
    if abs(mantissa) >= 10 { mantissa /= 10; e += 1 }
    if abs(mantissa) < 1 { mantissa *= 10; e -= 1 }
    var text = trimmed(mantissa, decimals: digits)
    if text == "10" || text == "-10" { text = value < 0 ? "-1" : "1"; e += 1 }
    let sign = e < 0 ? "-" : "+"
    let exponentDigits = String(abs(e))
    return "\(text)e\(sign)\(exponentDigits.count < 2 ? "0" + exponentDigits : exponentDigits)"
  }

  static func nonFinite(_ value: Double) -> String? {
    if value.isNaN { return "NaN" }
    if value == .infinity { return "inf" }
    if value == -.infinity { return "-inf" }
    return nil
  }

  /// 10^e, correctly rounded (parsed from its decimal form).
  static func pow10(_ e: Int) -> Double { Double("1e\(e)")! }
}
