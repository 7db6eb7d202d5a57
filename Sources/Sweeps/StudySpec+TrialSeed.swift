extension StudySpec {
  /// The root seed of trial `number`'s run, from the study's seed alone: the (number + 1)-th
  /// output of SplitMix64 started at the study's seed, its top 31 bits (a seed below 2^31, as
  /// a drawn one is). Trials of one study get different seeds; two studies with one seed give
  /// their trials the same seeds; a trial run again gets its seed again.
  public func trialSeed(_ number: Int) -> UInt64 {
    StudySpec.trialSeed(study: seed, trial: number)
  }

  public static func trialSeed(study seed: UInt64, trial number: Int) -> UInt64 {
    var z = seed &+ (UInt64(number) &+ 1) &* 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    z ^= z >> 31
    return z >> 33
  }
}
