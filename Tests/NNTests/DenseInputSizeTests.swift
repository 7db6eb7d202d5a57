import Testing
@testable import NN
import Tensors

/// A Dense layer's declared input size (`input_dim`) is the model's core behaviour: it sizes a
/// model it starts, and any other input size is an error, not silently replaced.
struct DenseInputSizeTests {
  @Test func aDeclaredFirstLayerSizesTheModel() throws {
    let m = Sequential(random: RandomStream(seed: 1))
    try m.add(Dense(units: 3, inputSize: 4))
    try m.add(Dense(units: 2))
    #expect(m.inputSize == 4)
    #expect(m.layers.allSatisfy { $0.isBuilt })
    #expect(m.parameters.map(\.value.shape) == [[4, 3], [3], [3, 2], [2]])
    let y = try m.predict(Tensor.ones([5, 4]), batchSize: 5)
    #expect(y.shape == [5, 2])
  }

  @Test func aModelSizeOtherThanTheDeclaredOneIsAnError() throws {
    let m = Sequential(inputSize: 5, random: RandomStream(seed: 1))
    do {
      try m.add(Dense(units: 3, inputSize: 4, name: "first"))
      Issue.record("a Dense declared for 4 inputs was built for 5")
    } catch let e as LayerError {
      #expect(e.message == "first was declared with input_dim 4, but its input has 5 features")
    }
  }

  @Test func aLaterLayerDeclaredForTheWrongSizeIsAnError() throws {
    let m = Sequential(random: RandomStream(seed: 1))
    try m.add(Dense(units: 3, inputSize: 4))
    #expect(throws: LayerError.self) { try m.add(Dense(units: 2, inputSize: 7)) }
    let ok = Sequential(random: RandomStream(seed: 1))
    try ok.add(Dense(units: 3, inputSize: 4))
    try ok.add(Dense(units: 2, inputSize: 3))
    #expect(ok.layers.allSatisfy { $0.isBuilt })
  }

  @Test func anUndeclaredFirstLayerWaitsForData() throws {
    let m = Sequential(random: RandomStream(seed: 1))
    try m.add(Dense(units: 3))
    #expect(m.inputSize == nil)
    #expect(!m.layers[0].isBuilt)
  }
}
