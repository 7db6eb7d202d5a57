import Catalog
import Tensors

/// The `data` module: loaders, generators, encoders, scalers and splits.
public enum DataLibrary {
  public static let summary = "Load, generate, transform and split data sets (ARFF/MULAN/MEKA, CSV, LibSVM, NPY)."

  public static var entries: [Entry] {
    constructors + loaders + generators + transforms + splits
  }

  static let module = "data"

  /// Shorthand for an entry of this module; data errors become catalog errors.
  static func entry(_ name: String, _ summary: String, parameters: [Parameter] = [], options: [Parameter] = [],
                    returns: [Returned] = [], methodOf: String? = nil, metamethod: String? = nil, details: String? = nil,
                    _ body: @escaping @Sendable (Arguments) throws -> [Value]) -> Entry {
    Entry(module: module, name: name, summary: summary, parameters: parameters, options: options, returns: returns,
          methodOf: methodOf, metamethod: metamethod, details: details) { args in
      do { return try body(args) } catch let e as DataError { throw CatalogError(e.message) }
    }
  }

  static let seedOption = Parameter("seed", .nonNegativeInteger, "seed of its own; without one the run's random streams are used", optional: true)
  static let datasetParameter = Parameter("ds", .object("Dataset"), "the dataset")
  static let returnsDataset = [Returned(.object("Dataset"), "a dataset")]
  static let returnsTrainTest = [Returned(.object("Dataset"), "train"), Returned(.object("Dataset"), "test")]

  static func stream(_ args: Arguments, _ name: String) -> RandomStream {
    if let seed = args.optionalInt("seed") { return RandomStream(seed: UInt64(seed)) }
    return args.session.random.nextStream("data.\(name)")
  }

  static func dataset(_ args: Arguments, _ name: String = "ds") -> Dataset {
    if case .object(let o) = args.value(name), let d = o as? Dataset { return d }
    preconditionFailure("'\(name)' is not a Dataset")
  }

  static func strings(_ names: [String]) -> Value { .list(names.map { .string($0) }) }
  static func numbers(_ values: [Double]) -> Value { .list(values.map { .number($0) }) }
}
