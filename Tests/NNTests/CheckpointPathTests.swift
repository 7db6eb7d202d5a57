import Foundation
import Testing
@testable import NN
import Tensors

/// ModelCheckpoint's file names against Python's str.format, and the folders the file
/// callbacks create.
@Suite struct CheckpointPathTests {
  func logs(_ pairs: [(String, Double)]) -> Logs {
    var l = Logs()
    for (k, v) in pairs { l[k] = v }
    return l
  }

  @Test func placeholdersFormatAsPython() throws {
    // Expected strings printed by Python 3: '{:02d}'.format(3), '{:.2f}'.format(0.123456), ...
    let l = logs([("loss", 1.5), ("val_loss", 0.123456), ("a", 0.1), ("b", 12345.678), ("c", 2.25), ("d", 1.0),
                  ("e", 0.256), ("f", -1.5), ("g", 1e-5)])
    let cases: [(String, String)] = [
      ("m-{epoch:02d}-{val_loss:.2f}.safetensors", "m-03-0.12.safetensors"),
      ("{loss:.4f}", "1.5000"), ("{a}", "0.1"), ("{b:>8.3e}", "1.235e+04"), ("{c:+.1f}", "+2.2"), ("{d:.3}", "1.0"),
      ("{e:.1%}", "25.6%"), ("{f:*^9.2f}", "**-1.50**"), ("{f:06.2f}", "-01.50"), ("{g:g}", "1e-05"),
      ("{epoch:5d}", "    3"), ("{epoch:.1f}", "3.0"), ("{epoch}", "3"), ("{{epoch}}-{epoch}", "{epoch}-3"),
    ]
    for (template, expected) in cases {
      #expect(try PathTemplate(template).render(epoch: 2, logs: l) == expected, "\(template)")
    }
  }

  @Test func badTemplatesAreRefusedAtConstruction() {
    for bad in ["m-{epoch:02q}", "m-{epoch", "m-}", "m-{}", "m-{val_loss:.f}", "m-{loss!r}"] {
      #expect(throws: LayerError.self, "\(bad)") { try ModelCheckpoint(path: bad) { _, _ in } }
    }
  }

  func model() throws -> (Sequential, Tensor, Tensor) {
    var r = RandomStream(seed: 3)
    let x = Tensor.randomNormal([20, 2], stream: &r)
    let m = Sequential(inputSize: 2, random: RandomStream(seed: 1))
    try m.add(Dense(units: 1))
    try m.compile(optimizer: SGD(learningRate: 0.1), loss: MeanSquaredError())
    return (m, x, Tensor.randomNormal([20, 1], stream: &r))
  }

  func options(_ epochs: Int, validation: Bool) -> FitOptions {
    var o = FitOptions(); o.epochs = epochs; o.verbose = 0; o.validationSplit = validation ? 0.25 : 0
    return o
  }

  @Test func unknownPlaceholderFailsBeforeTraining() throws {
    let (m, x, y) = try model()
    var epochsRun = 0
    final class Count: Callback {
      let bump: () -> Void
      init(_ b: @escaping () -> Void) { bump = b }
      func onEpochBegin(_ epoch: Int, model: Sequential) throws { bump() }
    }
    let ck = try ModelCheckpoint(path: "m-{val_loss:.2f}") { _, _ in }
    do {
      try m.fit(x: x, y: y, options: options(2, validation: false), callbacks: [Count { epochsRun += 1 }, ck])
      Issue.record("fit did not refuse {val_loss} without validation data")
    } catch let e as LayerError {
      #expect(e.message.contains("{val_loss}") && e.message.contains("available: epoch, loss"), "\(e.message)")
    }
    #expect(epochsRun == 0)
    // A float key with an integer format is refused too.
    let d = try ModelCheckpoint(path: "m-{loss:02d}") { _, _ in }
    #expect(throws: LayerError.self) { try m.fit(x: x, y: y, options: options(1, validation: false), callbacks: [d]) }
    // Keys added by other callbacks are known: lr from a schedule.
    var files: [String] = []
    let ok = try ModelCheckpoint(path: "m-{epoch:02d}-{lr:.3f}-{val_loss:.1f}", saveBestOnly: false) { _, p in files.append(p) }
    try m.fit(x: x, y: y, options: options(2, validation: true), callbacks: [LearningRateSchedule(.exponential(gamma: 0.5)), ok])
    #expect(files.count == 2 && files[0].hasPrefix("m-01-0.100-") && files[1].hasPrefix("m-02-0.050-"), "\(files)")
  }

  func scratch() -> String {
    NSTemporaryDirectory() + "crescent-ck-\(UInt32.random(in: 0...UInt32.max))"
  }

  @Test func fileCallbacksCreateMissingFolders() throws {
    let root = scratch()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let (m, x, y) = try model()
    var saved: [String] = []
    let ck = try ModelCheckpoint(path: root + "/ck/run{epoch}/m.safetensors") { _, p in
      saved.append(p)
      #expect(FileManager.default.createFile(atPath: p, contents: Data()))
    }
    try m.fit(x: x, y: y, options: options(2, validation: false), callbacks: [ck, CSVLogger(path: root + "/logs/deep/h.csv")])
    #expect(saved == [root + "/ck/run1/m.safetensors", root + "/ck/run2/m.safetensors"])
    let csv = try String(contentsOfFile: root + "/logs/deep/h.csv", encoding: .utf8)
    #expect(csv.split(separator: "\n").count == 3)
  }

  @Test func fileCallbacksSayWhyTheyCannotWrite() throws {
    let root = scratch()
    defer { try? FileManager.default.removeItem(atPath: root) }
    #expect(FileManager.default.createFile(atPath: root, contents: Data("x".utf8)))
    let (m, x, y) = try model()
    do {
      try m.fit(x: x, y: y, options: options(1, validation: false), callbacks: [CSVLogger(path: root + "/sub/h.csv")])
      Issue.record("CSVLogger wrote under a file")
    } catch let e as LayerError {
      #expect(e.message == "CSVLogger: cannot write '\(root)/sub/h.csv': '\(root)' is a file, not a folder")
    }
    let ck = try ModelCheckpoint(path: root + "/m-{epoch}.safetensors") { _, _ in }
    do {
      try m.fit(x: x, y: y, options: options(1, validation: false), callbacks: [ck])
      Issue.record("ModelCheckpoint wrote under a file")
    } catch let e as LayerError {
      #expect(e.message.hasPrefix("ModelCheckpoint: cannot write '\(root)/m-1.safetensors'"), "\(e.message)")
    }
  }
}
