import Catalog
import Foundation
import CrescentMetrics
import NN
@testable import Plugins
import StandardLibrary
import Testing
import Tensors

/// The example plugin built with the system C compiler, loaded into a catalog and called
/// through the host's adapters; and the ways a load fails.
@Suite(.serialized) struct PluginLoaderTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
  static let folder = NSTemporaryDirectory() + "crescent-plugin-tests-\(getpid())"

  /// Why a test plugin could not be built: every machine the tests run on has a C compiler
  /// (scripts/setup installs one), so this is a failure, never a reason to skip.
  struct BuildError: Error, CustomStringConvertible {
    let description: String
  }

  /// Compiles `source` into a shared library in the temporary folder.
  static func build(_ source: String, named name: String) throws -> String {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let out = folder + "/" + name
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["cc", "-shared", "-fPIC", "-I", root + "/Sources/CrescentPluginABI/include", source, "-o", out]
    let errors = Pipe()
    p.standardError = errors
    do { try p.run() } catch { throw BuildError(description: "cannot start the C compiler (cc) for \(source): \(error)") }
    let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    guard p.terminationStatus == 0 else {
      throw BuildError(description: "cc could not build \(source) (is a C compiler installed? scripts/setup installs gcc): \(text)")
    }
    return out
  }

  static let example = Result { try build(root + "/examples/plugins/scaled_softsign/plugin.c", named: "libscaled_softsign.so") }

  /// The standard catalog with the example plugin loaded; throws (failing the test) when the
  /// example cannot be built.
  func loaded() throws -> Catalog {
    let c = Catalog.standard()
    try PluginLoader.load(try Self.example.get(), into: c)
    return c
  }

  @Test func registersTheExampleEntries() throws {
    let c = try loaded()
    #expect(c.entry("extras.softsign") != nil)
    #expect(c.entry("losses.SquaredHinge") != nil)
    #expect(c.entry("metrics.label_cardinality_error") != nil)
    #expect(c.entry("nn.Softsign") != nil)
    #expect(TrainingMetrics.extraNames(in: c).contains("label_cardinality_error"))
    #expect(TrainingMetrics.higherIsBetter("label_cardinality_error", in: c) == false)
  }

  @Test func functionComputesAndReportsErrors() throws {
    let c = try loaded()
    let f = try #require(c.entry("extras.softsign"))
    let x = Tensor(shape: [2, 2], scalars: [-3, 0, 1, 4])
    guard case .tensor(let y)? = try f.call([.tensor(x), .table([("scale", .number(2))])], in: Session(catalog: c)).first else {
      Issue.record("no tensor"); return
    }
    #expect(y.shape == [2, 2])
    for (a, b) in zip(y.scalars, x.scalars) { #expect(abs(Double(a) - 2 * Double(b) / (1 + abs(Double(b)))) < 1e-6) }
    #expect(throws: CatalogError.self) { _ = try f.call([.tensor(x), .table([("scale", .number(-1))])], in: Session(catalog: c)) }
    do { _ = try f.call([.tensor(x), .table([("scale", .number(-1))])], in: Session(catalog: c)) } catch {
      #expect("\(error)" == "extras.softsign: scale must be positive")
    }
  }

  @Test func lossMatchesTheFormula() throws {
    let c = try loaded()
    let loss = try #require(LossRegistry.make("squared_hinge", in: c))
    let o = Tensor(shape: [2, 2], scalars: [0.2, -0.5, 1.5, 0.3]), t = Tensor(shape: [2, 2], scalars: [1, 0, 1, 0])
    var grad = [Float](repeating: 0, count: 4)
    let value = try grad.withUnsafeMutableBufferPointer { try loss.compute(o, t, sampleWeights: nil, gradient: $0.baseAddress) }
    var expected = 0.0
    for k in 0..<4 {
      let s = 2 * Double(t.scalars[k]) - 1, h = max(0, 1 - s * Double(o.scalars[k]))
      expected += h * h / 4
      #expect(abs(Double(grad[k]) - (-2 * s * h / 4)) < 1e-6)
    }
    #expect(abs(value - expected) < 1e-9)
  }

  @Test func metricAsFunctionAndStream() throws {
    let c = try loaded()
    let y = Tensor(shape: [2, 3], scalars: [1, 0, 1, 0, 0, 1]), s = Tensor(shape: [2, 3], scalars: [0.9, 0.8, 0.7, 0.1, 0.2, 0.3])
    // Row 1: 2 true, 3 predicted; row 2: 1 true, 0 predicted: (1 + 1) / 2.
    let f = try #require(c.entry("metrics.label_cardinality_error"))
    guard case .number(let v)? = try f.call([.tensor(y), .tensor(s)], in: Session(catalog: c)).first else { Issue.record("no number"); return }
    #expect(v == 1)
    let stream = try TrainingMetrics.make("label_cardinality_error", in: c)
    stream.update(truth: y.storage.pointer, scores: s.storage.pointer, rows: 1, labels: 3)
    stream.update(truth: y.storage.pointer + 3, scores: s.storage.pointer + 3, rows: 1, labels: 3)
    #expect(try stream.result() == 1)
  }

  @Test func layerForwardAndBackward() throws {
    let c = try loaded()
    guard case .object(let o)? = try #require(c.entry("nn.Softsign")).call([], in: Session(catalog: c)).first, let layer = (o as? LayerObject)?.layer else {
      Issue.record("no layer"); return
    }
    var r = RandomStream(seed: 1)
    #expect(try layer.build(inputSize: 3, random: &r) == 3)
    let x = Tensor(shape: [2, 3], scalars: [-2, -0.5, 0, 0.5, 1, 3])
    let y = try layer.forward(x, training: true)
    let dx = try layer.backward(Tensor(shape: [2, 3], repeating: 2), accumulate: false)
    for k in 0..<6 {
      let v = Double(x.scalars[k]), a = 1 + abs(v)
      #expect(abs(Double(y.scalars[k]) - v / a) < 1e-6)
      #expect(abs(Double(dx.scalars[k]) - 2 / (a * a)) < 1e-6)
    }
  }

  @Test func modelWithAPluginLayerLoadsBackThroughTheSessionCatalog() throws {
    let c = try loaded()
    let session = Session(catalog: c)
    guard case .object(let o)? = try #require(c.entry("nn.Softsign")).call([.table([("name", .string("squash"))])], in: session).first,
          let softsign = (o as? LayerObject)?.layer else {
      Issue.record("no layer"); return
    }
    let net = Sequential(inputSize: 3, random: RandomStream(seed: 2))
    try net.add(Dense(units: 4))
    try net.add(softsign)
    try net.add(Dense(units: 2, activation: .sigmoid))
    try net.compile(optimizer: Adam(), loss: BinaryCrossEntropy())
    let path = Self.folder + "/softsign-model.safetensors"
    defer { try? FileManager.default.removeItem(atPath: path) }
    try ModelFile.save(Model(net), to: path)
    let back = try ModelFile.load(path, in: session).network
    #expect(back.layers.map(\.name) == net.layers.map(\.name))
    #expect(back.layers[1].entryName == "Softsign")
    let x = Tensor(shape: [3, 3], scalars: [-2, 0.5, 1, 3, -0.25, 0, 0.75, -1.5, 2])
    #expect(try back.predict(x).scalars == net.predict(x).scalars)
    // Without the plugin the file names the layer it needs.
    do { _ = try ModelFile.load(path, in: Session(catalog: Catalog.standard())); Issue.record("loaded without the plugin") } catch {
      #expect("\(error)".contains("layer 2 has unknown kind Softsign"))
    }
  }

  @Test func modelWithAPluginLossLoadsBackThroughTheSessionCatalog() throws {
    let c = try loaded()
    let session = Session(catalog: c)
    let net = Sequential(inputSize: 3, random: RandomStream(seed: 3))
    try net.add(Dense(units: 2, activation: .tanh))
    try net.compile(optimizer: SGD(learningRate: 0.1), loss: try #require(LossRegistry.make("squared_hinge", in: c)))
    let x = Tensor(shape: [3, 3], scalars: [-2, 0.5, 1, 3, -0.25, 0, 0.75, -1.5, 2])
    let y = Tensor(shape: [3, 2], scalars: [1, 0, 0, 1, 1, 1])
    let path = Self.folder + "/squared-hinge-model.safetensors"
    defer { try? FileManager.default.removeItem(atPath: path) }
    try ModelFile.save(Model(net), to: path)
    let back = try ModelFile.load(path, in: session).network
    let loss = try #require(back.loss)
    #expect(loss.entryName == "SquaredHinge")
    #expect(try back.evaluate(x: x, y: y)["loss"] == net.evaluate(x: x, y: y)["loss"])
    // Without the plugin the file names the loss it needs and the way to read the rest.
    do { _ = try ModelFile.load(path, in: Session(catalog: Catalog.standard())); Issue.record("loaded without the plugin") } catch {
      #expect("\(error)".contains("compiled with the loss SquaredHinge"), "\(error)")
      #expect("\(error)".contains("compile = false"), "\(error)")
    }
  }

  @Test func loadFailuresNameThePlugin() throws {
    func message(_ path: String, _ c: Catalog = Catalog.standard()) -> String {
      do { try PluginLoader.load(path, into: c); return "loaded" } catch { return "\(error)" }
    }
    #expect(message("/nonexistent/libx.so") == "plugin /nonexistent/libx.so: no such file")
    let text = Self.folder + "/not-a-library.so"
    try? FileManager.default.createDirectory(atPath: Self.folder, withIntermediateDirectories: true)
    try "hello".write(toFile: text, atomically: true, encoding: .utf8)
    #expect(message(text).hasPrefix("plugin \(text): not a loadable shared library"))
    let example = try Self.example.get()
    let source = Self.folder + "/no_entry.c"
    try "#include \"crescent_plugin.h\"\nCRESCENT_PLUGIN_DECLARE_ABI\nint unrelated(void) { return 1; }\n"
      .write(toFile: source, atomically: true, encoding: .utf8)
    let noEntry = try Self.build(source, named: "libno_entry.so")
    #expect(message(noEntry) == "plugin \(noEntry): no entry point crescent_plugin_init")
    let c = Catalog.standard()
    try PluginLoader.load(example, into: c)
    #expect(message(example, c) == "plugin \(example): extras.softsign is already defined")

    // Another ABI version, and a plugin that tries to replace a built-in.
    let wrong = Self.folder + "/wrong_abi.c"
    try "int crescent_plugin_abi_version(void) { return 99; }\nint crescent_plugin_init(const void *a, void *h) { return 0; }\n"
      .write(toFile: wrong, atomically: true, encoding: .utf8)
    let wrongABI = try Self.build(wrong, named: "libwrong_abi.so")
    #expect(message(wrongABI).hasPrefix("plugin \(wrongABI): built for plugin ABI version 99"))
    let builtin = Self.folder + "/builtin.c"
    try """
      #include "crescent_plugin.h"
      CRESCENT_PLUGIN_DECLARE_ABI
      static int zero(crescent_call *c, const float *o, const float *t, long n, long l, double *v, float *g, void *u) { *v = 0; return 0; }
      int crescent_plugin_init(const crescent_plugin_api *api, void *host) {
        crescent_loss_desc d = {"mse", "no", zero, 0};
        return api->register_loss(host, &d);
      }
      """.write(toFile: builtin, atomically: true, encoding: .utf8)
    let replacing = try Self.build(builtin, named: "libbuiltin.so")
    #expect(message(replacing) == "plugin \(replacing): loss \"mse\" is already defined")
  }
}
