import Tensors

/// Train and test sets from a data specification (`DataSource`): generated, the digits, a
/// file, or a MULAN name. A file or a generated set is split with `testSize` and `stratify`;
/// a MULAN name takes its official train and test files.
public enum DataLoader {
  public struct Options {
    /// Share of examples in the test part (not for MULAN names, which have their own split).
    public var testSize = 0.25
    /// How the split keeps label proportions.
    public var stratify = Stratification.iterative
    /// For ARFF and CSV files: the last `labels` columns are labels.
    public var labels: Int?
    /// For ARFF files: a MULAN labels file (looked up beside the ARFF file when not found as given).
    public var xml: String?
    /// For `synthetic`: the generator.
    public var generator = MultilabelGenerator(samples: 1000, features: 20, classes: 5, labels: 2)

    public init(testSize: Double = 0.25, stratify: Stratification = .iterative, labels: Int? = nil, xml: String? = nil,
                generator: MultilabelGenerator = MultilabelGenerator(samples: 1000, features: 20, classes: 5, labels: 2)) {
      self.testSize = testSize
      self.stratify = stratify
      self.labels = labels
      self.xml = xml
      self.generator = generator
    }
  }

  /// `stream` draws the synthetic set (its `generate` stream) and the split (its `split` stream).
  /// An option that does not apply to the source (`labels` or `xml` for a generated set, the
  /// digits or a MULAN name; `xml` for a file that is not ARFF) is an error, not ignored.
  public static func load(_ spec: String, options: Options = Options(), stream: RandomStream) throws -> (train: Dataset, test: Dataset) {
    let source = DataSource(spec)
    try check(options, for: source)
    let whole: Dataset
    switch source {
    case .synthetic:
      var gs = stream.derived("generate")
      whole = try options.generator.generate(stream: &gs)
    case .digits:
      whole = try Digits.load(oneHot: true)
    case .file(let path):
      whole = try FileLoader.load(path, labels: options.labels, xml: options.xml)
    case .mulan(let name):
      return try MulanLoader.load(name)
    }
    var ss = stream.derived("split")
    return try Splitter.split(whole, testSize: options.testSize, stratify: options.stratify, stream: &ss)
  }

  static func check(_ options: Options, for source: DataSource) throws {
    if case .file(let path) = source {
      let lower = path.lowercased()
      let arff = lower.hasSuffix(".arff") || lower.hasSuffix(".arff.gz"), csv = lower.hasSuffix(".csv") || lower.hasSuffix(".csv.gz")
      if options.xml != nil, !arff { throw DataError("option 'xml' is for ARFF files, not for \(source.described)") }
      if options.labels != nil, !arff, !csv { throw DataError("option 'labels' is for ARFF and CSV files, not for \(source.described)") }
      return
    }
    if options.labels != nil { throw DataError("option 'labels' is for ARFF and CSV files, not for \(source.described)") }
    if options.xml != nil { throw DataError("option 'xml' is for ARFF files, not for \(source.described)") }
  }
}
