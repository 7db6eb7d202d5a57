import Catalog
import Foundation
import TestSupport
import Testing
@testable import NN
import Tensors

/// Every loss and optimizer name compile accepts is listed in compile's documentation, builds
/// the loss or optimizer it names, and survives a model file.
@Suite struct DeclaredNamesTests {
  /// The names scripts use, and the kind each builds (a model file stores the kind).
  static let lossNames: [(name: String, kind: String)] = [
    ("binary_crossentropy", "binary_crossentropy"), ("bce", "binary_crossentropy"),
    ("sigmoid_focal", "sigmoid_focal"), ("focal", "sigmoid_focal"),
    ("categorical_crossentropy", "categorical_crossentropy"),
    ("mean_squared_error", "mean_squared_error"), ("mse", "mean_squared_error"),
  ]
  static let optimizerNames: [(name: String, kind: String)] = [
    ("sgd", "SGD"), ("adam", "Adam"), ("adamw", "AdamW"), ("rmsprop", "RMSprop"), ("adagrad", "Adagrad"), ("Adam", "Adam"),
  ]

  func compileOption(_ name: String) throws -> String {
    let compile = try #require(ModelLibrary.entries.first { $0.name == "compile" })
    return try #require(compile.options.first { $0.name == name }).doc
  }

  @Test func everyLossNameBuildsItsKindAndIsDocumented() throws {
    let doc = try compileOption("loss")
    for (name, kind) in Self.lossNames {
      #expect(type(of: try LossLibrary.named(name, in: Catalog())).kind == kind, "\(name)")
      #expect(doc.contains(name), "compile's loss documentation lists \(name): \(doc)")
    }
  }

  @Test func everyOptimizerNameBuildsItsKindAndIsDocumented() throws {
    let doc = try compileOption("optimizer")
    for (name, kind) in Self.optimizerNames {
      #expect(type(of: try OptimizerLibrary.named(name, in: Catalog())).kind == kind, "\(name)")
      #expect(doc.lowercased().contains(name.lowercased()), "compile's optimizer documentation lists \(name): \(doc)")
    }
  }

  @Test func everyLossAndOptimizerLoadsBackFromAModelFile() throws {
    for (loss, optimizer) in zip(Self.lossNames, Self.optimizerNames + Self.optimizerNames.prefix(1)) {
      let net = Sequential(inputSize: 2, random: RandomStream(seed: 4))
      try net.add(Dense(units: 2))
      try net.compile(optimizer: try OptimizerLibrary.named(optimizer.name, in: Catalog()), loss: try LossLibrary.named(loss.name, in: Catalog()))
      let path = NSTemporaryDirectory() + "crescent-names-\(UInt32.random(in: 0...UInt32.max)).safetensors"
      defer { try? FileManager.default.removeItem(atPath: path) }
      try ModelFile.save(Model(net), to: path)
      let back = try ModelFile.load(path, in: try nnSession()).network
      #expect(back.loss.map { type(of: $0).kind } == loss.kind, "\(loss.name)")
      #expect(back.optimizer.map { type(of: $0).kind } == optimizer.kind, "\(optimizer.name)")
    }
  }

  @Test func unknownNamesListEveryKnownName() throws {
    do { _ = try LossLibrary.named("msee", in: Catalog()); Issue.record("an unknown loss was accepted") } catch {
      #expect("\(error)" == "unknown loss \"msee\" (did you mean \"mse\"?); known: binary_crossentropy, bce, sigmoid_focal, focal, categorical_crossentropy, hinge, mean_squared_error, mse")
    }
    do { _ = try OptimizerLibrary.named("sgdd", in: Catalog()); Issue.record("an unknown optimizer was accepted") } catch {
      #expect("\(error)" == "unknown optimizer \"sgdd\" (did you mean \"sgd\"?); known: sgd, adam, adamw, rmsprop, adagrad")
    }
  }
}
