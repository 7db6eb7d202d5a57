/// A seeded stream of random numbers (xoshiro256**, seeded through SplitMix64).
///
/// Every random consumer in a run draws from its own stream, derived from the run's root seed
/// by a name (`RandomStream(root: 42, name: "init/dense_1")`), so adding a consumer never
/// changes the numbers another one sees. Same seed and name: same numbers, on every machine.
public struct RandomStream: Sendable {
  private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64
  /// A spare normal deviate from the last Box–Muller pair.
  private var spareNormal: Float? = nil

  /// A stream seeded directly.
  public init(seed: UInt64) {
    var sm = seed
    s0 = RandomStream.splitMix(&sm); s1 = RandomStream.splitMix(&sm)
    s2 = RandomStream.splitMix(&sm); s3 = RandomStream.splitMix(&sm)
    if s0 | s1 | s2 | s3 == 0 { s0 = 0x9E37_79B9_7F4A_7C15 }
  }

  /// The stream named `name` under a root seed.
  public init(root: UInt64, name: String) {
    self.init(seed: RandomStream.mix(root, RandomStream.hash(name)))
  }

  /// A child stream of this one's seed material, independent of how much this one has drawn.
  public func derived(_ name: String) -> RandomStream {
    RandomStream(seed: RandomStream.mix(s0 ^ s2, RandomStream.hash(name)))
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    let result = rotl(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
    s2 ^= t
    s3 = rotl(s3, 45)
    return result
  }

  /// Uniform in [0, 1), with 24 random bits (every float32 step in [0.5, 1) reachable).
  public mutating func uniform() -> Float {
    Float(next() >> 40) * (1.0 / 16_777_216.0)
  }

  /// Uniform in [0, 1) as a Double, with 53 random bits.
  public mutating func uniformDouble() -> Double {
    Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
  }

  /// Uniform in [low, high).
  public mutating func uniform(_ low: Float, _ high: Float) -> Float {
    low + (high - low) * uniform()
  }

  /// A uniformly chosen integer in 0..<bound (unbiased).
  public mutating func integer(below bound: Int) -> Int {
    precondition(bound > 0)  // cannot fail: callers draw from non-empty ranges (shuffle, candidate lists, n_features > 0)
    // Lemire's method: a draw whose low half is at least `bound` is always kept, so the
    // division that finds the rejection threshold is only needed below that.
    let b = UInt64(bound)
    var (hi, lo) = next().multipliedFullWidth(by: b)
    if lo < b {
      let threshold = (0 &- b) % b
      while lo < threshold { (hi, lo) = next().multipliedFullWidth(by: b) }
    }
    return Int(hi)
  }

  /// A standard normal deviate (Box–Muller in Double, rounded to Float).
  public mutating func normal() -> Float {
    if let s = spareNormal { spareNormal = nil; return s }
    var u1 = uniformDouble()
    while u1 <= 0 { u1 = uniformDouble() }
    let u2 = uniformDouble()
    let r = (-2.0 * _log(u1)).squareRoot()
    let theta = 2.0 * Double.pi * u2
    spareNormal = Float(r * _sin(theta))
    return Float(r * _cos(theta))
  }

  /// A normal deviate with the given mean and standard deviation.
  public mutating func normal(mean: Float, std: Float) -> Float { mean + std * normal() }

  /// Shuffles indices in place (Fisher–Yates).
  public mutating func shuffle(_ values: inout [Int]) {
    guard values.count > 1 else { return }
    values.withUnsafeMutableBufferPointer { v in
      for i in stride(from: v.count - 1, to: 0, by: -1) {
        let j = integer(below: i + 1)
        (v[i], v[j]) = (v[j], v[i])
      }
    }
  }

  /// The stream's position as text (its four state words, then the spare normal deviate's bits
  /// when one is waiting, in hexadecimal, `:`-separated), so a saved stream continues exactly.
  public var positionText: String {
    var parts = [s0, s1, s2, s3].map { String($0, radix: 16) }
    if let spareNormal { parts.append(String(spareNormal.bitPattern, radix: 16)) }
    return parts.joined(separator: ":")
  }

  /// The stream at a position written by `positionText`; nil when the text is not one.
  public init?(positionText text: String) {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 4 || parts.count == 5, parts.allSatisfy({ !$0.isEmpty && $0.count <= 16 }) else { return nil }
    var words: [UInt64] = []
    for p in parts.prefix(4) {
      guard let w = UInt64(p, radix: 16) else { return nil }
      words.append(w)
    }
    guard words.contains(where: { $0 != 0 }) else { return nil }
    (s0, s1, s2, s3) = (words[0], words[1], words[2], words[3])
    if parts.count == 5 {
      guard parts[4].count <= 8, let bits = UInt32(parts[4], radix: 16) else { return nil }
      spareNormal = Float(bitPattern: bits)
    }
  }

  // MARK: - Seeding helpers

  private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

  static func splitMix(_ state: inout UInt64) -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// FNV-1a over the UTF-8 bytes: stable across runs and platforms (unlike `Hasher`).
  static func hash(_ name: String) -> UInt64 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in name.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    return h
  }

  static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
    var s = a ^ (b &* 0xD6E8_FEB8_6659_FD93)
    return splitMix(&s)
  }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@inline(__always) private func _log(_ x: Double) -> Double { log(x) }
@inline(__always) private func _sin(_ x: Double) -> Double { sin(x) }
@inline(__always) private func _cos(_ x: Double) -> Double { cos(x) }
