import Catalog
import Foundation
import TestSupport
import Testing
@testable import NN
import Tensors

/// A model compiled with a loss written in the script saves, and loads back uncompiled with
/// `compile: false` (as Keras's `compile=False`); the default load says why it cannot compile.
@Suite struct ModelFileCompileTests {
  func savedWithScriptLoss() throws -> (path: String, model: Model) {
    let net = Sequential(inputSize: 2, random: RandomStream(seed: 3))
    try net.add(Dense(units: 1, activation: .sigmoid))
    let loss = ScriptLoss(HostFunction { _ in [.tensor(Tensor(scalar: 0))] })
    try net.compile(optimizer: SGD(learningRate: 0.1), loss: loss)
    let model = Model(net)
    let path = NSTemporaryDirectory() + "crescent-scriptloss-\(UInt32.random(in: 0...UInt32.max)).safetensors"
    try ModelFile.save(model, to: path)
    return (path, model)
  }

  @Test func defaultLoadExplainsAScriptLossAndNamesTheWayOut() throws {
    let (path, _) = try savedWithScriptLoss()
    defer { try? FileManager.default.removeItem(atPath: path) }
    do {
      _ = try ModelFile.load(path, in: try nnSession())
      Issue.record("a model compiled with a script loss loaded compiled")
    } catch {
      let text = "\(error)"
      #expect(text.contains("compiled with a loss written in Lua, which a file cannot hold"))
      #expect(text.contains("nn.load(path, {compile = false}) then compile"))
    }
  }

  @Test func loadWithoutCompileGivesArchitectureAndWeights() throws {
    let (path, model) = try savedWithScriptLoss()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let back = try ModelFile.load(path, in: try nnSession(), compile: false)
    #expect(back.network.optimizer == nil)
    #expect(back.network.loss == nil)
    let x = Tensor(shape: [3, 2], scalars: [0.5, -1, 2, 0.25, -0.75, 1.5])
    #expect(try back.network.predict(x).scalars == model.network.predict(x).scalars)
  }
}
