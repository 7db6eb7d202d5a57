/// Float32 scores as unsigned keys in the same order, equal exactly when the scores are
/// equal, for ranking by integer sorts.
enum ScoreKey {
  /// Any score but NaN: the float's bits made to sort as unsigned (-0 is 0).
  @inline(__always) static func general(_ f: Float) -> UInt32 {
    let b = (f == 0 ? 0 : f).bitPattern
    return b & 0x8000_0000 != 0 ? ~b : b | 0x8000_0000
  }

  /// The bits of 0.5.
  static let half: UInt32 = 0x3F00_0000

  /// A score within [0, 1]: below 0.5 its bits, from 0.5 up twice the bits of 0.5 less those
  /// of 1 - score (exact there, so distinct scores keep distinct keys). The keys' leading
  /// bits then spread scores crowded near 1 as widely as scores crowded near 0.
  @inline(__always) static func unit(_ f: Float) -> UInt32 {
    let b = (f + 0).bitPattern  // -0 becomes 0
    let upper = 2 &* half &- (1 - f).bitPattern
    return b < half ? b : upper
  }

  /// The `general` key of the score whose `unit` key is `u`.
  static func general(unit u: UInt32) -> UInt32 {
    general(u < half ? Float(bitPattern: u) : 1 - Float(bitPattern: 2 &* half &- u))
  }
}
