import Catalog
import Tensors

extension DataLibrary {
  static let path = Parameter("path", .string, "the file")
  static let nominalOption = Parameter("nominal", .oneOf(ArffOptions.NominalEncoding.allCases.map(\.rawValue)),
                                       "nominal features as one column of value positions (\"index\") or one 0/1 column per value (\"onehot\")",
                                       default: .string("index"))
  static let missingOption = Parameter("missing", .oneOf(ArffOptions.MissingValues.allCases.map(\.rawValue)),
                                       "a missing feature value ? is an error, or becomes the column mean or zero",
                                       default: .string("error"))

  static func arffOptions(_ args: Arguments) -> ArffOptions {
    ArffOptions(nominal: ArffOptions.NominalEncoding(rawValue: args.string("nominal"))!,
                missing: ArffOptions.MissingValues(rawValue: args.string("missing"))!)
  }

  static var loaders: [Entry] {
    [
      entry("load_arff", "An ARFF file as a Dataset: `data.load_arff(\"yeast-train.arff\", {xml = \"yeast.xml\"})`.",
            parameters: [path],
            options: [Parameter("xml", .string, "a MULAN labels file naming the label attributes (looked up beside the ARFF file when not found as given)", optional: true),
                      Parameter("labels", .positiveInteger, "the last L attributes are the labels", optional: true),
                      nominalOption, missingOption],
            returns: returnsDataset,
            details: """
              Labels come from `xml` (by name), else `labels` (the last L attributes), else a MEKA `-C n` \
              relation header (n > 0: the first n attributes; n < 0: the last |n|). Label columns keep the \
              ARFF's attribute order, even when the XML lists them in another order. Dense and sparse rows \
              (`{index value, ...}`, 0-based, omitted entries are 0 / the first nominal value), quoted names, \
              `%` comments. Labels must be numeric or nominal {0,1} with values 0 or 1.
              """) { args in
        let p = args.string("path")
        var o = arffOptions(args)
        if args.has("xml") {
          let xml = FileLoader.resolveBeside(args.string("xml"), of: p)
          o.labelNames = try MulanLabels.read(path: xml)
          o.labelSource = lastPathComponent(xml)
        } else if let l = args.optionalInt("labels") {
          o.lastLabels = l
        }
        return [.object(try ArffReader.read(path: p, options: o))]
      },
      entry("load_mulan", "The official MULAN split of a data set under CRESCENT_DATA: `local train, test = data.load_mulan(\"yeast\")`.",
            parameters: [Parameter("name", .string, "the data set's folder under CRESCENT_DATA (yeast, emotions, scene, ...)")],
            options: [nominalOption, missingOption],
            returns: returnsTrainTest,
            details: "Reads `<CRESCENT_DATA>/<name>/<name>-train.arff`, `<name>-test.arff` and the labels file `<name>.xml`.") { args in
        let (train, test) = try MulanLoader.load(args.string("name"), options: arffOptions(args))
        return [.object(train), .object(test)]
      },
      entry("load_csv", "A CSV file (or .csv.gz) of numbers as a Dataset: `data.load_csv(\"d.csv\", {last = 3})`.",
            parameters: [path],
            options: [Parameter("label_columns", .either(.list(.string), .list(.positiveInteger)), "label columns by header name or by position (counted from 1)", optional: true),
                      Parameter("label_prefix", .string, "label columns are those whose header name starts with this", optional: true),
                      Parameter("last", .positiveInteger, "the last L columns are the labels", optional: true),
                      Parameter("header", .bool, "the first row names the columns", default: .bool(true)),
                      Parameter("delimiter", .string, "the field separator (one character)", default: .string(","))],
            returns: returnsDataset,
            details: "Every field must be a number; label columns must hold 0 or 1. Gzip files are read directly.") { args in
        let spec: CsvReader.LabelSpec
        if case .list(let items) = args.value("label_columns") {
          let names = items.compactMap { if case .string(let s) = $0 { return s }; return nil }
          let positions = items.compactMap { if case .integer(let i) = $0 { return i }; return nil }
          spec = names.count == items.count ? .names(names) : .positions(positions)
        } else if args.has("label_prefix") {
          spec = .prefix(args.string("label_prefix"))
        } else if let l = args.optionalInt("last") {
          spec = .last(l)
        } else {
          throw CatalogError("say which columns are labels: label_columns = {...}, label_prefix = \"y_\" or last = L")
        }
        let delimiter = Array(args.string("delimiter").utf8)
        guard delimiter.count == 1, delimiter[0] != 0x22, delimiter[0] != 0x0A else {
          throw CatalogError("option 'delimiter' expects one character (not a quote or a newline), got \(quoted(args.string("delimiter")))")
        }
        return [.object(try CsvReader.read(path: args.string("path"), options: .init(labels: spec, header: args.bool("header"), delimiter: delimiter[0])))]
      },
      entry("load_libsvm", "A multilabel LibSVM file (`0,3,7 1:0.5 20:1`) as a Dataset.",
            parameters: [path],
            options: [Parameter("n_features", .positiveInteger, "feature columns (default: the largest index seen)", optional: true),
                      Parameter("n_labels", .positiveInteger, "label columns (default: the largest label seen + 1)", optional: true)],
            returns: returnsDataset,
            details: "Labels count from 0 and are separated by commas; feature indices count from 1, as in LibSVM, and must increase along a line.") { args in
        [.object(try LibSvmReader.read(path: args.string("path"), features: args.optionalInt("n_features"), labels: args.optionalInt("n_labels")))]
      },
      entry("load_npy", "A NumPy .npy array (float32, float64, int32 or int64; C order) as a tensor.",
            parameters: [path], returns: [Returned(.tensor, "a float32 tensor of the array's shape")]) { args in
        [.tensor(try NpyReader.read(path: args.string("path")))]
      },
      entry("save_csv", "Writes a dataset as CSV: a header row, then features followed by labels; `load_csv(path, {last = L})` reads it back.",
            parameters: [datasetParameter, path]) { args in
        try CsvWriter.write(dataset(args), to: args.string("path"))
        return []
      },
      entry("save_npy", "Writes a tensor as a NumPy .npy array (float32, C order, format 1.0, as numpy.save writes it); numpy.load and data.load_npy read it back.",
            parameters: [Parameter("t", .tensor, "the tensor, of any shape"), path]) { args in
        try NpyWriter.write(args.tensor("t"), to: args.string("path"))
        return []
      },
      entry("save_libsvm", "Writes a dataset as multilabel LibSVM (labels from 0, feature indices from 1, zeros left out).",
            parameters: [datasetParameter, path]) { args in
        try LibSvmWriter.write(dataset(args), to: args.string("path"))
        return []
      },
      entry("digits", "The 8x8 handwritten digits: 1797 examples, 64 pixel features (0..16), 10 classes.",
            options: [Parameter("one_hot", .bool, "y as 10 one-hot columns instead of one column of class indices 0..9", default: .bool(false))],
            returns: returnsDataset,
            details: "A copy of the UCI optical digits test set (E. Alpaydin, C. Kaynak, 1998) as scikit-learn ships it (BSD-3-Clause); shipped with Crescent.") { args in
        [.object(try Digits.load(oneHot: args.bool("one_hot")))]
      },
      entry("load", "Train and test sets from a name or a file: `local train, test = data.load(\"yeast\")`.",
            parameters: [Parameter("spec", .string, "\"synthetic\", \"digits\", a MULAN name under CRESCENT_DATA, or a .arff/.csv/.csv.gz/.svm/.libsvm path")],
            options: [Parameter("test_size", .numberIn(0, 1), "share of examples in the test part (not for MULAN names, which use the official split)", default: .number(0.25)),
                      Parameter("stratify", .oneOf(Stratification.allCases.map(\.rawValue)), "how the split keeps label proportions", default: .string("iterative")),
                      seedOption,
                      Parameter("labels", .positiveInteger, "for ARFF and CSV files: the last L columns are labels", optional: true),
                      Parameter("xml", .string, "for ARFF files: a MULAN labels file", optional: true),
                      Parameter("n_samples", .positiveInteger, "for \"synthetic\": examples", default: .integer(1000)),
                      Parameter("n_features", .positiveInteger, "for \"synthetic\": features", default: .integer(20)),
                      Parameter("n_classes", .positiveInteger, "for \"synthetic\": labels", default: .integer(5)),
                      Parameter("n_labels", .nonNegativeInteger, "for \"synthetic\": mean labels per example", default: .integer(2))],
            returns: returnsTrainTest,
            details: """
              "synthetic" generates with make_multilabel and splits; "digits" loads the digits with one-hot labels \
              and splits; a MULAN name takes the official train/test files; a path is loaded (ARFF labels from \
              `xml`, `labels`, a `<stem>.xml` beside the file, or a MEKA header) and split.
              """) { args in
        let options = DataLoader.Options(
          testSize: args.double("test_size"), stratify: Stratification(rawValue: args.string("stratify"))!,
          labels: args.optionalInt("labels"), xml: args.has("xml") ? args.string("xml") : nil,
          generator: MultilabelGenerator(samples: args.int("n_samples"), features: args.int("n_features"), classes: args.int("n_classes"), labels: args.int("n_labels")))
        let (train, test) = try DataLoader.load(args.string("spec"), options: options, stream: stream(args, "load"))
        return [.object(train), .object(test)]
      },
    ]
  }
}
