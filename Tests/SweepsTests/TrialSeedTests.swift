import Testing
import Sweeps

/// A trial's run seed is SplitMix64's (number + 1)-th output from the study's seed, top 31 bits.
@Suite struct TrialSeedTests {
  /// SplitMix64's published first outputs from seed 0 (0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4,
  /// 0x06C45D188009454F, 0xF88BB8A8724C81EC), each shifted right by 33 bits.
  @Test func trialSeedsAreSplitMix64OutputsOfTheStudySeed() {
    let spec = StudySpec(name: "s", experiment: "e", script: "s.lua", with: [], space: SearchSpace(parameters: [], objective: "loss", direction: .minimize),
                         sampler: "random", pruner: "none", seed: 0)
    let splitMix: [UInt64] = [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F, 0xF88B_B8A8_724C_81EC]
    let seeds = (0..<4).map { spec.trialSeed($0) }
    #expect(seeds == splitMix.map { $0 >> 33 })
    #expect(seeds == [1_896_895_516, 926_699_317, 56_766_092, 2_084_953_172])
  }

  /// Values computed once with the same formula in Python (arbitrary-precision integers, masked to 64 bits).
  @Test func otherStudySeedsAndTheLargestOne() {
    #expect((0..<4).map { StudySpec.trialSeed(study: 5, trial: $0) } == [830_578_054, 1_615_567_014, 499_739_128, 213_329_761])
    #expect((0..<4).map { StudySpec.trialSeed(study: UInt64(Int.max), trial: $0) } == [355_724_202, 2_030_436_512, 1_980_418_472, 269_490_380])
  }

  /// Different trials, different seeds; every seed below 2^31; the same study seed, the same seeds.
  @Test func seedsDifferAcrossTrialsAndRepeatAcrossStudies() {
    let seeds = (0..<1000).map { StudySpec.trialSeed(study: 42, trial: $0) }
    #expect(Set(seeds).count == 1000)
    #expect(seeds.allSatisfy { $0 < 1 << 31 })
    #expect(seeds == (0..<1000).map { StudySpec.trialSeed(study: 42, trial: $0) })
    #expect(seeds != (0..<1000).map { StudySpec.trialSeed(study: 43, trial: $0) })
  }
}
