import Testing
@testable import NN
import Tensors

@Suite struct SequentialConstructionTests {
  @Test func unnamedLayersAreNumberedPerKindAroundGivenNames() throws {
    let m = Sequential(inputSize: 3, random: RandomStream(seed: 1))
    try m.add(Dense(units: 2, name: "dense_2"))
    try m.add(Dense(units: 2))
    try m.add(Dropout(rate: 0.5))
    try m.add(Dense(units: 2))
    try m.add(Dense(units: 2))
    #expect(m.layers.map(\.name) == ["dense_2", "dense_1", "dropout_1", "dense_3", "dense_4"])
    #expect(throws: LayerError.self) { try m.add(Dense(units: 2, name: "dense_3")) }
    let d = Dense(units: 1)
    try m.add(d)
    #expect(throws: LayerError.self) { try m.add(d) }
  }

  @Test func addingToABuiltModelDrawsWhatBuildingItWholeDraws() throws {
    let incremental = Sequential(inputSize: 5, random: RandomStream(seed: 7))
    let whole = Sequential(random: RandomStream(seed: 7))
    for units in [4, 3, 6, 2] {
      try incremental.add(Dense(units: units, activation: .relu))
      try whole.add(Dense(units: units, activation: .relu))
    }
    try whole.build(inputSize: 5)
    #expect(incremental.parameters.count == whole.parameters.count)
    for (a, b) in zip(incremental.parameters, whole.parameters) { #expect(a.value.scalars == b.value.scalars) }
    #expect(incremental.layers.map(\.needsInputGradient) == [false, true, true, true])
  }

  @Test func aDeepModelIsMadeInLinearTime() throws {
    // 1,500 layers took tens of seconds when each addition renamed and rebuilt everything.
    let start = RunDeadline.now()
    let m = Sequential(inputSize: 2, random: RandomStream(seed: 1))
    for _ in 0..<1500 { try m.add(Dense(units: 2)) }
    #expect(m.layers.last?.name == "dense_1500")
    #expect(RunDeadline.now() - start < 3)
  }
}
