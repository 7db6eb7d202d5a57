import Catalog
import Tensors

extension DataLibrary {
  static func path(_ d: Declarer) -> Arg<String> { d.parameter("path", String.self, "the file") }
  static func nominal(_ d: Declarer) -> Arg<ArffOptions.NominalEncoding> {
    d.option("nominal", ArffOptions.NominalEncoding.self,
             "nominal features as one column of value positions (\"index\") or one 0/1 column per value (\"onehot\")", default: .index)
  }
  static func missing(_ d: Declarer) -> Arg<ArffOptions.MissingValues> {
    d.option("missing", ArffOptions.MissingValues.self, "a missing feature value ? is an error, or becomes the column mean or zero",
             default: .error)
  }

  static var loaders: [Entry] {
    [
      entry("load_arff", "An ARFF file as a Dataset: `data.load_arff(\"yeast-train.arff\", {xml = \"yeast.xml\"})`.",
            returns: returnsDataset,
            details: """
              Labels come from `xml` (by name), else `labels` (the last L attributes), else a MEKA `-C n` \
              relation header (n > 0: the first n attributes; n < 0: the last |n|). Label columns keep the \
              ARFF's attribute order, even when the XML lists them in another order. Dense and sparse rows \
              (`{index value, ...}`, 0-based, omitted entries are 0 / the first nominal value), quoted names, \
              `%` comments. Labels must be numeric or nominal {0,1} with values 0 or 1.
              """) { d in
        let path = path(d)
        let xml = d.option("xml", String.self, "a MULAN labels file naming the label attributes (looked up beside the ARFF file when not found as given)")
        let labels = d.option("labels", Int.self, "the last L attributes are the labels", as: .positiveInteger)
        let nominal = nominal(d), missing = missing(d)
        return { args in
          let p = try args[path]
          var o = try ArffOptions(nominal: args[nominal], missing: args[missing])
          if let given = try args[xml] {
            let xml = FileLoader.resolveBeside(given, of: p)
            o.labelNames = try MulanLabels.read(path: xml)
            o.labelSource = lastPathComponent(xml)
          } else if let l = try args[labels] {
            o.lastLabels = l
          }
          return [.object(try ArffReader.read(path: p, options: o))]
        }
      },
      entry("load_mulan", "The official MULAN split of a data set under CRESCENT_DATA: `local train, test = data.load_mulan(\"yeast\")`.",
            returns: returnsTrainTest,
            details: "Reads `<CRESCENT_DATA>/<name>/<name>-train.arff`, `<name>-test.arff` and the labels file `<name>.xml`.") { d in
        let name = d.parameter("name", String.self, "the data set's folder under CRESCENT_DATA (yeast, emotions, scene, ...)")
        let nominal = nominal(d), missing = missing(d)
        return { args in
          let (train, test) = try MulanLoader.load(args[name], options: ArffOptions(nominal: args[nominal], missing: args[missing]))
          return [.object(train), .object(test)]
        }
      },
      entry("load_csv", "A CSV file (or .csv.gz) of numbers as a Dataset: `data.load_csv(\"d.csv\", {last = 3})`.",
            returns: returnsDataset,
            details: "Every field must be a number; label columns must hold 0 or 1. Gzip files are read directly.") { d in
        let path = path(d)
        let labelColumns = d.option("label_columns", Value.self, "label columns by header name or by position (counted from 1)",
                                    as: .either(.list(.string), .list(.positiveInteger)))
        let labelPrefix = d.option("label_prefix", String.self, "label columns are those whose header name starts with this")
        let last = d.option("last", Int.self, "the last L columns are the labels", as: .positiveInteger)
        let header = d.option("header", Bool.self, "the first row names the columns", default: true)
        let delimiterArg = d.option("delimiter", String.self, "the field separator (one character)", default: ",")
        return { args in
          let spec: CsvReader.LabelSpec
          if case .list(let items)? = try args[labelColumns] {
            let names = items.compactMap { if case .string(let s) = $0 { return s }; return nil }
            let positions = items.compactMap { if case .integer(let i) = $0 { return i }; return nil }
            spec = names.count == items.count ? .names(names) : .positions(positions)
          } else if let prefix = try args[labelPrefix] {
            spec = .prefix(prefix)
          } else if let l = try args[last] {
            spec = .last(l)
          } else {
            throw CatalogError("say which columns are labels: label_columns = {...}, label_prefix = \"y_\" or last = L")
          }
          let given = try args[delimiterArg]
          let delimiter = Array(given.utf8)
          guard delimiter.count == 1, delimiter[0] != 0x22, delimiter[0] != 0x0A else {
            throw CatalogError("option 'delimiter' expects one character (not a quote or a newline), got \(quoted(given))")
          }
          return [.object(try CsvReader.read(path: args[path], options: .init(labels: spec, header: args[header], delimiter: delimiter[0])))]
        }
      },
      entry("load_libsvm", "A multilabel LibSVM file (`0,3,7 1:0.5 20:1`) as a Dataset.",
            returns: returnsDataset,
            details: "Labels count from 0 and are separated by commas; feature indices count from 1, as in LibSVM, and must increase along a line.") { d in
        let path = path(d)
        let features = d.option("n_features", Int.self, "feature columns (default: the largest index seen)", as: .positiveInteger)
        let labels = d.option("n_labels", Int.self, "label columns (default: the largest label seen + 1)", as: .positiveInteger)
        return { args in [.object(try LibSvmReader.read(path: args[path], features: args[features], labels: args[labels]))] }
      },
      NpzReader.entry,
      entry("load_npy", "A NumPy .npy array (float32, float64, int32 or int64; C order) as a tensor.",
            returns: [Returned(.tensor, "a float32 tensor of the array's shape")]) { d in
        let path = path(d)
        return { args in [.tensor(try NpyReader.read(path: args[path]))] }
      },
      entry("save_csv", "Writes a dataset as CSV: a header row, then features followed by labels; `load_csv(path, {last = L})` reads it back.") { d in
        let ds = datasetArgument(d), path = path(d)
        return { args in
          try CsvWriter.write(args[ds], to: args[path])
          return []
        }
      },
      entry("save_npy", "Writes a tensor as a NumPy .npy array (float32, C order, format 1.0, as numpy.save writes it); numpy.load and data.load_npy read it back.") { d in
        let t = d.parameter("t", Tensor.self, "the tensor, of any shape"), path = path(d)
        return { args in
          try NpyWriter.write(args[t], to: args[path])
          return []
        }
      },
      entry("save_libsvm", "Writes a dataset as multilabel LibSVM (labels from 0, feature indices from 1, zeros left out).") { d in
        let ds = datasetArgument(d), path = path(d)
        return { args in
          try LibSvmWriter.write(args[ds], to: args[path])
          return []
        }
      },
      entry("digits", "The 8x8 handwritten digits: 1797 examples, 64 pixel features (0..16), 10 classes.",
            returns: [Returned(.either(.object("Dataset"), .tensor), "the dataset; with images, the images x [1797, 8, 8, 1]"),
                      Returned(.tensor, "with images only: y, as the dataset's")],
            details: "A copy of the UCI optical digits test set (E. Alpaydin, C. Kaynak, 1998) as scikit-learn ships it (BSD-3-Clause); shipped with Crescent. With `images = true` it returns two tensors, `local x, y = data.digits{images = true, one_hot = true}`: x holds the images as a convolution takes them, [n, height, width, channels] = [1797, 8, 8, 1].") { d in
        let oneHot = d.option("one_hot", Bool.self, "y as 10 one-hot columns instead of one column of class indices 0..9", default: false)
        let images = d.option("images", Bool.self, "return x as 8x8 one-channel images [1797, 8, 8, 1] and y, two tensors, instead of a dataset", default: false)
        return { args in
          if try args[images] {
            let (x, y) = try Digits.images(oneHot: args[oneHot])
            return [.tensor(x), .tensor(y)]
          }
          return [.object(try Digits.load(oneHot: args[oneHot]))]
        }
      },
      entry("load", "Train and test sets from a name or a file: `local train, test = data.load(\"yeast\")`.",
            returns: returnsTrainTest,
            details: """
              "synthetic" generates with make_multilabel and splits; "digits" loads the digits with one-hot labels \
              and splits; a MULAN name takes the official train/test files; a path is loaded (ARFF labels from \
              `xml`, `labels`, a `<stem>.xml` beside the file, or a MEKA header) and split.
              """) { d in
        let spec = d.parameter("spec", String.self, "\"synthetic\", \"digits\", a MULAN name under CRESCENT_DATA, or a .arff/.csv/.csv.gz/.svm/.libsvm path")
        let testSize = d.option("test_size", Double.self, "share of examples in the test part (not for MULAN names, which use the official split)", as: .numberIn(0, 1), default: 0.25)
        let stratify = d.option("stratify", Stratification.self, "how the split keeps label proportions", default: .iterative)
        let seed = seed(d)
        let labels = d.option("labels", Int.self, "for ARFF and CSV files: the last L columns are labels", as: .positiveInteger)
        let xml = d.option("xml", String.self, "for ARFF files: a MULAN labels file")
        let samples = d.option("n_samples", Int.self, "for \"synthetic\": examples", as: .positiveInteger, default: 1000)
        let features = d.option("n_features", Int.self, "for \"synthetic\": features", as: .positiveInteger, default: 20)
        let classes = d.option("n_classes", Int.self, "for \"synthetic\": labels", as: .positiveInteger, default: 5)
        let perExample = d.option("n_labels", Int.self, "for \"synthetic\": mean labels per example", as: .nonNegativeInteger, default: 2)
        return { args in
          let options = try DataLoader.Options(
            testSize: args[testSize], stratify: args[stratify], labels: args[labels], xml: args[xml],
            generator: MultilabelGenerator(samples: args[samples], features: args[features], classes: args[classes], labels: args[perExample]))
          let (train, test) = try DataLoader.load(args[spec], options: options, stream: stream(seed: args[seed], args.session, "load"))
          return [.object(train), .object(test)]
        }
      },
    ]
  }
}

extension ArffOptions.NominalEncoding: ScriptEnum {}
extension ArffOptions.MissingValues: ScriptEnum {}
