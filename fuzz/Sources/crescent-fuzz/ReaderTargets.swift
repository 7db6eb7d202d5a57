import Catalog
import Datasets
import Foundation
import NN
import StandardLibrary
import Tensors

/// One target per file reader, each given the fuzz bytes as a whole file. Readers that take
/// bytes get them in memory; those that take only a path (CSV with its label selection, the
/// model reader) get a temporary file. Options vary with the input's length, so every
/// combination is reached without spending input bytes on them.
enum ReaderTargets {
  static let all: [FuzzTarget] = [arff, csv, libsvm, npy, npz, gzip, safetensors, model]

  static let arff = FuzzTarget(name: "arff", summary: "ARFF (dense, sparse, MEKA headers) via ArffReader.parse") { bytes in
    let variants: [ArffOptions] = [
      ArffOptions(),
      ArffOptions(lastLabels: 1),
      ArffOptions(lastLabels: 2, nominal: .onehot, missing: .mean),
      ArffOptions(labelNames: ["a", "b", "class"], labelSource: "labels.xml", missing: .zero),
    ]
    Limits.run { _ = try ArffReader.parse(bytes, path: "fuzz.arff", options: variants[bytes.count % variants.count]) }
  }

  static let csv = FuzzTarget(name: "csv", summary: "CSV (quoted fields, labels by name, position, prefix, last) via CsvReader.read") { bytes in
    let variants: [CsvReader.Options] = [
      .init(labels: .last(1)),
      .init(labels: .prefix("label")),
      .init(labels: .positions([1, 3]), header: false),
      .init(labels: .names(["y", "label"]), delimiter: UInt8(ascii: ";")),
      .init(labels: .last(0), header: false, delimiter: UInt8(ascii: "\t")),
    ]
    Limits.run {
      try Limits.withTemporaryFile(bytes, suffix: ".csv") { path in
        _ = try CsvReader.read(path: path, options: variants[bytes.count % variants.count])
      }
    }
  }

  static let libsvm = FuzzTarget(name: "libsvm", summary: "multilabel LibSVM via LibSvmReader.parse") { bytes in
    let counts: [(Int?, Int?)] = [(nil, nil), (4, 3), (nil, 2), (1000, nil)]
    let (features, labels) = counts[bytes.count % counts.count]
    Limits.run { _ = try LibSvmReader.parse(bytes, path: "fuzz.svm", features: features, labels: labels) }
  }

  static let npy = FuzzTarget(name: "npy", summary: "NumPy .npy via NpyReader.parse") { bytes in
    Limits.run { _ = try NpyReader.parse(bytes, path: "fuzz.npy") }
  }

  static let npz = FuzzTarget(name: "npz", summary: "NumPy .npz (zip, stored or deflated) via NpzReader.parse") { bytes in
    Limits.run { _ = try NpzReader.parse(bytes, path: "fuzz.npz") }
  }

  static let gzip = FuzzTarget(name: "gzip", summary: "gzip and zlib streams via Gzip.decompress") { bytes in
    Limits.run { _ = try Gzip.decompress(bytes, path: "fuzz.gz") }
  }

  static let safetensors = FuzzTarget(name: "safetensors", summary: "safetensors header and data via Safetensors.parse") { bytes in
    Limits.run { _ = try Safetensors.parse(Data(bytes), path: "fuzz.safetensors") }
  }

  /// The catalog the model reader rebuilds layers, optimizers and losses from (made once).
  static let catalog = Catalog.standard()

  static let model = FuzzTarget(name: "model", summary: "model files (metadata, layers, compile settings, weights) via ModelFile.load, nn.load's path") { bytes in
    let session = Session(catalog: catalog, seed: 1, output: OutputSink(write: { _ in }))
    session.memoryBudget = MemoryBudget(limit: Limits.memoryBytes)
    session.deadline = Session.now() + Limits.seconds
    Limits.run {
      try Limits.withTemporaryFile(bytes, suffix: ".safetensors") { path in
        try session.withLimits { _ = try ModelFile.load(path, in: session, compile: bytes.count % 2 == 0) }
      }
    }
  }
}
