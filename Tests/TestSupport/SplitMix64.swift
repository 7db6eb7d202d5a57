/// The tests' one deterministic generator (SplitMix64), so failures reproduce.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  public var state: UInt64
  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Uniform in [0, 1) with 53 random bits.
  public mutating func unitDouble() -> Double { Double(next() >> 11) / Double(1 << 53) }

  /// Uniform in [-1, 1) with 24 random bits (cheaper than Float.random in debug builds).
  public mutating func signedUnit() -> Float { Float(next() >> 40) * 0x1p-23 - 1 }

  /// Uniform in [lo, hi].
  public mutating func uniform(_ lo: Float, _ hi: Float) -> Float { lo + (hi - lo) * Float(unitDouble()) }

  /// `n` values uniform in [lo, hi].
  public mutating func floats(_ n: Int, _ lo: Float, _ hi: Float) -> [Float] { (0..<n).map { _ in uniform(lo, hi) } }
}
