#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decimal numbers from bytes, strictly: `[+-]digits[.digits][(e|E)[+-]digits]` and nothing
/// else (no spaces, no `nan`, no hex). Exact fast path for short mantissas, `strtod` otherwise.
enum NumberParser {
  private static let powers: [Double] = (0...22).map { e in
    var p = 1.0; for _ in 0..<e { p *= 10 }; return p
  }

  /// The value of the token `[start, start + count)`, or nil when it is not a number.
  @inline(__always)
  static func parse(_ start: UnsafePointer<UInt8>, _ count: Int) -> Double? {
    guard count > 0 else { return nil }
    var i = 0
    var negative = false
    if start[0] == UInt8(ascii: "-") { negative = true; i = 1 } else if start[0] == UInt8(ascii: "+") { i = 1 }
    var mantissa: UInt64 = 0
    var digits = 0, significant = 0, exponent = 0
    var sawDigit = false
    while i < count {
      let d = start[i] &- 48
      guard d < 10 else { break }
      sawDigit = true
      if significant < 19 {
        mantissa = mantissa &* 10 &+ UInt64(d)
        if mantissa != 0 { significant += 1 }
      } else { exponent += 1 }
      digits += 1
      i += 1
    }
    if i < count, start[i] == UInt8(ascii: ".") {
      i += 1
      while i < count {
        let d = start[i] &- 48
        guard d < 10 else { break }
        sawDigit = true
        if significant < 19 {
          mantissa = mantissa &* 10 &+ UInt64(d)
          exponent -= 1
          if mantissa != 0 { significant += 1 }
        }
        i += 1
      }
    }
    guard sawDigit else { return nil }
    if i < count, start[i] | 0x20 == UInt8(ascii: "e") {
      i += 1
      var expNegative = false
      if i < count, start[i] == UInt8(ascii: "-") { expNegative = true; i += 1 } else if i < count, start[i] == UInt8(ascii: "+") { i += 1 }
      var e = 0, expDigits = 0
      while i < count {
        let d = start[i] &- 48
        guard d < 10 else { break }
        if e < 100_000 { e = e * 10 + Int(d) }
        expDigits += 1
        i += 1
      }
      guard expDigits > 0 else { return nil }
      exponent += expNegative ? -e : e
    }
    guard i == count else { return nil }
    _ = digits
    if significant < 19 || mantissa < (1 << 53) {
      if mantissa < (1 << 53), exponent >= -22, exponent <= 22 {
        let m = Double(mantissa)
        let v = exponent >= 0 ? m * powers[exponent] : m / powers[-exponent]
        return negative ? -v : v
      }
    }
    return slow(start, count)
  }

  private static func slow(_ start: UnsafePointer<UInt8>, _ count: Int) -> Double? {
    guard count < 512 else { return nil }
    var buffer = [CChar](repeating: 0, count: count + 1)
    for k in 0..<count { buffer[k] = CChar(bitPattern: start[k]) }
    return buffer.withUnsafeBufferPointer { b -> Double? in
      var end: UnsafeMutablePointer<CChar>? = nil
      let v = strtod(b.baseAddress!, &end)  // cannot fail: an array has an address even when empty
      guard let end, end - UnsafeMutablePointer(mutating: b.baseAddress!) == count else { return nil }  // cannot fail: an array has an address even when empty
      return v
    }
  }

  /// A whole token as an Int (for indices and counts), or nil.
  @inline(__always)
  static func parseInt(_ start: UnsafePointer<UInt8>, _ count: Int) -> Int? {
    guard count > 0, count < 19 else { return nil }
    var i = 0, negative = false
    if start[0] == UInt8(ascii: "-") { negative = true; i = 1 } else if start[0] == UInt8(ascii: "+") { i = 1 }
    guard i < count else { return nil }
    var v = 0
    while i < count {
      let d = start[i] &- 48
      guard d < 10 else { return nil }
      v = v * 10 + Int(d)
      i += 1
    }
    return negative ? -v : v
  }
}

@inline(__always) func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D }
